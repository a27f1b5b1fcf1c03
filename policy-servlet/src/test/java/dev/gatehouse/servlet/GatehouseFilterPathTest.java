package dev.gatehouse.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.PolicyEngine;
import dev.gatehouse.engine.PolicyEngineHolder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * On a real Jetty, raw paths that the container normalises into another app's path are refused
 * before any decision, unless the host relaxed it. Requests go over a plain socket so that no
 * client normalises them first.
 */
final class GatehouseFilterPathTest {

  private static final PolicyEngineHolder HOLDER =
      new PolicyEngineHolder(PolicyEngine.compile(TestPolicies.standard()));

  private static JettyHarness strict;
  private static JettyHarness relaxed;

  @BeforeAll
  static void start() throws Exception {
    strict = JettyHarness.start(TestPolicies.filter(HOLDER).build());
    relaxed = JettyHarness.start(TestPolicies.filter(HOLDER).allowUnsafePaths().build());
  }

  @AfterAll
  static void stop() throws Exception {
    strict.close();
    relaxed.close();
  }

  /** Paths Jetty's own URI compliance lets through: the filter refuses them. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "/payroll/../mail/x",
        "/books/./../mail/inbox",
        "/mail/./inbox",
        "/mail/inbox/..",
        "/mail;jsessionid=1/inbox",
        "/payroll;/../mail/x"
      })
  void doFilter_unsafeRawPath_400ProblemBeforeAnyDecision(String path) throws IOException {
    String response = rawGet(strict, path);

    assertThat(response).startsWith("HTTP/1.1 400 ");
    assertThat(response)
        .containsIgnoringCase("content-type: application/problem+json")
        .contains("\"reasons\":[\"unsafe_path\"]")
        .doesNotContain("roles=");
  }

  /** Paths a container may let through or refuse itself: either way, never served. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "/mail//inbox",
        "//mail/inbox",
        "/payroll/..;/mail/x",
        "/mail/%2e%2e/payroll/run",
        "/mail%2Finbox",
        "/mail/%2E/inbox",
        "/mail%5cinbox",
        "/mail/%252e%252e/x",
        "/mail/in%00box"
      })
  void doFilter_ambiguousRawPath_400NeverServed(String path) throws IOException {
    String response = rawGet(strict, path);

    assertThat(response).startsWith("HTTP/1.1 400 ").doesNotContain("roles=");
  }

  @Test
  void doFilter_dotSegmentsIntoAssignedApp_neverServedUnderItsDecision() throws IOException {
    // Ann may use mail, not payroll: the raw path names payroll, the normalised one mail.
    String response = rawGet(strict, "/payroll/../mail/inbox");

    assertThat(response).startsWith("HTTP/1.1 400 ").doesNotContain("roles=[user]");
  }

  @Test
  void doFilter_plainPath_isDecided() throws IOException {
    assertThat(rawGet(strict, "/mail/inbox?x=../y"))
        .startsWith("HTTP/1.1 200 ")
        .contains("roles=[user]");
  }

  @Test
  void doFilter_unsafePathAllowed_decidesOnNormalisedPath() throws IOException {
    assertThat(rawGet(relaxed, "/payroll/../mail/inbox"))
        .startsWith("HTTP/1.1 200 ")
        .contains("roles=[user]");
  }

  /** Sends one GET with {@code path} exactly as written and returns the whole response. */
  private static String rawGet(JettyHarness server, String path) throws IOException {
    int port = server.uri("/").getPort();
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET "
                  + path
                  + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Test-User: ann\r\n"
                  + "Connection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      in.transferTo(body);
      return body.toString(StandardCharsets.UTF_8);
    }
  }
}

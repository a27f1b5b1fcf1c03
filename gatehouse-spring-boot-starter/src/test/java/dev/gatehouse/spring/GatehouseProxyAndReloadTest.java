package dev.gatehouse.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.CompiledPolicies;
import dev.gatehouse.engine.PolicyEngineHolder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Boots the test application trusting the loopback proxy's RFC 7239 {@code Forwarded}, on a policy
 * directory that is checked for changes every 200 ms.
 */
@SpringBootTest(
    classes = TestApp.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "gatehouse.client-address.trusted-proxies=127.0.0.1/32",
      "gatehouse.client-address.header=forwarded",
      "gatehouse.reload.enabled=true",
      "gatehouse.reload.interval=200ms"
    })
@ActiveProfiles("replay")
final class GatehouseProxyAndReloadTest {

  private static final Path POLICIES = policyDirectory();

  @LocalServerPort int port;
  @Autowired PolicyEngineHolder holder;

  @DynamicPropertySource
  static void policies(DynamicPropertyRegistry registry) {
    registry.add("gatehouse.policies", POLICIES::toString);
  }

  @Test
  void reload_policyFileAddedToTheDirectory_isSwappedInWithoutBeingAsked() throws Exception {
    CompiledPolicies before = holder.current();

    Files.writeString(
        POLICIES.resolve("zz-wiki.policy"),
        "assign \"wiki-for-all\" {\n  app \"wiki\" role \"reader\"\n}\n");
    Instant deadline = Instant.now().plusSeconds(20);
    while (holder.current() == before && Instant.now().isBefore(deadline)) {
      Thread.sleep(50);
    }

    assertThat(holder.current()).isNotSameAs(before);
    assertThat(holder.current().policySet().policies())
        .hasSize(before.policySet().policies().size() + 1);
    assertThat(send("Forwarded", "for=203.0.113.9").statusCode()).isEqualTo(200);
  }

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void authorize_forwardedFromATrustedProxy_isTheClient() throws Exception {
    assertThat(send("Forwarded", "for=203.0.113.9").statusCode()).isEqualTo(200);
  }

  @Test
  void authorize_xForwardedForWhenForwardedIsConfigured_isIgnored() throws Exception {
    HttpResponse<String> response = send("X-Forwarded-For", "203.0.113.9");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("network_not_allowed");
  }

  @Test
  void authorize_forwardedHopThatIsNoAddress_isDenied() throws Exception {
    HttpResponse<String> response = send("Forwarded", "for=unknown");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("client_address_unknown");
  }

  private HttpResponse<String> send(String header, String value) throws Exception {
    String token =
        TestApp.jwt(
            "u-finance",
            Map.of(
                "department", "Finance",
                "country", "FR",
                "roles", List.of(),
                "employment", "employee",
                "risk_level", "low",
                "amr", List.of("pwd"),
                "auth_time", TestApp.NOW.minusSeconds(600).getEpochSecond()));
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/books/ledger"))
            .header("Authorization", "Bearer " + token)
            .header(header, value)
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static Path policyDirectory() {
    try {
      Path dir = Files.createTempDirectory("gatehouse-reload");
      Files.copy(Path.of("..", "examples", "acme.policy"), dir.resolve("acme.policy"));
      return dir;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}

package dev.gatehouse.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.PolicyEngineHolder;
import dev.gatehouse.monitor.SignInEvent;
import dev.gatehouse.monitor.SignInMonitor;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.ObjectMapper;

/**
 * Boots the test application on a random port with the example policies, trusting the loopback
 * proxy's {@code X-Forwarded-For} through Spring's own (Tomcat's) forwarded-header handling, and
 * calls it over real HTTP with JWTs checked by Spring's {@code NimbusJwtDecoder}.
 */
@SpringBootTest(
    classes = TestApp.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "server.forward-headers-strategy=native",
      "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1",
      "gatehouse.reload.enabled=true",
      "gatehouse.reload.interval=1h"
    })
@ActiveProfiles("replay")
final class GatehouseSpringBootTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path EXAMPLES = Path.of("..", "examples");
  private static final Path POLICIES = copyPolicies();
  private static final Map<String, String> AMR =
      Map.of("password", "pwd", "totp", "otp", "webauthn", "hwk", "sms", "sms");

  @LocalServerPort int port;
  @Autowired SignInMonitor monitor;
  @Autowired PolicyReloader reloader;
  @Autowired PolicyEngineHolder holder;

  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .cookieHandler(new CookieManager())
          .build();

  @DynamicPropertySource
  static void policies(DynamicPropertyRegistry registry) {
    registry.add("gatehouse.policies", () -> POLICIES.toString());
  }

  static Stream<Arguments> acmeCases() throws IOException {
    Map<?, ?> tests = JSON.readValue(EXAMPLES.resolve("acme.tests.json").toFile(), Map.class);
    return ((List<?>) tests.get("cases"))
        .stream().map(c -> Arguments.of(((Map<?, ?>) c).get("name"), c));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("acmeCases")
  void authorize_acmeCaseOverHttp_decidesAsTheCli(String name, Map<String, Object> testCase)
      throws Exception {
    Map<?, ?> request = (Map<?, ?>) testCase.get("request");
    Map<?, ?> expect = (Map<?, ?>) testCase.get("expect");

    HttpResponse<String> response =
        send(
            path(request),
            "Bearer " + TestApp.jwt(userId(request), claims(request)),
            Map.of("X-Forwarded-For", (String) request.get("ip")));

    String effect = (String) expect.get("effect");
    int status =
        switch (effect) {
          case "PERMIT" -> 200;
          case "DENY" -> 403;
          default -> 401;
        };
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    if (effect.equals("PERMIT") && expect.containsKey("roles")) {
      assertThat(JSON.readValue(response.body(), Map.class).get("roles"))
          .isEqualTo(expect.get("roles"));
      return;
    }
    if (!effect.equals("PERMIT")) {
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValue("application/problem+json");
      assertThat(reasons(response)).containsAll(expectedCodes(expect));
    }
    if (effect.equals("CHALLENGE")) {
      assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
          .startsWith("Bearer error=\"insufficient_user_authentication\"");
    }
  }

  @Test
  void authorize_passwordOnlyWhereMfaIsRequired_challengesThenPassesWithOtp() throws Exception {
    long signedIn = TestApp.NOW.minusSeconds(600).getEpochSecond();
    Map<String, Object> claims = sysadmin(signedIn, List.of("pwd"));

    HttpResponse<String> challenged = send("/mail/inbox", bearer(claims), office());
    claims.put("amr", List.of("pwd", "otp"));
    HttpResponse<String> passed = send("/mail/inbox", bearer(claims), office());

    assertThat(challenged.statusCode()).isEqualTo(401);
    assertThat(challenged.headers().firstValue("WWW-Authenticate").orElseThrow())
        .contains("error=\"insufficient_user_authentication\"")
        .contains("acr_values=\"totp webauthn\"")
        .contains("max_age=28800");
    assertThat(reasons(challenged)).containsExactly("mfa_required");
    assertThat(passed.statusCode()).isEqualTo(200);
    assertThat(passed.body()).contains("\"user\"");
  }

  @Test
  void authorize_authTimeInTheFuture_isRefused() throws Exception {
    long future = TestApp.NOW.plusSeconds(3600).getEpochSecond();

    HttpResponse<String> response =
        send("/mail/inbox", bearer(sysadmin(future, List.of("pwd", "otp"))), office());

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(reasons(response)).containsExactly("auth_time_in_future");
  }

  @Test
  void authorize_forwardedHeaderWithoutConfiguration_isIgnored() throws Exception {
    Map<String, Object> claims = financeUser();

    HttpResponse<String> forwarded =
        send("/books/ledger", bearer(claims), Map.of("Forwarded", "for=203.0.113.9"));
    HttpResponse<String> xForwardedFor = send("/books/ledger", bearer(claims), office());

    // The office address in `Forwarded` is not believed: the client is the loopback peer.
    assertThat(forwarded.statusCode()).isEqualTo(403);
    assertThat(reasons(forwarded)).containsExactly("network_not_allowed");
    assertThat(xForwardedFor.statusCode()).isEqualTo(200);
  }

  @Test
  void methodAuthorize_appTheUserIsNotAssigned_isDeniedAsAProblem() throws Exception {
    Map<String, Object> sales = financeUser();
    sales.put("sub", "u-sales");
    sales.put("department", "Sales");

    HttpResponse<String> finance = send("/reports/ledger", bearer(financeUser()), office());
    HttpResponse<String> denied = send("/reports/ledger", bearer(sales), office());

    assertThat(finance.statusCode()).isEqualTo(200);
    assertThat(finance.body()).isEqualTo("42");
    assertThat(denied.statusCode()).isEqualTo(403);
    assertThat(reasons(denied)).containsExactly("not_assigned");
  }

  @Test
  void authorize_pathNoRouteCovers_isDeniedAsUnmapped() throws Exception {
    HttpResponse<String> response = send("/unrouted/x", bearer(financeUser()), office());

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(reasons(response)).containsExactly("unmapped_path");
  }

  @Test
  void authorize_noAuthentication_startsSignIn() throws Exception {
    HttpResponse<String> api = send("/mail/inbox", null, office());

    assertThat(api.statusCode()).isEqualTo(401);
    assertThat(api.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Bearer");
  }

  @Test
  void authorize_anyDecision_isObservedBySpringSecurity() throws Exception {
    TestApp.OBSERVED.clear();

    send("/books/ledger", bearer(financeUser()), office());

    assertThat(TestApp.OBSERVED).contains("spring.security.authorizations");
  }

  @Test
  void signIn_wrongPassword_showsInTheMonitor() throws Exception {
    HttpResponse<String> login = FormLogin.post(http, uri("/"), "clerk", "wrong");

    assertThat(login.statusCode()).isEqualTo(302);
    assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
    Map<SignInEvent.Outcome, Long> outcomes =
        monitor.report(TestApp.NOW.minusSeconds(60), TestApp.NOW.plusSeconds(60)).byOutcome();
    assertThat(outcomes.get(SignInEvent.Outcome.FAILED_CREDENTIALS)).isPositive();
    assertThat(
            monitor
                .report(TestApp.NOW.minusSeconds(60), TestApp.NOW.plusSeconds(60))
                .topFailingUsers(5))
        .anyMatch(c -> c.key().equals("clerk"));
  }

  @Test
  void reload_brokenPolicyFile_keepsServingTheRunningSet() throws Exception {
    Path file = POLICIES.resolve("acme.policy");
    String good = Files.readString(file);
    var running = holder.current();
    try {
      Files.writeString(file, good + "\nassign \"broken\" {\n  app \"mail\" role\n}\n");

      boolean swapped = reloader.checkNow();

      assertThat(swapped).isFalse();
      assertThat(reloader.lastFailure()).get().asString().contains("error[");
      assertThat(holder.current()).isSameAs(running);
      assertThat(send("/books/ledger", bearer(financeUser()), office()).statusCode())
          .isEqualTo(200);
    } finally {
      Files.writeString(file, good);
      Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(Instant.now()));
      assertThat(reloader.checkNow()).isTrue();
    }
  }

  private HttpResponse<String> send(String path, String authorization, Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    headers.forEach(b::header);
    if (path.startsWith("/admin/")) {
      b.POST(HttpRequest.BodyPublishers.noBody());
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private static String bearer(Map<String, Object> claims) {
    return "Bearer " + TestApp.jwt((String) claims.get("sub"), claims);
  }

  private static Map<String, String> office() {
    return Map.of("X-Forwarded-For", "203.0.113.9");
  }

  private static Map<String, Object> sysadmin(long authTime, List<String> amr) {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("sub", "u-it");
    claims.put("department", "IT");
    claims.put("roles", List.of("sysadmin"));
    claims.put("employment", "employee");
    claims.put("risk_level", "low");
    claims.put("amr", amr);
    claims.put("auth_time", authTime);
    return claims;
  }

  private static Map<String, Object> financeUser() {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("sub", "u-finance");
    claims.put("department", "Finance");
    claims.put("country", "FR");
    claims.put("roles", List.of());
    claims.put("employment", "employee");
    claims.put("risk_level", "low");
    claims.put("amr", List.of("pwd"));
    claims.put("auth_time", TestApp.NOW.minusSeconds(600).getEpochSecond());
    return claims;
  }

  @SuppressWarnings("unchecked")
  private static List<String> reasons(HttpResponse<String> response) {
    return (List<String>) JSON.readValue(response.body(), Map.class).get("reasons");
  }

  private static List<String> expectedCodes(Map<?, ?> expect) {
    List<String> codes = new ArrayList<>();
    Object reasons = expect.get("reasons");
    if (reasons instanceof List<?> list) {
      for (Object r : list) {
        codes.add(r instanceof Map<?, ?> m ? (String) m.get("code") : (String) r);
      }
    }
    return codes;
  }

  private static String userId(Map<?, ?> request) {
    return (String) ((Map<?, ?>) request.get("user")).get("id");
  }

  /** The request as a token would carry it: user attributes, risk, device and sign-in context. */
  private static Map<String, Object> claims(Map<?, ?> request) {
    Map<String, Object> claims = new LinkedHashMap<>();
    ((Map<?, ?>) request.get("user"))
        .forEach(
            (k, v) -> {
              if (!k.equals("id")) {
                claims.put((String) k, v);
              }
            });
    prefixed(claims, "risk_", request.get("risk"));
    prefixed(claims, "device_", request.get("device"));
    prefixed(claims, "location_", request.get("location"));
    Map<?, ?> auth = (Map<?, ?>) request.get("auth");
    List<String> amr = new ArrayList<>();
    for (Object method : (List<?>) auth.get("methods")) {
      amr.add(AMR.get(method));
    }
    claims.put("amr", amr);
    claims.put("auth_time", Instant.parse((String) auth.get("time")).getEpochSecond());
    return claims;
  }

  private static void prefixed(Map<String, Object> claims, String prefix, Object values) {
    if (values instanceof Map<?, ?> map) {
      map.forEach((k, v) -> claims.put(prefix + k, v));
    }
  }

  /** The path the case's app and action are routed from. */
  private static String path(Map<?, ?> request) {
    String action = (String) request.get("action");
    Map<?, ?> target = (Map<?, ?>) request.get("target");
    return switch (action) {
      case "access" -> "/" + request.get("app") + "/home";
      case "signin" -> "/signin";
      case "app.assign" -> "/admin/apps/" + target.get("app") + "/assign";
      default ->
          "/admin/users/"
              + target.get("department")
              + "/"
              + action.substring("user.".length()).replace("reset_mfa", "reset-mfa");
    };
  }

  private static Path copyPolicies() {
    try {
      Path dir = Files.createTempDirectory("gatehouse-spring");
      Files.copy(EXAMPLES.resolve("acme.policy"), dir.resolve("acme.policy"));
      dir.toFile().deleteOnExit();
      dir.resolve("acme.policy").toFile().deleteOnExit();
      return dir;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}

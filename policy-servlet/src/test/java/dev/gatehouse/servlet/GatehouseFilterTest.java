package dev.gatehouse.servlet;

import static dev.gatehouse.servlet.JettyHarness.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gatehouse.engine.PolicyEngine;
import dev.gatehouse.engine.PolicyEngineHolder;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The filter in front of a servlet on a real Jetty, reached with a real HTTP client. */
final class GatehouseFilterTest {

  private static final PolicyEngineHolder HOLDER =
      new PolicyEngineHolder(PolicyEngine.compile(TestPolicies.standard()));

  private static JettyHarness direct;
  private static JettyHarness proxied;

  @BeforeAll
  static void start() throws Exception {
    direct = JettyHarness.start(TestPolicies.filter(HOLDER).stepUpUrl("/step-up").build());
    proxied =
        JettyHarness.start(
            TestPolicies.filter(HOLDER)
                .clientIp(ClientIp.trusting(List.of("127.0.0.1"), ClientIp.Header.X_FORWARDED_FOR))
                .build());
  }

  @AfterAll
  static void stop() throws Exception {
    direct.close();
    proxied.close();
  }

  /**
   * One request and what the filter must answer: the status, and what the servlet's or the
   * problem's body shows.
   */
  private record Exchange(
      String name,
      boolean proxied,
      String path,
      List<String> headers,
      int status,
      Consumer<String> body) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Exchange direct(
      String name, String path, List<String> headers, int status, Consumer<String> body) {
    return new Exchange(name, false, path, headers, status, body);
  }

  private static Exchange proxied(
      String name, String path, List<String> headers, int status, Consumer<String> body) {
    return new Exchange(name, true, path, headers, status, body);
  }

  static Stream<Exchange> exchanges() {
    return Stream.of(
        direct(
            "assignedUser_reachesServletWithDecision",
            "/mail/inbox",
            List.of("X-Test-User", "ann"),
            200,
            b -> assertThat(b).startsWith("roles=[user]")),
        direct(
            "signinPath_decidesOrgSignin",
            "/signin",
            List.of("X-Test-User", "ann"),
            200,
            b -> assertThat(b).startsWith("roles=[]")),
        direct(
            "outsideAllowedNetwork_403NetworkNotAllowed",
            "/payroll/run",
            List.of("X-Test-User", "pat", "X-Test-Dept", "Payroll"),
            403,
            b -> assertThat(b).contains("\"reasons\":[\"network_not_allowed\"]")),
        direct(
            "freshHardwareKey_permitsAdmin",
            "/admin/users",
            List.of("X-Test-User", "ann", "X-Test-Amr", "pwd hwk", "X-Test-Auth-Age", "60"),
            200,
            b -> assertThat(b).startsWith("roles=[operator]")),
        direct(
            "staleHardwareKey_challenges",
            "/admin/users",
            List.of("X-Test-User", "ann", "X-Test-Amr", "pwd hwk", "X-Test-Auth-Age", "90000"),
            401,
            b -> {}),
        direct(
            "reportOnlyBlock_notEnforced",
            "/mail/inbox",
            List.of("X-Test-User", "ann"),
            200,
            b -> assertThat(b).isEqualTo("roles=[user] report_only=[mail-blocked-trial=DENY]")),
        direct(
            "spoofedForwardedForFromUntrustedPeer_ignored",
            "/payroll/run",
            List.of(
                "X-Test-User", "pat", "X-Test-Dept", "Payroll", "X-Forwarded-For", "203.0.113.9"),
            403,
            b -> assertThat(b).contains("network_not_allowed")),
        proxied(
            "forwardedForFromTrustedProxy_usesRealClient",
            "/payroll/run",
            List.of(
                "X-Test-User",
                "pat",
                "X-Test-Dept",
                "Payroll",
                "X-Forwarded-For",
                "198.51.100.1, 203.0.113.9"),
            200,
            b -> assertThat(b).startsWith("roles=[clerk]")),
        proxied(
            "spoofedLeftmostBehindTrustedProxy_usesRightmostUntrusted",
            "/payroll/run",
            List.of(
                "X-Test-User",
                "pat",
                "X-Test-Dept",
                "Payroll",
                "X-Forwarded-For",
                "203.0.113.9, 198.51.100.1"),
            403,
            b -> assertThat(b).contains("network_not_allowed")),
        proxied(
            "obfuscatedHopBehindTrustedProxy_403ClientUnknown",
            "/mail/inbox",
            List.of("X-Test-User", "ann", "X-Forwarded-For", "203.0.113.9, unknown"),
            403,
            b -> assertThat(b).contains("\"reasons\":[\"client_address_unknown\"]")),
        direct(
            "subjectUnresolved_403WithoutStackTrace",
            "/mail/inbox",
            List.of(),
            403,
            b ->
                assertThat(b)
                    .contains("\"reasons\":[\"subject_unresolved\"]")
                    .doesNotContain("Exception", "at dev.", "at org.", "\tat ")),
        direct(
            "blankPrincipalName_403SubjectUnresolved",
            "/mail/inbox",
            List.of("X-Test-User", " "),
            403,
            b -> assertThat(b).contains("subject_unresolved").doesNotContain("Exception")),
        direct(
            "unmappedPath_403",
            "/elsewhere",
            List.of("X-Test-User", "ann"),
            403,
            b -> assertThat(b).contains("\"reasons\":[\"unmapped_path\"]")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exchanges")
  void doFilter_request_answersAsThePoliciesDecide(Exchange e) throws Exception {
    JettyHarness harness = e.proxied() ? proxied : direct;
    HttpResponse<String> response = get(harness.uri(e.path()), e.headers().toArray(new String[0]));

    assertThat(response.statusCode()).isEqualTo(e.status());
    e.body().accept(response.body());
  }

  @Test
  void doFilter_appNotAssigned_403ProblemNamingReason() throws Exception {
    HttpResponse<String> response = get(direct.uri("/books/ledger"), "X-Test-User", "ann");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.body())
        .isEqualTo(
            "{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,\"detail\":\"access"
                + " denied by policy\",\"reasons\":[\"not_assigned\"]}");
  }

  @Test
  void doFilter_mfaMissing_401WithRfc9470Challenge() throws Exception {
    HttpResponse<String> response =
        get(
            direct.uri("/admin/users"),
            "X-Test-User",
            "ann",
            "X-Test-Amr",
            "pwd",
            "X-Test-Auth-Age",
            "60");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValue(
            "Bearer error=\"insufficient_user_authentication\", error_description=\"a stronger or"
                + " more recent authentication is required\", acr_values=\"totp webauthn\","
                + " max_age=28800");
    assertThat(response.body()).contains("\"status\":401", "\"reasons\":[\"mfa_required\"]");
  }

  @Test
  void doFilter_mfaMissingFromBrowser_redirectsToStepUp() throws Exception {
    HttpResponse<String> response =
        get(
            direct.uri("/admin/users?page=2"),
            "X-Test-User",
            "ann",
            "X-Test-Amr",
            "pwd",
            "Accept",
            "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");

    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location"))
        .hasValue(
            "/step-up?acr_values=totp+webauthn&max_age=28800"
                + "&return_to=%2Fadmin%2Fusers%3Fpage%3D2");
  }

  @Test
  void doFilter_ipv6LoopbackClient_decidedOnIpv6Address() throws Exception {
    assumeTrue(JettyHarness.ipv6LoopbackAvailable(), "IPv6 loopback is unavailable");
    try (JettyHarness dual =
        JettyHarness.start(TestPolicies.filter(HOLDER).build(), true, (context, holder) -> {})) {
      HttpResponse<String> over6 = get(dual.uri6("/six/home"), "X-Test-User", "ann");
      HttpResponse<String> over4 = get(dual.uri("/six/home"), "X-Test-User", "ann");

      assertThat(over6.statusCode()).isEqualTo(200);
      assertThat(over4.statusCode()).isEqualTo(403);
      assertThat(over4.body()).contains("network_not_allowed");
    }
  }
}

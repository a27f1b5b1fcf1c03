package dev.gatehouse.servlet;

import static dev.gatehouse.servlet.JettyHarness.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gatehouse.engine.PolicyEngine;
import dev.gatehouse.engine.PolicyEngineHolder;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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

  @Test
  void doFilter_assignedUser_reachesServletWithDecision() throws Exception {
    HttpResponse<String> response = get(direct.uri("/mail/inbox"), "X-Test-User", "ann");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).startsWith("roles=[user]");
  }

  @Test
  void doFilter_signinPath_decidesOrgSignin() throws Exception {
    HttpResponse<String> response = get(direct.uri("/signin"), "X-Test-User", "ann");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).startsWith("roles=[]");
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
  void doFilter_outsideAllowedNetwork_403NetworkNotAllowed() throws Exception {
    HttpResponse<String> response =
        get(direct.uri("/payroll/run"), "X-Test-User", "pat", "X-Test-Dept", "Payroll");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("\"reasons\":[\"network_not_allowed\"]");
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
  void doFilter_freshHardwareKey_permitsAdmin() throws Exception {
    HttpResponse<String> response =
        get(
            direct.uri("/admin/users"),
            "X-Test-User",
            "ann",
            "X-Test-Amr",
            "pwd hwk",
            "X-Test-Auth-Age",
            "60");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).startsWith("roles=[operator]");
  }

  @Test
  void doFilter_staleHardwareKey_challenges() throws Exception {
    HttpResponse<String> response =
        get(
            direct.uri("/admin/users"),
            "X-Test-User",
            "ann",
            "X-Test-Amr",
            "pwd hwk",
            "X-Test-Auth-Age",
            "90000");

    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  void doFilter_reportOnlyBlock_notEnforced() throws Exception {
    HttpResponse<String> response = get(direct.uri("/mail/inbox"), "X-Test-User", "ann");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("roles=[user] report_only=[mail-blocked-trial=DENY]");
  }

  @Test
  void doFilter_spoofedForwardedForFromUntrustedPeer_ignored() throws Exception {
    HttpResponse<String> response =
        get(
            direct.uri("/payroll/run"),
            "X-Test-User",
            "pat",
            "X-Test-Dept",
            "Payroll",
            "X-Forwarded-For",
            "203.0.113.9");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("network_not_allowed");
  }

  @Test
  void doFilter_forwardedForFromTrustedProxy_usesRealClient() throws Exception {
    HttpResponse<String> response =
        get(
            proxied.uri("/payroll/run"),
            "X-Test-User",
            "pat",
            "X-Test-Dept",
            "Payroll",
            "X-Forwarded-For",
            "198.51.100.1, 203.0.113.9");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).startsWith("roles=[clerk]");
  }

  @Test
  void doFilter_spoofedLeftmostBehindTrustedProxy_usesRightmostUntrusted() throws Exception {
    HttpResponse<String> response =
        get(
            proxied.uri("/payroll/run"),
            "X-Test-User",
            "pat",
            "X-Test-Dept",
            "Payroll",
            "X-Forwarded-For",
            "203.0.113.9, 198.51.100.1");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("network_not_allowed");
  }

  @Test
  void doFilter_obfuscatedHopBehindTrustedProxy_403ClientUnknown() throws Exception {
    HttpResponse<String> response =
        get(
            proxied.uri("/mail/inbox"),
            "X-Test-User",
            "ann",
            "X-Forwarded-For",
            "203.0.113.9, unknown");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("\"reasons\":[\"client_address_unknown\"]");
  }

  @Test
  void doFilter_subjectUnresolved_403WithoutStackTrace() throws Exception {
    HttpResponse<String> response = get(direct.uri("/mail/inbox"));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body())
        .contains("\"reasons\":[\"subject_unresolved\"]")
        .doesNotContain("Exception", "at dev.", "at org.", "\tat ");
  }

  @Test
  void doFilter_blankPrincipalName_403SubjectUnresolved() throws Exception {
    HttpResponse<String> response = get(direct.uri("/mail/inbox"), "X-Test-User", " ");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("subject_unresolved").doesNotContain("Exception");
  }

  @Test
  void doFilter_unmappedPath_403() throws Exception {
    HttpResponse<String> response = get(direct.uri("/elsewhere"), "X-Test-User", "ann");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("\"reasons\":[\"unmapped_path\"]");
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

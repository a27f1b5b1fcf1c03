package dev.gatehouse.servlet;

import static dev.gatehouse.servlet.JettyHarness.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gatehouse.engine.PolicyEngine;
import dev.gatehouse.engine.PolicyEngineHolder;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The filter in front of a servlet on a real Jetty, reached with a real HTTP client. */
final class GatehouseFilterTest {

  private static final PolicyEngineHolder HOLDER =
      new PolicyEngineHolder(PolicyEngine.compile(TestPolicies.standard()));

  private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8";

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
   * One request per row and what the filter must answer: the status, then how the servlet's or the
   * problem's body reads ({@code starts}, {@code contains} or {@code equals} the text) and what it
   * must not contain. Headers are {@code name=value} pairs separated by {@code "; "}.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          assignedUser_reachesServletWithDecision | direct | /mail/inbox | X-Test-User=ann | 200 | starts | roles=[user] |
          signinPath_decidesOrgSignin | direct | /signin | X-Test-User=ann | 200 | starts | roles=[] |
          outsideAllowedNetwork_403NetworkNotAllowed | direct | /payroll/run | X-Test-User=pat; X-Test-Dept=Payroll | 403 | contains | "reasons":["network_not_allowed"] |
          freshHardwareKey_permitsAdmin | direct | /admin/users | X-Test-User=ann; X-Test-Amr=pwd hwk; X-Test-Auth-Age=60 | 200 | starts | roles=[operator] |
          staleHardwareKey_challenges | direct | /admin/users | X-Test-User=ann; X-Test-Amr=pwd hwk; X-Test-Auth-Age=90000 | 401 | | |
          reportOnlyBlock_notEnforced | direct | /mail/inbox | X-Test-User=ann | 200 | equals | roles=[user] report_only=[mail-blocked-trial=DENY] |
          spoofedForwardedForFromUntrustedPeer_ignored | direct | /payroll/run | X-Test-User=pat; X-Test-Dept=Payroll; X-Forwarded-For=203.0.113.9 | 403 | contains | network_not_allowed |
          forwardedForFromTrustedProxy_usesRealClient | proxied | /payroll/run | X-Test-User=pat; X-Test-Dept=Payroll; X-Forwarded-For=198.51.100.1, 203.0.113.9 | 200 | starts | roles=[clerk] |
          spoofedLeftmostBehindTrustedProxy_usesRightmostUntrusted | proxied | /payroll/run | X-Test-User=pat; X-Test-Dept=Payroll; X-Forwarded-For=203.0.113.9, 198.51.100.1 | 403 | contains | network_not_allowed |
          obfuscatedHopBehindTrustedProxy_403ClientUnknown | proxied | /mail/inbox | X-Test-User=ann; X-Forwarded-For=203.0.113.9, unknown | 403 | contains | "reasons":["client_address_unknown"] |
          subjectUnresolved_403WithoutStackTrace | direct | /mail/inbox | | 403 | contains | "reasons":["subject_unresolved"] | 'Exception; at dev.; at org.; \tat '
          blankPrincipalName_403SubjectUnresolved | direct | /mail/inbox | 'X-Test-User= ' | 403 | contains | subject_unresolved | Exception
          unmappedPath_403 | direct | /elsewhere | X-Test-User=ann | 403 | contains | "reasons":["unmapped_path"] |
          """)
  void doFilter_request_answersAsThePoliciesDecide(
      String name,
      String via,
      String path,
      String headers,
      int status,
      String match,
      String text,
      String absent)
      throws Exception {
    JettyHarness harness = via.equals("proxied") ? proxied : direct;
    HttpResponse<String> response = get(harness.uri(path), headerList(headers));

    assertThat(response.statusCode()).isEqualTo(status);
    String body = response.body();
    if ("starts".equals(match)) {
      assertThat(body).startsWith(text);
    } else if ("contains".equals(match)) {
      assertThat(body).contains(text);
    } else if ("equals".equals(match)) {
      assertThat(body).isEqualTo(text);
    } else {
      assertThat(match).as("how the body is matched").isNull();
    }
    if (absent != null) {
      assertThat(body).doesNotContain(absent.split("; "));
    }
  }

  private static String[] headerList(String headers) {
    if (headers == null) {
      return new String[0];
    }
    List<String> out = new ArrayList<>();
    for (String pair : headers.split("; ")) {
      int eq = pair.indexOf('=');
      out.add(pair.substring(0, eq));
      out.add(pair.substring(eq + 1));
    }
    return out.toArray(new String[0]);
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
    String[] headers = headerList("X-Test-User=ann; X-Test-Amr=pwd; X-Test-Auth-Age=60");
    HttpResponse<String> response = get(direct.uri("/admin/users"), headers);

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
    String[] headers = headerList("X-Test-User=ann; X-Test-Amr=pwd; Accept=" + BROWSER_ACCEPT);
    HttpResponse<String> response = get(direct.uri("/admin/users?page=2"), headers);

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

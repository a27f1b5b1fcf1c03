package dev.gatehouse.servlet;

import static dev.gatehouse.servlet.JettyHarness.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.PolicyEngine;
import dev.gatehouse.engine.PolicyEngineHolder;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whatever goes wrong before the decision, the answer is 403 and names only a code. */
final class GatehouseFilterFailClosedTest {

  private static final PolicyEngineHolder HOLDER =
      new PolicyEngineHolder(PolicyEngine.compile(TestPolicies.standard()));

  @Test
  void doFilter_resolverThrows_403WithoutDetails() throws Exception {
    SubjectResolver broken =
        (http, subject) -> {
          throw new IllegalStateException("directory at ldap://10.1.2.3 is down");
        };
    try (JettyHarness server =
        JettyHarness.start(TestPolicies.filter(HOLDER).subjectResolver(broken).build())) {
      HttpResponse<String> response = get(server.uri("/mail/inbox"), "X-Test-User", "ann");

      assertThat(response.statusCode()).isEqualTo(403);
      assertThat(response.body())
          .contains("\"reasons\":[\"request_invalid\"]")
          .doesNotContain("ldap", "IllegalState", "Exception", "\tat ");
    }
  }

  @Test
  void doFilter_subjectValueOfWrongType_403RequestInvalid() throws Exception {
    SubjectResolver wrongType =
        (http, subject) -> {
          StandardSubjectResolver.set(subject, "user.id", "ann");
          StandardSubjectResolver.set(subject, "user.roles", Map.of("not", "a set"));
          return true;
        };
    try (JettyHarness server =
        JettyHarness.start(TestPolicies.filter(HOLDER).subjectResolver(wrongType).build())) {
      HttpResponse<String> response = get(server.uri("/mail/inbox"));

      assertThat(response.statusCode()).isEqualTo(403);
      assertThat(response.body()).contains("\"reasons\":[\"request_invalid\"]");
    }
  }

  @Test
  void doFilter_resolverSetsClientAddress_filterOverwritesIt() throws Exception {
    SubjectResolver spoofing =
        (http, subject) -> {
          subject
              .set("user.id", "pat")
              .set("user.department", "Payroll")
              .set("request.ip", "203.0.113.9");
          return true;
        };
    try (JettyHarness server =
        JettyHarness.start(TestPolicies.filter(HOLDER).subjectResolver(spoofing).build())) {
      HttpResponse<String> response = get(server.uri("/payroll/run"));

      assertThat(response.statusCode()).isEqualTo(403);
      assertThat(response.body()).contains("network_not_allowed");
    }
  }

  @Test
  void doFilter_unknownAmrValue_addsOnlySso() throws Exception {
    try (JettyHarness server = JettyHarness.start(TestPolicies.filter(HOLDER).build())) {
      HttpResponse<String> response =
          get(
              server.uri("/admin/users"),
              "X-Test-User",
              "ann",
              "X-Test-Amr",
              "pwd webauthn-ish",
              "X-Test-Auth-Age",
              "1");

      assertThat(response.statusCode()).isEqualTo(401);
    }
  }

  /** An admin request from ann with a fresh hardware key asserted at OIDC {@code authTime}. */
  private static HttpResponse<String> adminSignedInAt(long authTime) throws Exception {
    try (JettyHarness server = JettyHarness.start(TestPolicies.filter(HOLDER).build())) {
      return get(
          server.uri("/admin/users"),
          "X-Test-User",
          "ann",
          "X-Test-Amr",
          "pwd hwk",
          "X-Test-Auth-Time",
          Long.toString(authTime));
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {-1L, 253_402_300_800L, 9_000_000_000_000L, Long.MAX_VALUE, Long.MIN_VALUE})
  void doFilter_oidcAuthTimeOutOfRange_403RequestInvalid(long authTime) throws Exception {
    HttpResponse<String> response = adminSignedInAt(authTime);

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("\"reasons\":[\"request_invalid\"]");
  }

  @Test
  void doFilter_oidcAuthTimeInTheFuture_challenges() throws Exception {
    HttpResponse<String> response =
        adminSignedInAt(Instant.now().plus(Duration.ofDays(365)).getEpochSecond());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).contains("mfa_required");
  }

  @Test
  void doFilter_oidcAuthTimeAMinuteAgo_permits() throws Exception {
    assertThat(adminSignedInAt(Instant.now().getEpochSecond() - 60).statusCode()).isEqualTo(200);
  }
}

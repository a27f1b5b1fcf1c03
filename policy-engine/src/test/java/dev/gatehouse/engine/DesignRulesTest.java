package dev.gatehouse.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Decision;
import dev.gatehouse.api.Effect;
import dev.gatehouse.api.Entitlement;
import dev.gatehouse.api.Reason;
import dev.gatehouse.api.ReasonCode;
import dev.gatehouse.api.ReportOnlyOutcome;
import dev.gatehouse.api.Schema;
import dev.gatehouse.api.policy.PolicySet;
import dev.gatehouse.engine.reference.ReferenceEvaluator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What of the decision semantics cannot be written as a conformance vector.
 *
 * <p>The rules themselves (assignment, networks, authentication, delegation, report-only, fail
 * closed) are the shared vectors in {@code conformance/}, run by {@link ConformanceTest} on both
 * evaluators. Kept here: the words of reasons and the matched policies (the vector format, that of
 * {@code gatehouse test}, compares neither), a request over another schema (a vector's request is
 * always built over its policies' schema), the shared decision instance, entitlements and
 * explanations (other calls than {@code evaluate}).
 */
final class DesignRulesTest {

  private static final PolicySet ACME = Acme.policies();
  private static final CompiledPolicies ENGINE = PolicyEngine.compile(ACME);
  private static final ReferenceEvaluator REFERENCE = new ReferenceEvaluator(ACME);

  /** Evaluates with both evaluators, checks they agree, and returns the decision. */
  private static Decision decide(AccessRequest request) {
    Decision decision = ENGINE.evaluate(request);
    assertThat(decision).isEqualTo(REFERENCE.evaluate(request));
    return decision;
  }

  @Test
  void evaluate_reasons_sayWhatFailedInWords() {
    assertThat(decide(Acme.financeUser().set("user.country", "US").build()).reasons())
        .containsExactly(
            new Reason(
                ReasonCode.NOT_ASSIGNED, "", "no assign policy gives this user the app `books`"));
    assertThat(decide(Acme.financeUser().set("request.ip", "192.0.2.10").build()).reasons())
        .containsExactly(
            new Reason(
                ReasonCode.NETWORK_NOT_ALLOWED,
                "payroll-from-office",
                "the client address is not in an allowed network (office, vpn)"));
    assertThat(
            decide(
                    Acme.financeUser()
                        .set("app", "mail")
                        .set("user.roles", Set.of("sysadmin"))
                        .build())
                .reasons())
        .containsExactly(
            new Reason(
                ReasonCode.MFA_REQUIRED,
                "admins-strong",
                "requires one of `totp`, `webauthn` within 8h"));
    assertThat(decide(Acme.financeUser().clear("request.action").build()).reasons())
        .containsExactly(
            new Reason(ReasonCode.MISSING_ATTRIBUTE, "", "the request lacks `request.action`"));
  }

  @Test
  void evaluate_missingAttributes_areNamedTogetherInOneReasonPerPolicy() {
    AccessRequest request =
        hrManager("user.create", "Sales").toBuilder().clear("risk.level").build();
    assertThat(decide(request).reasons())
        .contains(
            new Reason(
                ReasonCode.MISSING_ATTRIBUTE,
                "risky-sign-in",
                "the request lacks `auth.methods`, `auth.time`, `risk.level`"));
  }

  @Test
  void evaluate_matched_listsThePoliciesThatApplied() {
    assertThat(decide(Acme.financeUser().build()).matched())
        .containsExactly("finance-books", "payroll-from-office");
    assertThat(
            decide(
                    Acme.financeUser()
                        .set("request.ip", "192.0.2.10")
                        .set("user.roles", Set.of("auditor"))
                        .build())
                .matched())
        .containsExactly("finance-books");
    Decision reported =
        decide(Acme.financeUser().set("app", "mail").set("request.ip", "192.0.2.1").build());
    assertThat(reported.reportOnly())
        .containsExactly(new ReportOnlyOutcome("block-tor", Effect.DENY));
    assertThat(reported.matched()).doesNotContain("block-tor");
    assertThat(decide(hrManager("user.reset_mfa", "Sales")).matched())
        .containsExactly("hr-helpdesk");
  }

  @Test
  void evaluate_requestOfAnotherSchema_deniesWithInternalError() {
    AccessRequest foreign =
        AccessRequest.builder(Schema.standard()).set("request.action", "signin").build();
    Decision d = ENGINE.evaluate(foreign);
    assertThat(d.effect()).isEqualTo(Effect.DENY);
    assertThat(d.reasons()).extracting(Reason::code).containsExactly(ReasonCode.INTERNAL_ERROR);
  }

  @Test
  void evaluate_sameOutcome_returnsTheSharedDecision() {
    Decision first = ENGINE.evaluate(Acme.financeUser().build());
    Decision second =
        ENGINE.evaluate(
            Acme.financeUser().set("user.id", "u-2").set("request.ip", "203.0.113.200").build());
    assertThat(second).isSameAs(first);
  }

  @Test
  void entitlements_financeUser_listsAppsRolesAndGrantingPolicies() {
    AccessRequest user = Acme.financeUser().build();
    Set<Entitlement> expected =
        Set.of(
            new Entitlement("books", "accountant", List.of("finance-books")),
            new Entitlement("mail", "user", List.of("everyone-mail")));
    assertThat(ENGINE.entitlements(user))
        .containsExactlyElementsOf(
            List.of(
                new Entitlement("books", "accountant", List.of("finance-books")),
                new Entitlement("mail", "user", List.of("everyone-mail"))));
    assertThat(REFERENCE.entitlements(user)).isEqualTo(expected);
  }

  @Test
  void entitlements_directory_answersEachUserInOrder() {
    List<Set<Entitlement>> all =
        ENGINE.entitlements(
            List.of(
                Acme.financeUser().build(),
                Acme.financeUser()
                    .set("user.employment", "contractor")
                    .set("user.country", "US")
                    .build()));
    assertThat(all).hasSize(2);
    assertThat(all.get(0)).hasSize(2);
    assertThat(all.get(1)).isEmpty();
  }

  @Test
  void explain_deniedRequest_namesFailingPartAndValue() {
    Explanation e = ENGINE.explain(Acme.financeUser().set("request.ip", "192.0.2.10").build());
    assertThat(e.decision().effect()).isEqualTo(Effect.DENY);
    assertThat(e.text())
        .startsWith("DENY\n")
        .contains("restrict \"payroll-from-office\"")
        .contains("user.roles contains \"auditor\": false (user.roles = [accountant])")
        .contains("allow from office, vpn: failed, in no allowed network (request.ip = 192.0.2.10)")
        .contains("finance: true");
  }

  private static AccessRequest hrManager(String action, String targetDepartment) {
    return AccessRequest.builder(Acme.SCHEMA)
        .set("user.id", "admin-1")
        .set("user.roles", Set.of("hr-manager"))
        .set("user.department", "HR")
        .set("risk.level", "none")
        .set("request.action", action)
        .set("request.ip", "203.0.113.5")
        .set("request.time", Acme.NOW)
        .set("target.department", targetDepartment)
        .build();
  }
}

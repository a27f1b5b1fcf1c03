package dev.gatehouse.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Decision;
import dev.gatehouse.api.Effect;
import dev.gatehouse.api.Entitlement;
import dev.gatehouse.api.Factor;
import dev.gatehouse.api.Reason;
import dev.gatehouse.api.ReasonCode;
import dev.gatehouse.api.ReportOnlyOutcome;
import dev.gatehouse.api.Requirement;
import dev.gatehouse.api.Schema;
import dev.gatehouse.api.policy.Condition;
import dev.gatehouse.api.policy.DelegatePolicy;
import dev.gatehouse.api.policy.PolicySet;
import dev.gatehouse.engine.reference.ReferenceEvaluator;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Pins each rule of the decision semantics on the reference example policies. */
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
  void evaluate_assignedUserFromOffice_permitsWithRoles() {
    Decision d = decide(Acme.financeUser().build());
    assertThat(d.effect()).isEqualTo(Effect.PERMIT);
    assertThat(d.roles()).containsExactly("accountant");
    assertThat(d.matched()).containsExactly("finance-books", "payroll-from-office");
    assertThat(d.reasons()).isEmpty();
  }

  @Test
  void evaluate_userWithoutAssignment_deniesNotAssigned() {
    Decision d = decide(Acme.financeUser().set("user.country", "US").build());
    assertThat(d.effect()).isEqualTo(Effect.DENY);
    assertThat(d.reasons())
        .containsExactly(
            new Reason(
                ReasonCode.NOT_ASSIGNED, "", "no assign policy gives this user the app `books`"));
    assertThat(d.roles()).isEmpty();
  }

  @Test
  void evaluate_outsideAllowedNetworks_deniesNamingTheNetworks() {
    Decision d = decide(Acme.financeUser().set("request.ip", "192.0.2.10").build());
    assertThat(d.effect()).isEqualTo(Effect.DENY);
    assertThat(d.reasons())
        .containsExactly(
            new Reason(
                ReasonCode.NETWORK_NOT_ALLOWED,
                "payroll-from-office",
                "the client address is not in an allowed network (office, vpn)"));
    assertThat(d.reportOnly()).containsExactly(new ReportOnlyOutcome("block-tor", Effect.DENY));
  }

  @Test
  void evaluate_auditorOutsideOffice_restrictionDoesNotApply() {
    Decision d =
        decide(
            Acme.financeUser()
                .set("request.ip", "192.0.2.10")
                .set("user.roles", Set.of("auditor"))
                .build());
    assertThat(d.effect()).isEqualTo(Effect.PERMIT);
    assertThat(d.matched()).containsExactly("finance-books");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "::ffff:203.0.113.9",
        "::ffff:cb00:7101",
        "203.0.113.0",
        "203.0.113.255",
        "198.51.100.7",
        "2001:db8:10::1",
        "2001:db8:10:ffff:ffff:ffff:ffff:ffff"
      })
  void evaluate_clientInsideOfficeOrVpn_permits(String ip) {
    assertThat(decide(Acme.financeUser().set("request.ip", ip).build()).effect())
        .isEqualTo(Effect.PERMIT);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "203.0.112.255",
        "203.0.114.0",
        "198.51.100.6",
        "198.51.100.8",
        "2001:db8:11::",
        "::203.0.113.9",
        "::ffff:203.0.114.1"
      })
  void evaluate_clientJustOutsideBoundaries_denies(String ip) {
    Decision d = decide(Acme.financeUser().set("request.ip", ip).build());
    assertThat(d.effect()).isEqualTo(Effect.DENY);
    assertThat(d.reasons())
        .extracting(Reason::code)
        .containsExactly(ReasonCode.NETWORK_NOT_ALLOWED);
  }

  @Test
  void evaluate_sysadminWithPasswordOnly_challengesWithFactors() {
    Decision d =
        decide(Acme.financeUser().set("app", "mail").set("user.roles", Set.of("sysadmin")).build());
    assertThat(d.effect()).isEqualTo(Effect.CHALLENGE);
    assertThat(d.requirements())
        .containsExactly(
            Requirement.mfa(
                "admins-strong", List.of(Factor.TOTP, Factor.WEBAUTHN), Duration.ofHours(8)));
    assertThat(d.reasons())
        .containsExactly(
            new Reason(
                ReasonCode.MFA_REQUIRED,
                "admins-strong",
                "requires one of `totp`, `webauthn` within 8h"));
    assertThat(d.roles()).containsExactly("user");
  }

  @Test
  void evaluate_twoMfaPoliciesAndOnlyTotp_challengesForTheUnmetOne() {
    Decision d =
        decide(
            Acme.financeUser()
                .set("app", "mail")
                .set("user.roles", Set.of("sysadmin"))
                .set("risk.level", "high")
                .set("auth.methods", Set.of("password", "totp"))
                .build());
    assertThat(d.effect()).isEqualTo(Effect.CHALLENGE);
    assertThat(d.requirements()).extracting(Requirement::policy).containsExactly("risky-sign-in");
  }

  @Test
  void evaluate_twoMfaPoliciesAndFreshWebauthn_oneFactorSatisfiesBoth() {
    Decision d =
        decide(
            Acme.financeUser()
                .set("app", "mail")
                .set("user.roles", Set.of("sysadmin"))
                .set("risk.level", "critical")
                .set("auth.methods", Set.of("webauthn"))
                .build());
    assertThat(d.effect()).isEqualTo(Effect.PERMIT);
    assertThat(d.matched()).containsExactly("admins-strong", "everyone-mail", "risky-sign-in");
  }

  @Test
  void evaluate_factorOlderThanWithin_challenges() {
    Decision d =
        decide(
            Acme.financeUser()
                .set("app", "mail")
                .set("risk.level", "high")
                .set("auth.methods", Set.of("webauthn"))
                .set("auth.time", Acme.NOW.minus(Duration.ofMinutes(16)))
                .build());
    assertThat(d.effect()).isEqualTo(Effect.CHALLENGE);
    assertThat(d.requirements()).extracting(Requirement::policy).containsExactly("risky-sign-in");
  }

  @Test
  void evaluate_reportOnlyBlock_isRecordedNotEnforced() {
    Decision d =
        decide(Acme.financeUser().set("app", "mail").set("request.ip", "192.0.2.1").build());
    assertThat(d.effect()).isEqualTo(Effect.PERMIT);
    assertThat(d.reportOnly()).containsExactly(new ReportOnlyOutcome("block-tor", Effect.DENY));
    assertThat(d.matched()).doesNotContain("block-tor");
  }

  @Test
  void evaluate_missingAttributeInGrant_failsClosedNamingIt() {
    Decision d = decide(Acme.financeUser().set("app", "mail").clear("user.employment").build());
    assertThat(d.effect()).isEqualTo(Effect.DENY);
    assertThat(d.reasons())
        .containsExactly(
            new Reason(
                ReasonCode.NOT_ASSIGNED, "", "no assign policy gives this user the app `mail`"),
            new Reason(
                ReasonCode.MISSING_ATTRIBUTE,
                "everyone-mail",
                "the request lacks `user.employment`"));
  }

  @Test
  void evaluate_missingAttributeInRestriction_restrictionApplies() {
    Decision d =
        decide(Acme.financeUser().clear("user.roles").set("request.ip", "192.0.2.1").build());
    assertThat(d.effect()).isEqualTo(Effect.DENY);
    assertThat(d.reasons())
        .contains(
            new Reason(
                ReasonCode.NETWORK_NOT_ALLOWED,
                "payroll-from-office",
                "the client address is not in an allowed network (office, vpn)"),
            new Reason(
                ReasonCode.MISSING_ATTRIBUTE,
                "payroll-from-office",
                "the request lacks `user.roles`"));
    // Without roles, "sysadmin or Payroll" is unknown, so the MFA policy applies too.
    assertThat(d.requirements()).extracting(Requirement::policy).containsExactly("admins-strong");
  }

  @Test
  void evaluate_missingClientAddress_deniesNamingIt() {
    Decision d = decide(Acme.financeUser().clear("request.ip").build());
    assertThat(d.effect()).isEqualTo(Effect.DENY);
    assertThat(d.reasons()).extracting(Reason::message).contains("the request lacks `request.ip`");
  }

  @Test
  void evaluate_missingAuthTime_challengesNamingIt() {
    Decision d = decide(Acme.financeUser().set("risk.level", "high").clear("auth.time").build());
    assertThat(d.effect()).isEqualTo(Effect.CHALLENGE);
    assertThat(d.reasons())
        .contains(
            new Reason(
                ReasonCode.MISSING_ATTRIBUTE, "risky-sign-in", "the request lacks `auth.time`"));
  }

  @Test
  void evaluate_missingAction_denies() {
    Decision d = decide(Acme.financeUser().clear("request.action").build());
    assertThat(d.effect()).isEqualTo(Effect.DENY);
    assertThat(d.reasons())
        .containsExactly(
            new Reason(ReasonCode.MISSING_ATTRIBUTE, "", "the request lacks `request.action`"));
  }

  @Test
  void evaluate_signin_skipsAssignment() {
    Decision d =
        decide(
            Acme.financeUser()
                .set("request.action", "signin")
                .set("user.employment", "contractor")
                .set("user.country", "US")
                .build());
    assertThat(d.effect()).isEqualTo(Effect.PERMIT);
    assertThat(d.roles()).isEmpty();
  }

  @Test
  void evaluate_signinFromTor_isPermittedButReported() {
    Decision d =
        decide(
            Acme.financeUser()
                .set("request.action", "signin")
                .set("request.ip", "192.0.2.77")
                .build());
    assertThat(d.effect()).isEqualTo(Effect.PERMIT);
    assertThat(d.reportOnly()).containsExactly(new ReportOnlyOutcome("block-tor", Effect.DENY));
  }

  @Test
  void evaluate_delegatedAdminAction_permits() {
    Decision d = decide(hrManager("user.reset_mfa", "Sales"));
    assertThat(d.effect()).isEqualTo(Effect.PERMIT);
    assertThat(d.matched()).containsExactly("hr-helpdesk");
  }

  @Test
  void evaluate_adminActionOnExcludedTarget_deniesNotDelegated() {
    Decision d = decide(hrManager("user.update", "Executive"));
    assertThat(d.effect()).isEqualTo(Effect.DENY);
    assertThat(d.reasons()).extracting(Reason::code).containsExactly(ReasonCode.NOT_DELEGATED);
  }

  @Test
  void evaluate_adminWithoutRiskLevel_failsClosedWithChallenge() {
    AccessRequest request =
        hrManager("user.create", "Sales").toBuilder().clear("risk.level").build();
    Decision d = decide(request);
    assertThat(d.effect()).isEqualTo(Effect.CHALLENGE);
    assertThat(d.reasons())
        .contains(
            new Reason(
                ReasonCode.MISSING_ATTRIBUTE,
                "risky-sign-in",
                "the request lacks `auth.methods`, `auth.time`, `risk.level`"));
  }

  @Test
  void evaluate_actionNotInAllowList_deniesNotDelegated() {
    assertThat(decide(hrManager("user.delete", "Sales")).effect()).isEqualTo(Effect.DENY);
  }

  @Test
  void evaluate_wildcardDelegation_coversEveryActionUnderPrefix() {
    PolicySet set =
        PolicySet.builder(Acme.SCHEMA)
            .add(
                DelegatePolicy.builder("user-admins")
                    .to(Condition.contains("user.roles", "hr-manager"))
                    .allow("user.*")
                    .build())
            .build();
    CompiledPolicies engine = PolicyEngine.compile(set);
    assertThat(engine.evaluate(hrManager("user.delete", "Sales")).effect())
        .isEqualTo(Effect.PERMIT);
    assertThat(engine.evaluate(hrManager("user.reset_mfa", "Executive")).effect())
        .isEqualTo(Effect.PERMIT);
    assertThat(engine.evaluate(hrManager("app.assign", "Sales")).effect()).isEqualTo(Effect.DENY);
    assertThat(engine.evaluate(hrManager("users.create", "Sales")).effect()).isEqualTo(Effect.DENY);
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

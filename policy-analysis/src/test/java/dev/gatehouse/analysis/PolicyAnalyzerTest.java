package dev.gatehouse.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Decision;
import dev.gatehouse.api.Effect;
import dev.gatehouse.engine.CompiledPolicies;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

final class PolicyAnalyzerTest {

  private static final String ACME = Fixtures.acmeText();
  private static final String MAIL_FOR_FRANCE =
      "\nassign \"mail-fr\" {\n  app \"mail\" role \"user\""
          + "\n  when user.employment != \"contractor\" and user.country == \"FR\"\n}\n";

  @Test
  void analyze_assignCoveredByAnother_isRedundantWithAWitnessBothGrant() {
    CompiledPolicies engine = Fixtures.compile(ACME + MAIL_FOR_FRANCE);

    List<Finding> found = of(analyze(engine), Finding.Kind.REDUNDANT_ASSIGN);

    assertThat(found)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.policies()).containsExactly("mail-fr", "everyone-mail");
              assertThat(f.message())
                  .isEqualTo(
                      "`mail-fr` grants `mail`/`user` only to users who also get it from `everyone-mail`");
              AccessRequest w = f.witnesses().get(0);
              assertThat(engine.entitlements(w))
                  .anySatisfy(
                      e -> assertThat(e.policies()).containsExactly("everyone-mail", "mail-fr"));
            });
  }

  @Test
  void analyze_exampleAsIs_hasNoRedundantAssign() {
    assertThat(of(analyze(Fixtures.compile(ACME)), Finding.Kind.REDUNDANT_ASSIGN)).isEmpty();
  }

  @Test
  void analyze_contradictoryRestriction_neverApplies() {
    CompiledPolicies engine =
        Fixtures.compile(
            ACME
                + "\nrestrict \"odd\" {\n  apps [\"mail\"]\n"
                + "  allow from office\n  when user.country == \"FR\" and user.country == \"BE\"\n}\n");

    assertThat(of(analyze(engine), Finding.Kind.NEVER_APPLIES))
        .singleElement()
        .satisfies(f -> assertThat(f.policies()).containsExactly("odd"));
  }

  @Test
  void analyze_exampleAsIs_everyRestrictionCanApply() {
    assertThat(of(analyze(Fixtures.compile(ACME)), Finding.Kind.NEVER_APPLIES)).isEmpty();
  }

  @Test
  void analyze_twoRestrictionsWithDisjointNetworks_leaveTheAppUnreachable() {
    CompiledPolicies engine =
        Fixtures.compile(
            ACME
                + "\nrestrict \"books-from-vpn-only\" {\n"
                + "  apps [\"books\"]\n  allow from tor_exits\n}\n");

    List<Finding> found = of(analyze(engine), Finding.Kind.DISJOINT_NETWORKS);

    assertThat(found)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.policies())
                  .containsExactly("payroll-from-office", "books-from-vpn-only");
              AccessRequest w = f.witnesses().get(0);
              for (String ip : List.of("203.0.113.5", "198.51.100.7", "192.0.2.9")) {
                Decision d = engine.evaluate(w.toBuilder().set("request.ip", ip).build());
                assertThat(d.effect()).as(ip).isEqualTo(Effect.DENY);
              }
            });
  }

  @Test
  void analyze_exampleAsIs_hasNoDisjointRestrictions() {
    assertThat(of(analyze(Fixtures.compile(ACME)), Finding.Kind.DISJOINT_NETWORKS)).isEmpty();
  }

  @Test
  void analyze_example_mailAndBooksReachableWithoutMfaButSysadminsAreNot() {
    CompiledPolicies engine = Fixtures.compile(ACME);

    List<Finding> found = of(analyze(engine), Finding.Kind.NO_MFA);

    assertThat(found)
        .extracting(Finding::message)
        .containsExactly(
            "some user reaches `books` with no MFA requirement at all",
            "some user reaches `mail` with no MFA requirement at all");
    assertThat(found)
        .allSatisfy(
            f -> {
              Decision d = engine.evaluate(f.witnesses().get(0));
              assertThat(d.effect()).isEqualTo(Effect.PERMIT);
              assertThat(d.matched()).doesNotContain("admins-strong", "risky-sign-in");
            });
  }

  @Test
  void analyze_mfaForEveryone_noAppIsReachableWithoutIt() {
    CompiledPolicies engine =
        Fixtures.compile(
            ACME + "\nauthenticate \"all-mfa\" {\n  require mfa [totp, webauthn] within 30d\n}\n");

    assertThat(of(analyze(engine), Finding.Kind.NO_MFA)).isEmpty();
  }

  @Test
  void analyze_helpdeskReachesWiderAdmins_isAnEscalationTheEngineConfirms() {
    CompiledPolicies engine =
        Fixtures.compile(ACME + IT_ADMINS + "  on target.department != \"Executive\"\n}\n");

    List<Finding> found =
        of(analyze(engine), Finding.Kind.DELEGATION_ESCALATION).stream()
            .filter(f -> f.policies().size() == 2)
            .toList();

    assertThat(found)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.policies()).containsExactly("hr-helpdesk", "it-admins");
              assertThat(f.message())
                  .startsWith(
                      "`hr-helpdesk` lets its administrators act on"
                          + " administrators of `it-admins`, who may do more");
              AccessRequest w = f.witnesses().get(0);
              assertThat(engine.evaluate(w).matched()).contains("hr-helpdesk");
              assertThat(w.value("target.roles"))
                  .hasValueSatisfying(roles -> assertThat(roles.toString()).contains("it-admin"));
            });
  }

  @Test
  void analyze_helpdeskKeptOffWiderAdmins_isNoEscalation() {
    CompiledPolicies engine =
        Fixtures.compile(
            Fixtures.edit(
                    ACME,
                    "on target.department != \"Executive\"",
                    "on target.department != \"Executive\" and not (target.roles contains \"it-admin\")")
                + IT_ADMINS
                + "  on target.department != \"Executive\"\n}\n");

    assertThat(of(analyze(engine), Finding.Kind.DELEGATION_ESCALATION))
        .noneMatch(f -> f.policies().size() == 2);
  }

  @Test
  void analyze_delegationAllowingPolicyChanges_isAnEscalationTheEngineConfirms() {
    CompiledPolicies engine =
        Fixtures.compile(
            ACME
                + "\ndelegate \"policy-editors\" {\n"
                + "  to user.department == \"HR\"\n  allow [user.update, admin.*]\n"
                + "  on target.department == \"HR\"\n}\n");

    List<Finding> found = onPolicyChanges(analyze(engine));

    assertThat(found)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.policies()).containsExactly("policy-editors");
              assertThat(f.message())
                  .startsWith("`policy-editors` lets its administrators perform" + " `admin.")
                  .endsWith(
                      "`, which changes delegations or policies: they can give"
                          + " themselves more than `policy-editors` allows");
              AccessRequest w = f.witnesses().get(0);
              assertThat(w.value("request.action"))
                  .hasValueSatisfying(a -> assertThat(a.toString()).startsWith("admin."));
              Decision d = engine.evaluate(w);
              assertThat(d.effect()).isNotEqualTo(Effect.DENY);
              assertThat(d.matched()).contains("policy-editors");
            });
  }

  @Test
  void analyze_everyActionDelegated_isAnEscalationOnPolicyChanges() {
    CompiledPolicies engine =
        Fixtures.compile(
            ACME
                + "\ndelegate \"root\" {\n"
                + "  to user.roles contains \"sysadmin\"\n  allow [*]\n}\n");

    List<Finding> found = onPolicyChanges(analyze(engine));

    assertThat(found)
        .singleElement()
        .satisfies(
            f ->
                assertThat(engine.evaluate(f.witnesses().get(0)).effect())
                    .isNotEqualTo(Effect.DENY));
  }

  @Test
  void analyze_delegationOfUserActionsOnly_changesNoPolicy() {
    assertThat(onPolicyChanges(analyze(Fixtures.compile(ACME)))).isEmpty();
  }

  @Test
  void analyze_policyChangesOnNoPossibleTarget_isNoEscalation() {
    CompiledPolicies engine =
        Fixtures.compile(
            ACME
                + "\ndelegate \"nobody\" {\n"
                + "  to user.department == \"HR\"\n  allow [policy.update]\n"
                + "  on target.department == \"HR\" and target.department == \"Sales\"\n}\n");

    assertThat(onPolicyChanges(analyze(engine))).isEmpty();
  }

  @Test
  void analyze_noTime_reportsUndecidedQueriesNotFindings() {
    List<Finding> found =
        PolicyAnalyzer.analyze(
            Fixtures.compile(ACME + MAIL_FOR_FRANCE), Duration.ZERO, Duration.ZERO);

    assertThat(found)
        .isNotEmpty()
        .allSatisfy(
            f -> {
              assertThat(f.verdict()).isEqualTo(ProofResult.Verdict.UNDECIDED);
              assertThat(f.message()).startsWith("undecided (out of time): ");
              assertThat(f.witnesses()).isEmpty();
            });
  }

  private static final String IT_ADMINS =
      "\ndelegate \"it-admins\" {\n"
          + "  to user.roles contains \"it-admin\"\n  allow [user.*, policy.update]\n";

  private static List<Finding> analyze(CompiledPolicies engine) {
    List<Finding> all =
        PolicyAnalyzer.analyze(engine, Duration.ofSeconds(10), Duration.ofSeconds(60));
    assertThat(all)
        .allSatisfy(
            f -> assertThat(f.verdict()).as(f.message()).isEqualTo(ProofResult.Verdict.PROVED));
    return all;
  }

  /** The escalations through actions on policies: those naming one delegation. */
  private static List<Finding> onPolicyChanges(List<Finding> all) {
    return of(all, Finding.Kind.DELEGATION_ESCALATION).stream()
        .filter(f -> f.policies().size() == 1)
        .toList();
  }

  private static List<Finding> of(List<Finding> all, Finding.Kind kind) {
    return all.stream().filter(f -> f.kind() == kind).toList();
  }
}

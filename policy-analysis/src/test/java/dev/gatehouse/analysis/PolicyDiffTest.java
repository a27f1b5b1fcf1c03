package dev.gatehouse.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Decision;
import dev.gatehouse.api.Effect;
import dev.gatehouse.api.Entitlement;
import dev.gatehouse.engine.CompiledPolicies;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

final class PolicyDiffTest {

  private static final String ACME = Fixtures.acmeText();

  @Test
  void replay_samePolicies_changesNothing() {
    Run run = run(ACME);

    assertThat(run.report.summary().changesSomething()).isFalse();
    assertThat(run.report.summary().users()).isEqualTo(144);
    assertThat(run.report.summary().events()).isEqualTo(run.events.size());
  }

  @Test
  void replay_newAssign_salesGainCrmAndTheirAccessIsNoLongerDenied() {
    Run run =
        run(
            ACME
                + "\nassign \"sales-crm\" {\n  app \"crm\" role \"rep\"\n"
                + "  when user.department == \"Sales\"\n}\n");

    run.checkAgainstDirectEvaluation();
    assertThat(run.report.summary().usersGaining()).isEqualTo(24);
    assertThat(run.report.summary().usersLosing()).isZero();
    assertThat(run.report.users())
        .allSatisfy(
            u ->
                assertThat(u.gained())
                    .containsExactly(new Entitlement("crm", "rep", List.of("sales-crm"))));
    assertThat(run.report.summary().changes().keySet())
        .containsOnly("DENY → PERMIT", "DENY → CHALLENGE");
    assertThat(run.report.events())
        .allSatisfy(e -> assertThat(e.after().matched()).contains("sales-crm"));
  }

  @Test
  void replay_removedAssign_nonContractorsLoseMailWithThePolicyThatGaveIt() {
    String text =
        Fixtures.edit(
            ACME,
            "assign \"everyone-mail\" {\n  app \"mail\" role \"user\"\n"
                + "  when user.employment != \"contractor\"\n}\n",
            "");
    Run run = run(text);

    run.checkAgainstDirectEvaluation();
    assertThat(run.report.summary().usersLosing()).isEqualTo(72);
    assertThat(run.report.summary().usersGaining()).isZero();
    assertThat(run.report.users())
        .allSatisfy(
            u ->
                assertThat(u.lost())
                    .containsExactly(new Entitlement("mail", "user", List.of("everyone-mail"))));
    assertThat(run.report.events())
        .allSatisfy(
            e -> {
              assertThat(e.after().effect()).isEqualTo(Effect.DENY);
              assertThat(e.after().reasons())
                  .anySatisfy(r -> assertThat(r.code().id()).isEqualTo("not_assigned"));
            });
  }

  @Test
  void replay_narrowedNetwork_officeUpperHalfIsDeniedPayrollAndBooks() {
    Run run = run(Fixtures.edit(ACME, "203.0.113.0/24", "203.0.113.0/25"));

    run.checkAgainstDirectEvaluation();
    assertThat(run.report.summary().usersGaining() + run.report.summary().usersLosing()).isZero();
    assertThat(run.report.events())
        .isNotEmpty()
        .allSatisfy(
            e -> {
              assertThat(e.after().effect()).isEqualTo(Effect.DENY);
              assertThat(e.after().reasons())
                  .anySatisfy(
                      r -> {
                        assertThat(r.code().id()).isEqualTo("network_not_allowed");
                        assertThat(r.policy()).isEqualTo("payroll-from-office");
                      });
            });
    assertThat(run.changedRequests())
        .allSatisfy(
            r -> {
              assertThat(r.value("request.ip"))
                  .hasValueSatisfying(ip -> assertThat(ip.toString()).isEqualTo("203.0.113.200"));
              assertThat(r.value("app"))
                  .hasValueSatisfying(app -> assertThat(app).isIn("payroll", "books"));
            });
  }

  @Test
  void replay_newMfaRule_financePasswordSignInsAreChallenged() {
    Run run =
        run(
            ACME
                + "\nauthenticate \"finance-mfa\" {\n  when finance\n"
                + "  require mfa [totp] within 1h\n}\n");

    run.checkAgainstDirectEvaluation();
    assertThat(run.report.summary().changes())
        .containsKeys("PERMIT → CHALLENGE", "CHALLENGE → CHALLENGE with other requirements");
    assertThat(run.report.events())
        .allSatisfy(
            e -> {
              assertThat(e.after().requirements())
                  .anySatisfy(req -> assertThat(req.policy()).isEqualTo("finance-mfa"));
              assertThat(e.before().requirements())
                  .noneSatisfy(req -> assertThat(req.policy()).isEqualTo("finance-mfa"));
            });
  }

  @Test
  void replay_reportOnlyBlockEnforced_torSignInsAreDenied() {
    Run run =
        run(
            Fixtures.edit(
                ACME, "authenticate \"block-tor\" report-only {", "authenticate \"block-tor\" {"));

    run.checkAgainstDirectEvaluation();
    assertThat(run.report.summary().changes().keySet())
        .containsOnly("PERMIT → DENY", "CHALLENGE → DENY");
    assertThat(run.changedRequests())
        .allSatisfy(
            r ->
                assertThat(r.value("request.ip"))
                    .hasValueSatisfying(ip -> assertThat(ip.toString()).isEqualTo("192.0.2.4")));
    assertThat(run.report.events())
        .allSatisfy(
            e ->
                assertThat(e.after().reasons())
                    .anySatisfy(r -> assertThat(r.code().id()).isEqualTo("blocked")));
  }

  @Test
  void between_differentSchemas_isRejected() {
    CompiledPolicies acme = Fixtures.compile(ACME);
    CompiledPolicies plain = Fixtures.compile("assign \"a\" {\n  app \"mail\" role \"user\"\n}\n");

    assertThatThrownBy(() -> PolicyDiff.between(acme, plain))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("different schemas");
  }

  private static Run run(String newText) {
    CompiledPolicies before = Fixtures.compile(ACME);
    CompiledPolicies after = Fixtures.compile(newText);
    List<AccessRequest> users = Fixtures.users(before.schema());
    List<AccessRequest> events = Fixtures.events(users);
    PolicyDiff.Replay replay = PolicyDiff.between(before, after).replay();
    users.forEach(replay::user);
    for (int i = 0; i < events.size(); i++) {
      replay.event("e-" + i, events.get(i));
    }
    return new Run(before, after, users, events, replay.report());
  }

  private record Run(
      CompiledPolicies before,
      CompiledPolicies after,
      List<AccessRequest> users,
      List<AccessRequest> events,
      ImpactReport report) {

    List<AccessRequest> changedRequests() {
      return report.events().stream()
          .map(e -> events.get(Integer.parseInt(e.event().substring(2))))
          .toList();
    }

    /** Every reported difference, and no other, is what deciding directly on each side gives. */
    void checkAgainstDirectEvaluation() {
      Map<String, UserImpact> byUser = new HashMap<>();
      report.users().forEach(u -> byUser.put(u.user(), u));
      for (AccessRequest user : users) {
        Set<String> old = grants(before.entitlements(user));
        Set<String> now = grants(after.entitlements(user));
        UserImpact impact = byUser.get((String) user.value("user.id").orElseThrow());
        Set<String> gained = impact == null ? Set.of() : grants(Set.copyOf(impact.gained()));
        Set<String> lost = impact == null ? Set.of() : grants(Set.copyOf(impact.lost()));
        assertThat(gained).isEqualTo(minus(now, old));
        assertThat(lost).isEqualTo(minus(old, now));
      }
      Map<String, EventImpact> byEvent = new HashMap<>();
      report.events().forEach(e -> byEvent.put(e.event(), e));
      for (int i = 0; i < events.size(); i++) {
        Decision old = before.evaluate(events.get(i));
        Decision now = after.evaluate(events.get(i));
        EventImpact impact = byEvent.get("e-" + i);
        // A DENY stays a DENY whatever else it lists; a CHALLENGE changes with what it asks for,
        // a PERMIT with the roles it gives.
        boolean differs =
            old.effect() != now.effect()
                || old.effect() != Effect.DENY && !old.roles().equals(now.roles())
                || old.effect() == Effect.CHALLENGE
                    && !requirementPolicies(old).equals(requirementPolicies(now));
        assertThat(impact != null).as("event %d: %s -> %s", i, old, now).isEqualTo(differs);
        if (impact != null) {
          assertThat(impact.before()).isEqualTo(old);
          assertThat(impact.after()).isEqualTo(now);
        }
      }
    }

    private static List<String> requirementPolicies(Decision d) {
      return d.requirements().stream().map(r -> r.policy()).sorted().toList();
    }

    private static Set<String> grants(Set<Entitlement> entitlements) {
      return entitlements.stream().map(e -> e.app() + "/" + e.role()).collect(Collectors.toSet());
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
      return a.stream().filter(x -> !b.contains(x)).collect(Collectors.toSet());
    }
  }
}

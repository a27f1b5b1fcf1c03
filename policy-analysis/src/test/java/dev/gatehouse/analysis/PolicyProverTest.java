package dev.gatehouse.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Decision;
import dev.gatehouse.engine.CompiledPolicies;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

final class PolicyProverTest {

  private static final String ACME = Fixtures.acmeText();
  private static final Duration BUDGET = Duration.ofSeconds(20);

  @Test
  void equivalence_sameText_isProved() {
    ProofResult r =
        PolicyProver.equivalence(Fixtures.compile(ACME), Fixtures.compile(ACME), BUDGET);

    assertThat(r.verdict()).isEqualTo(ProofResult.Verdict.PROVED);
    assertThat(r.witness()).isEmpty();
  }

  @Test
  void equivalence_reorderedReformattedRenamedCopy_isProved() {
    ProofResult r =
        PolicyProver.equivalence(Fixtures.compile(ACME), Fixtures.compile(reorderedCopy()), BUDGET);

    assertThat(r.verdict()).as(r.toString()).isEqualTo(ProofResult.Verdict.PROVED);
  }

  static Stream<Arguments> seededDifferences() {
    String mfa =
        "authenticate \"finance-mfa\" {\n  when finance\n  require mfa [totp] within 1h\n}\n";
    return Stream.of(
        Arguments.of(
            "new assign",
            ACME
                + "\nassign \"sales-crm\" {\n  app \"crm\" role \"rep\"\n"
                + "  when user.department == \"Sales\"\n}\n"),
        Arguments.of(
            "removed assign",
            Fixtures.edit(
                ACME, "assign \"everyone-mail\" {", "assign \"everyone-mail\" report-only {")),
        Arguments.of("narrowed network", Fixtures.edit(ACME, "203.0.113.0/24", "203.0.113.0/25")),
        Arguments.of("new mfa rule", ACME + "\n" + mfa),
        Arguments.of(
            "report-only enforced",
            Fixtures.edit(ACME, "\"block-tor\" report-only", "\"block-tor\"")),
        Arguments.of("shorter freshness", Fixtures.edit(ACME, "within 8h", "within 4h")),
        Arguments.of(
            "lower risk threshold",
            Fixtures.edit(ACME, "risk.level >= high", "risk.level >= medium")),
        Arguments.of("other country", Fixtures.edit(ACME, "[\"FR\", \"BE\"]", "[\"FR\", \"LU\"]")),
        Arguments.of(
            "narrower delegation",
            Fixtures.edit(ACME, "user.update, user.reset_mfa", "user.update")),
        Arguments.of(
            "wildcard delegation",
            Fixtures.edit(ACME, "[user.create, user.update, user.reset_mfa]", "[user.*]")),
        Arguments.of(
            "missing attribute now read",
            Fixtures.edit(
                ACME,
                "when user.employment != \"contractor\"",
                "when user.employment != \"contractor\" and user.clearance >= 2")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("seededDifferences")
  void equivalence_seededDifference_isRefutedByARequestTheEngineDecidesDifferently(
      String change, String text) {
    CompiledPolicies before = Fixtures.compile(ACME);
    CompiledPolicies after = Fixtures.compile(text);

    ProofResult r = PolicyProver.equivalence(before, after, BUDGET);

    assertThat(r.verdict()).as(r.toString()).isEqualTo(ProofResult.Verdict.REFUTED);
    AccessRequest witness = r.witness().orElseThrow();
    Decision old = before.evaluate(witness);
    Decision now = after.evaluate(witness);
    assertThat(old).isEqualTo(r.before().orElseThrow());
    assertThat(now).isEqualTo(r.after().orElseThrow());
    assertThat(differs(old, now)).as("%s: %s -> %s", witness, old, now).isTrue();
  }

  @Test
  void equivalence_noTime_isUndecided() {
    ProofResult r =
        PolicyProver.equivalence(
            Fixtures.compile(ACME),
            Fixtures.compile(ACME + "\nassign \"x\" {\n  app \"crm\" role \"rep\"\n}\n"),
            Duration.ZERO);

    assertThat(r.verdict()).isEqualTo(ProofResult.Verdict.UNDECIDED);
    assertThat(r.detail()).isEqualTo("out of time after 0 ms");
  }

  /** Differs as a person sees it, checked from the decisions' own fields. */
  static boolean differs(Decision a, Decision b) {
    if (a.effect() != b.effect()) {
      return true;
    }
    if (a.effect() == dev.gatehouse.api.Effect.DENY) {
      return false;
    }
    return !a.roles().equals(b.roles()) || !asked(a).equals(asked(b));
  }

  private static java.util.Set<String> asked(Decision d) {
    java.util.Set<String> asked = new java.util.TreeSet<>();
    d.requirements()
        .forEach(
            r ->
                asked.add(
                    r.kind() + " " + new java.util.TreeSet<>(r.factors()) + " " + r.within()));
    return asked;
  }

  /** The example with its blocks reversed, its named condition renamed and its layout changed. */
  private static String reorderedCopy() {
    String text =
        ACME.replace("condition finance", "condition money")
            .replace("when finance and", "when money and");
    String[] blocks = text.split("\n\n");
    List<String> head = new ArrayList<>();
    List<String> policies = new ArrayList<>();
    for (String block : blocks) {
      (block.startsWith("assign")
                  || block.startsWith("restrict")
                  || block.startsWith("authenticate")
                  || block.startsWith("delegate")
              ? policies
              : head)
          .add(block);
    }
    Collections.reverse(policies);
    String body = String.join("\n\n\n# moved\n", policies).replace("  ", "      ");
    return String.join("\n\n", head) + "\n\n" + body + "\n";
  }
}

package dev.gatehouse.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class DecisionTest {

  private static final Reason NOT_ASSIGNED =
      new Reason(ReasonCode.NOT_ASSIGNED, "", "no assign policy gives `payroll`");

  @Test
  void new_mutableLists_areCopied() {
    List<String> roles = new ArrayList<>(List.of("accountant"));
    List<String> matched = new ArrayList<>(List.of("finance-books"));
    Decision decision =
        new Decision(Effect.PERMIT, List.of(), List.of(), roles, matched, List.of());

    roles.add("admin");
    matched.clear();

    assertThat(decision.roles()).containsExactly("accountant");
    assertThat(decision.matched()).containsExactly("finance-books");
  }

  @Test
  void lists_cannotBeModified() {
    Decision decision = Decision.deny(NOT_ASSIGNED);

    assertThatThrownBy(() -> decision.reasons().add(NOT_ASSIGNED))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> decision.roles().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void new_challengeWithoutRequirement_throws() {
    assertThatThrownBy(
            () ->
                new Decision(
                    Effect.CHALLENGE, List.of(), List.of(), List.of(), List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a CHALLENGE needs at least one requirement");
  }

  @Test
  void new_challengeWithRequirement_isNotPermitted() {
    Requirement mfa = Requirement.mfa("risky", List.of(Factor.WEBAUTHN), Duration.ofMinutes(15));

    Decision decision =
        new Decision(
            Effect.CHALLENGE, List.of(), List.of(mfa), List.of(), List.of("risky"), List.of());

    assertThat(decision.isPermitted()).isFalse();
    assertThat(decision.requirements()).containsExactly(mfa);
  }

  @Test
  void new_nullEffect_throwsNamingIt() {
    assertThatThrownBy(
            () -> new Decision(null, List.of(), List.of(), List.of(), List.of(), List.of()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("effect");
  }

  @Test
  void new_nullReason_throws() {
    List<Reason> reasons = new ArrayList<>();
    reasons.add(null);

    assertThatThrownBy(
            () -> new Decision(Effect.DENY, reasons, List.of(), List.of(), List.of(), List.of()))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void deny_holdsOnlyTheReason() {
    Decision decision = Decision.deny(NOT_ASSIGNED);

    assertThat(decision.effect()).isEqualTo(Effect.DENY);
    assertThat(decision.isPermitted()).isFalse();
    assertThat(decision.reasons()).containsExactly(NOT_ASSIGNED);
    assertThat(decision.requirements()).isEmpty();
    assertThat(decision.roles()).isEmpty();
    assertThat(decision.matched()).isEmpty();
    assertThat(decision.reportOnly()).isEmpty();
  }

  @Test
  void equals_sameComponents_areEqual() {
    Decision a =
        new Decision(
            Effect.PERMIT,
            List.of(),
            List.of(),
            List.of("user"),
            List.of("everyone-mail"),
            List.of(new ReportOnlyOutcome("block-tor", Effect.DENY)));
    Decision b =
        new Decision(
            Effect.PERMIT,
            new ArrayList<>(),
            List.of(),
            new ArrayList<>(List.of("user")),
            List.of("everyone-mail"),
            List.of(new ReportOnlyOutcome("block-tor", Effect.DENY)));
    Decision c =
        new Decision(
            Effect.PERMIT,
            List.of(),
            List.of(),
            List.of("admin"),
            List.of("everyone-mail"),
            List.of());

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(c);
    assertThat(a.isPermitted()).isTrue();
    assertThat(a.toString()).contains("PERMIT", "everyone-mail", "block-tor=DENY");
  }
}

package dev.gatehouse.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class ReportOnlyOutcomeTest {

  @Test
  void toString_isPolicyEqualsEffect() {
    assertThat(new ReportOnlyOutcome("block-tor", Effect.DENY)).hasToString("block-tor=DENY");
  }

  @Test
  void new_nullEffect_throwsNamingIt() {
    assertThatThrownBy(() -> new ReportOnlyOutcome("block-tor", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("effect");
  }

  @Test
  void equals_sameComponents_areEqual() {
    assertThat(new ReportOnlyOutcome("p", Effect.CHALLENGE))
        .isEqualTo(new ReportOnlyOutcome("p", Effect.CHALLENGE))
        .hasSameHashCodeAs(new ReportOnlyOutcome("p", Effect.CHALLENGE))
        .isNotEqualTo(new ReportOnlyOutcome("p", Effect.DENY));
  }
}

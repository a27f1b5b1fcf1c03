package dev.gatehouse.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class ReasonTest {

  @Test
  void toString_withPolicy_namesCodePolicyAndMessage() {
    Reason reason =
        new Reason(
            ReasonCode.NETWORK_NOT_ALLOWED,
            "payroll-from-office",
            "`198.51.100.9` is not in office, vpn");

    assertThat(reason)
        .hasToString(
            "network_not_allowed [payroll-from-office]: `198.51.100.9` is not in office, vpn");
  }

  @Test
  void toString_withoutPolicy_omitsBrackets() {
    Reason reason = new Reason(ReasonCode.NOT_ASSIGNED, "", "no assign policy gives `books`");

    assertThat(reason).hasToString("not_assigned: no assign policy gives `books`");
  }

  @Test
  void new_nullMessage_throwsNamingIt() {
    assertThatThrownBy(() -> new Reason(ReasonCode.BLOCKED, "p", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("message");
  }

  @Test
  void equals_sameComponents_areEqual() {
    Reason a = new Reason(ReasonCode.BLOCKED, "block-tor", "blocked");

    assertThat(a)
        .isEqualTo(new Reason(ReasonCode.BLOCKED, "block-tor", "blocked"))
        .hasSameHashCodeAs(new Reason(ReasonCode.BLOCKED, "block-tor", "blocked"))
        .isNotEqualTo(new Reason(ReasonCode.BLOCKED, "other", "blocked"));
  }

  @Test
  void reasonCode_id_isLowercaseWithUnderscores() {
    assertThat(ReasonCode.MFA_REQUIRED.id()).isEqualTo("mfa_required");
    assertThat(ReasonCode.NOT_DELEGATED).hasToString("not_delegated");
  }
}

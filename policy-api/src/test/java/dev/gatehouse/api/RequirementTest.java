package dev.gatehouse.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class RequirementTest {

  @Test
  void mfa_toString_listsFactorsDurationAndPolicy() {
    Requirement requirement =
        Requirement.mfa(
            "admins-strong", List.of(Factor.WEBAUTHN, Factor.TOTP), Duration.ofHours(8));

    assertThat(requirement).hasToString("mfa [webauthn, totp] within 8h [admins-strong]");
    assertThat(requirement.kind()).isEqualTo(Requirement.Kind.MFA);
  }

  @Test
  void sso_hasNoFactorsAndZeroDuration() {
    Requirement requirement = Requirement.sso("through-idp");

    assertThat(requirement.factors()).isEmpty();
    assertThat(requirement.within()).isZero();
    assertThat(requirement).hasToString("sso [through-idp]");
  }

  @Test
  void mfa_noFactor_throwsNamingPolicy() {
    assertThatThrownBy(() -> Requirement.mfa("risky", List.of(), Duration.ofMinutes(15)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("an MFA requirement of `risky` lists no factor");
  }

  @Test
  void factors_areCopiedAndUnmodifiable() {
    List<Factor> factors = new ArrayList<>(List.of(Factor.PUSH));
    Requirement requirement = Requirement.mfa("p", factors, Duration.ofMinutes(5));

    factors.add(Factor.SMS);

    assertThat(requirement.factors()).containsExactly(Factor.PUSH);
    assertThatThrownBy(() -> requirement.factors().add(Factor.SMS))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void equals_sameComponents_areEqual() {
    Requirement a = Requirement.mfa("p", List.of(Factor.TOTP), Duration.ofMinutes(5));

    assertThat(a)
        .isEqualTo(Requirement.mfa("p", List.of(Factor.TOTP), Duration.ofMinutes(5)))
        .hasSameHashCodeAs(Requirement.mfa("p", List.of(Factor.TOTP), Duration.ofMinutes(5)))
        .isNotEqualTo(Requirement.mfa("p", List.of(Factor.TOTP), Duration.ofMinutes(6)));
  }

  @Test
  void factor_ids_roundTrip() {
    for (Factor factor : Factor.values()) {
      assertThat(Factor.fromId(factor.id())).contains(factor);
    }
    assertThat(Factor.EMAIL_OTP).hasToString("email_otp");
    assertThat(Factor.fromId("EMAIL_OTP")).isEmpty();
  }
}

package dev.gatehouse.api.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.api.Factor;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

final class AuthenticatePolicyTest {

  @Test
  void build_requireMfa_keepsFactorsInDeclarationOrder() {
    AuthenticatePolicy policy =
        AuthenticatePolicy.builder("admins-strong")
            .when(Condition.contains("user.roles", "sysadmin"))
            .requireMfa(Duration.ofHours(8), Factor.WEBAUTHN, Factor.TOTP, Factor.WEBAUTHN)
            .build();

    assertThat(policy.mfa()).containsExactly(Factor.TOTP, Factor.WEBAUTHN);
    assertThat(policy.within()).isEqualTo(Duration.ofHours(8));
    assertThat(policy.block()).isFalse();
    assertThat(policy.requireSso()).isFalse();
    assertThat(policy.kind()).isEqualTo("authenticate");
  }

  @Test
  void build_block_needsNothingElse() {
    AuthenticatePolicy policy =
        AuthenticatePolicy.builder("block-tor").block().reportOnly().build();

    assertThat(policy.block()).isTrue();
    assertThat(policy.mfa()).isEmpty();
    assertThat(policy.within()).isZero();
    assertThat(policy.reportOnly()).isTrue();
  }

  @Test
  void build_ssoAndMfa_together() {
    AuthenticatePolicy policy =
        AuthenticatePolicy.builder("p")
            .apps("payroll")
            .requireSso()
            .requireMfa(Duration.ofMinutes(15), Factor.PUSH)
            .build();

    assertThat(policy.requireSso()).isTrue();
    assertThat(policy.mfa()).containsExactly(Factor.PUSH);
    assertThat(policy.covers("payroll")).isTrue();
    assertThat(policy.covers("mail")).isFalse();
  }

  @Test
  void build_neitherBlockNorRequirement_throws() {
    AuthenticatePolicy.Builder builder = AuthenticatePolicy.builder("empty");

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "authenticate `empty` must either block or require sso or mfa, not both or"
                + " neither");
  }

  @Test
  void build_blockAndRequirement_throws() {
    AuthenticatePolicy.Builder builder = AuthenticatePolicy.builder("both").block().requireSso();

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "authenticate `both` must either block or require sso or mfa, not both or"
                + " neither");
  }

  @Test
  void requireMfa_zeroDuration_throws() {
    AuthenticatePolicy.Builder builder = AuthenticatePolicy.builder("p");

    assertThatThrownBy(() -> builder.requireMfa(Duration.ZERO, Factor.TOTP))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "require mfa needs at least one factor and a positive duration, got [totp]"
                + " within PT0S");
  }

  @Test
  void requireMfa_noFactor_throws() {
    AuthenticatePolicy.Builder builder = AuthenticatePolicy.builder("p");

    assertThatThrownBy(() -> builder.requireMfa(Duration.ofHours(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "require mfa needs at least one factor and a positive duration, got []"
                + " within PT1H");
  }

  @Test
  void new_mfaWithoutWithin_throws() {
    assertThatThrownBy(
            () ->
                new AuthenticatePolicy(
                    "p",
                    List.of(),
                    Condition.ALWAYS,
                    false,
                    false,
                    List.of(Factor.TOTP),
                    Duration.ZERO,
                    false,
                    SourceRef.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("authenticate `p` needs a positive `within` exactly when it requires mfa");
  }

  @Test
  void new_withinWithoutMfa_throws() {
    assertThatThrownBy(
            () ->
                new AuthenticatePolicy(
                    "p",
                    List.of(),
                    Condition.ALWAYS,
                    false,
                    true,
                    List.of(),
                    Duration.ofHours(1),
                    false,
                    SourceRef.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("authenticate `p` needs a positive `within` exactly when it requires mfa");
  }

  @Test
  void equals_sameParts_areEqual() {
    AuthenticatePolicy a =
        AuthenticatePolicy.builder("p")
            .requireMfa(Duration.ofHours(8), Factor.WEBAUTHN, Factor.TOTP)
            .build();
    AuthenticatePolicy b =
        AuthenticatePolicy.builder("p")
            .requireMfa(Duration.ofHours(8), Factor.TOTP, Factor.WEBAUTHN)
            .build();

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
  }

  @Test
  void mfaAsWritten_factorsInAnyOrder_keepsTheOrderGivenButComparesAsASet() {
    AuthenticatePolicy a =
        AuthenticatePolicy.builder("p")
            .requireMfa(Duration.ofHours(8), Factor.WEBAUTHN, Factor.TOTP, Factor.WEBAUTHN)
            .build();

    assertThat(a.mfaAsWritten()).containsExactly(Factor.WEBAUTHN, Factor.TOTP);
    assertThat(a.mfa()).containsExactly(Factor.TOTP, Factor.WEBAUTHN);
    assertThat(
            new AuthenticatePolicy(
                "p",
                List.of(),
                Condition.ALWAYS,
                false,
                false,
                List.of(Factor.WEBAUTHN, Factor.TOTP),
                Duration.ofHours(8),
                false,
                SourceRef.NONE))
        .isEqualTo(a)
        .extracting(AuthenticatePolicy::mfaAsWritten)
        .asList()
        .containsExactly(Factor.WEBAUTHN, Factor.TOTP);
  }

  @Test
  void new_factorsAsWrittenNotTheFactors_throws() {
    assertThatThrownBy(
            () ->
                new AuthenticatePolicy(
                    "p",
                    List.of(),
                    Condition.ALWAYS,
                    false,
                    false,
                    List.of(Factor.TOTP),
                    Duration.ofHours(1),
                    false,
                    SourceRef.NONE,
                    List.of(Factor.WEBAUTHN)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "authenticate `p`: the factors as written [webauthn] are not the factors" + " [totp]");
  }
}

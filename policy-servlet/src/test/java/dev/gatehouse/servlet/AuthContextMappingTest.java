package dev.gatehouse.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.api.Factor;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** SAML and OIDC authentication context onto {@code auth.methods}. */
final class AuthContextMappingTest {

  private static final String SAML = "urn:oasis:names:tc:SAML:2.0:ac:classes:";

  /** SAML class refs, amr values, expected factors. */
  static Stream<Arguments> standard() {
    return Stream.of(
        Arguments.of(List.of(), List.of(), Set.of()),
        Arguments.of(List.of(), List.of("pwd"), Set.of(Factor.SSO, Factor.PASSWORD)),
        Arguments.of(
            List.of(), List.of("pwd", "otp"), Set.of(Factor.SSO, Factor.PASSWORD, Factor.TOTP)),
        Arguments.of(List.of(), List.of("hwk"), Set.of(Factor.SSO, Factor.WEBAUTHN)),
        Arguments.of(List.of(), List.of("sms"), Set.of(Factor.SSO, Factor.SMS)),
        Arguments.of(List.of(), List.of("fpt", "face"), Set.of(Factor.SSO, Factor.BIOMETRIC)),
        Arguments.of(List.of(), List.of("mfa"), Set.of(Factor.SSO)),
        Arguments.of(List.of(), List.of("swk"), Set.of(Factor.SSO)),
        Arguments.of(List.of(), List.of("PWD"), Set.of(Factor.SSO)),
        Arguments.of(List.of(), List.of("webauthn"), Set.of(Factor.SSO)),
        Arguments.of(
            List.of(SAML + "PasswordProtectedTransport"),
            List.of(),
            Set.of(Factor.SSO, Factor.PASSWORD)),
        Arguments.of(List.of(SAML + "Password"), List.of(), Set.of(Factor.SSO, Factor.PASSWORD)),
        Arguments.of(List.of(SAML + "TimeSyncToken"), List.of(), Set.of(Factor.SSO, Factor.TOTP)),
        Arguments.of(List.of(SAML + "Kerberos"), List.of(), Set.of(Factor.SSO)),
        Arguments.of(
            List.of(" " + SAML + "Password "),
            List.of("otp"),
            Set.of(Factor.SSO, Factor.PASSWORD, Factor.TOTP)));
  }

  @ParameterizedTest(name = "saml {0}, amr {1} -> {2}")
  @MethodSource
  void standard(List<String> saml, List<String> amr, Set<Factor> expected) {
    assertThat(AuthContextMapping.standard().factors(saml, amr)).isEqualTo(expected);
  }

  @Test
  void toBuilder_addedMappings_extendStandard() {
    AuthContextMapping mapping =
        AuthContextMapping.standard().toBuilder()
            .amr("swk", Factor.WEBAUTHN)
            .amr("pwd")
            .saml("http://schemas.microsoft.com/claims/multipleauthn", Factor.PUSH)
            .build();

    assertThat(mapping.factors(List.of(), List.of("swk", "pwd")))
        .containsExactlyInAnyOrder(Factor.SSO, Factor.WEBAUTHN);
    assertThat(
            mapping.factors(
                List.of("http://schemas.microsoft.com/claims/multipleauthn"), List.of()))
        .containsExactlyInAnyOrder(Factor.SSO, Factor.PUSH);
    assertThat(AuthContextMapping.standard().factors(List.of(), List.of("swk")))
        .containsExactly(Factor.SSO);
  }

  @Test
  void builder_empty_derivesOnlySso() {
    assertThat(AuthContextMapping.builder().build().factors(List.of(), List.of("pwd")))
        .containsExactly(Factor.SSO);
  }

  @Test
  void amr_blankValue_throws() {
    assertThatThrownBy(() -> AuthContextMapping.builder().amr(" ", Factor.TOTP))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("amr value is blank");
  }
}

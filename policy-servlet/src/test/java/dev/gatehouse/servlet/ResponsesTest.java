package dev.gatehouse.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.api.Factor;
import dev.gatehouse.api.Requirement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What a challenge asks for, and which requests get a redirect. */
final class ResponsesTest {

  private static final Responses DEFAULTS = new Responses(Map.of(), null);

  @Test
  void acrValues_factorCommonToAllRequirements_asksForItAlone() {
    List<Requirement> unmet =
        List.of(
            Requirement.mfa("a", List.of(Factor.WEBAUTHN, Factor.TOTP), Duration.ofHours(8)),
            Requirement.mfa("b", List.of(Factor.WEBAUTHN), Duration.ofMinutes(15)));

    assertThat(DEFAULTS.acrValues(unmet)).containsExactly("webauthn");
    assertThat(Responses.maxAge(unmet)).isEqualTo(900);
  }

  @Test
  void acrValues_noCommonFactor_asksForAll() {
    List<Requirement> unmet =
        List.of(
            Requirement.mfa("a", List.of(Factor.TOTP), Duration.ofHours(8)),
            Requirement.mfa("b", List.of(Factor.WEBAUTHN), Duration.ofHours(1)));

    assertThat(DEFAULTS.acrValues(unmet)).containsExactly("totp", "webauthn");
  }

  @Test
  void acrValues_ssoRequired_asksForSsoWithoutMaxAge() {
    List<Requirement> unmet = List.of(Requirement.sso("s"));

    assertThat(DEFAULTS.acrValues(unmet)).containsExactly("sso");
    assertThat(Responses.maxAge(unmet)).isEqualTo(-1);
  }

  @Test
  void acrValues_configuredValues_replaceFactorIds() {
    Responses responses =
        new Responses(
            Map.of(
                Factor.WEBAUTHN,
                "urn:acme:phr",
                Factor.TOTP,
                "urn:acme:mfa",
                Factor.PUSH,
                "urn:acme:mfa"),
            null);
    List<Requirement> unmet =
        List.of(
            Requirement.mfa(
                "a", List.of(Factor.WEBAUTHN, Factor.TOTP, Factor.PUSH), Duration.ofHours(8)));

    assertThat(responses.acrValues(unmet)).containsExactly("urn:acme:phr", "urn:acme:mfa");
  }

  /** Method, Accept header, whether a redirect suits. */
  static Stream<Arguments> isBrowser() {
    return Stream.of(
        Arguments.of("GET", "text/html", true),
        Arguments.of("HEAD", "text/html", true),
        Arguments.of("GET", "text/html;q=0.9, */*;q=0.8", true),
        Arguments.of("GET", "TEXT/HTML", true),
        Arguments.of("GET", "application/json", false),
        Arguments.of("GET", "*/*", false),
        Arguments.of("GET", "text/html;q=0", false),
        Arguments.of("GET", "text/html; q=0.000", false),
        Arguments.of("POST", "text/html", false),
        Arguments.of("GET", null, false));
  }

  @ParameterizedTest(name = "{0} Accept: {1} -> {2}")
  @MethodSource
  void isBrowser(String method, String accept, boolean expected) {
    Map<String, String> headers = accept == null ? Map.of() : Map.of("Accept", accept);

    assertThat(Responses.isBrowser(FakeRequests.request("ann", Map.of(), method, headers)))
        .isEqualTo(expected);
  }
}

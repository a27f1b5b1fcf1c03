package dev.gatehouse.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Decision;
import dev.gatehouse.api.Effect;
import dev.gatehouse.api.Factor;
import dev.gatehouse.api.Reason;
import dev.gatehouse.api.ReasonCode;
import dev.gatehouse.api.Requirement;
import dev.gatehouse.api.Schema;
import dev.gatehouse.servlet.AuthContextMapping;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/**
 * The OIDC login side, which needs an identity provider to run over HTTP: the tokens and users are
 * the ones Spring Security builds after a login, the servlet request is Spring's test double.
 */
final class GatehouseOidcLoginTest {

  private static final Instant SIGNED_IN = Instant.parse("2026-11-29T09:30:00Z");

  @AfterEach
  void clearContext() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void handle_challengeOfAnOidcLogin_redirectsToTheProviderWithAcrValuesAndMaxAge()
      throws Exception {
    SecurityContextHolder.getContext().setAuthentication(oidcLogin(List.of("pwd")));
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/mail/inbox");
    request.addHeader("Accept", "text/html");
    MockHttpServletResponse response = new MockHttpServletResponse();

    new GatehouseAccessDeniedHandler(Map.of(Factor.WEBAUTHN, "phr"), null)
        .handle(request, response, denied(challenge()));

    assertThat(response.getStatus()).isEqualTo(302);
    assertThat(response.getHeader("Location"))
        .startsWith("/oauth2/authorization/acme?acr_values=totp+phr&max_age=28800");
  }

  @Test
  void handle_denyOfAnOidcLogin_answers403ProblemWithTheReasons() throws Exception {
    SecurityContextHolder.getContext().setAuthentication(oidcLogin(List.of("pwd")));
    MockHttpServletResponse response = new MockHttpServletResponse();
    Decision deny = Decision.deny(new Reason(ReasonCode.NOT_ASSIGNED, "", "not assigned"));

    new GatehouseAccessDeniedHandler(Map.of(), null)
        .handle(new MockHttpServletRequest("GET", "/books"), response, denied(deny));

    assertThat(response.getStatus()).isEqualTo(403);
    assertThat(response.getContentType()).isEqualTo("application/problem+json");
    assertThat(response.getContentAsString()).contains("\"reasons\":[\"not_assigned\"]");
  }

  @Test
  void resolve_stepUpRedirect_asksTheProviderForTheFactors() {
    StepUpAuthorizationRequestResolver resolver =
        new StepUpAuthorizationRequestResolver(new InMemoryClientRegistrationRepository(acme()));
    MockHttpServletRequest request =
        new MockHttpServletRequest("GET", "/oauth2/authorization/acme");
    request.setServletPath("/oauth2/authorization/acme");
    request.setParameter("acr_values", "totp phr");
    request.setParameter("max_age", "28800");

    OAuth2AuthorizationRequest authorization = resolver.resolve(request);

    assertThat(authorization).isNotNull();
    assertThat(authorization.getAdditionalParameters())
        .containsEntry("acr_values", "totp phr")
        .containsEntry("max_age", "28800");
    assertThat(authorization.getAuthorizationRequestUri())
        .contains("acr_values=totp%20phr")
        .contains("max_age=28800");
  }

  @Test
  void resolve_maxAgeThatIsNoNumber_isNotPassedOn() {
    StepUpAuthorizationRequestResolver resolver =
        new StepUpAuthorizationRequestResolver(new InMemoryClientRegistrationRepository(acme()));
    MockHttpServletRequest request =
        new MockHttpServletRequest("GET", "/oauth2/authorization/acme");
    request.setServletPath("/oauth2/authorization/acme");
    request.setParameter("max_age", "1&prompt=none");

    OAuth2AuthorizationRequest authorization = resolver.resolve(request);

    assertThat(authorization).isNotNull();
    assertThat(authorization.getAdditionalParameters()).doesNotContainKey("max_age");
  }

  @Test
  void apply_oidcUser_claimsAmrAndAuthTimeBecomeAttributes() {
    AuthenticationSubject subject =
        new AuthenticationSubject(
            Map.of("user.department", "department", "user.groups", "groups"),
            "ROLE_",
            AuthContextMapping.standard(),
            Duration.ofSeconds(60));
    AccessRequest.Builder b = AccessRequest.builder(Schema.standard());

    Optional<String> refused =
        subject.apply(oidcLogin(List.of("pwd", "otp")), b, SIGNED_IN.plusSeconds(60));
    AccessRequest request =
        b.set("request.action", "access").set("request.time", SIGNED_IN).build();

    assertThat(refused).isEmpty();
    assertThat(request.value("user.id")).hasValue("u-it");
    assertThat(request.value("user.department")).hasValue("IT");
    assertThat(request.value("auth.methods").orElseThrow().toString())
        .contains("password")
        .contains("totp")
        .contains("sso");
    assertThat(request.value("auth.time")).hasValue(SIGNED_IN);
  }

  private static OAuth2AuthenticationToken oidcLogin(List<String> amr) {
    OidcIdToken token =
        OidcIdToken.withTokenValue("id-token")
            .subject("u-it")
            .issuedAt(SIGNED_IN)
            .expiresAt(SIGNED_IN.plusSeconds(3600))
            .claim("department", "IT")
            .claim("amr", amr)
            .claim("auth_time", SIGNED_IN)
            .build();
    DefaultOidcUser user =
        new DefaultOidcUser(AuthorityUtils.createAuthorityList("OIDC_USER"), token);
    return new OAuth2AuthenticationToken(user, user.getAuthorities(), "acme");
  }

  private static ClientRegistration acme() {
    return ClientRegistration.withRegistrationId("acme")
        .clientId("gatehouse")
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
        .scope("openid")
        .authorizationUri("https://idp.example/authorize")
        .tokenUri("https://idp.example/token")
        .build();
  }

  private static Decision challenge() {
    return new Decision(
        Effect.CHALLENGE,
        List.of(new Reason(ReasonCode.MFA_REQUIRED, "admins-strong", "mfa required")),
        List.of(
            Requirement.mfa(
                "admins-strong", List.of(Factor.TOTP, Factor.WEBAUTHN), Duration.ofHours(8))),
        List.of("user"),
        List.of("admins-strong"),
        List.of());
  }

  private static AuthorizationDeniedException denied(Decision decision) {
    return new AuthorizationDeniedException("denied", GatehouseAuthorizationDecision.of(decision));
  }
}

package dev.gatehouse.spring;

import static java.util.Objects.requireNonNull;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

/**
 * Passes the {@code acr_values} and {@code max_age} of a Gatehouse step-up redirect on to the OIDC
 * provider's authorization request, so that the provider asks for the missing factor.
 *
 * <pre>{@code
 * http.oauth2Login(o -> o.authorizationEndpoint(
 *     a -> a.authorizationRequestResolver(new StepUpAuthorizationRequestResolver(clients))));
 * }</pre>
 */
public final class StepUpAuthorizationRequestResolver
    implements OAuth2AuthorizationRequestResolver {

  private final OAuth2AuthorizationRequestResolver delegate;

  /**
   * Creates a resolver over Spring Security's default one at {@code /oauth2/authorization}.
   *
   * @param clients the client registrations
   */
  public StepUpAuthorizationRequestResolver(ClientRegistrationRepository clients) {
    this.delegate =
        new DefaultOAuth2AuthorizationRequestResolver(
            requireNonNull(clients, "clients"), OAuth2AuthorizationRequestRedirectPath.BASE);
  }

  @Override
  public @Nullable OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
    return withStepUp(request, delegate.resolve(request));
  }

  @Override
  public @Nullable OAuth2AuthorizationRequest resolve(
      HttpServletRequest request, String clientRegistrationId) {
    return withStepUp(request, delegate.resolve(request, clientRegistrationId));
  }

  private static @Nullable OAuth2AuthorizationRequest withStepUp(
      HttpServletRequest request, @Nullable OAuth2AuthorizationRequest authorization) {
    if (authorization == null) {
      return null;
    }
    String acr = request.getParameter("acr_values");
    String maxAge = request.getParameter("max_age");
    boolean acrOk = acr != null && isAcrValues(acr);
    boolean maxAgeOk =
        maxAge != null
            && !maxAge.isEmpty()
            && maxAge.length() < 10
            && maxAge.chars().allMatch(c -> c >= '0' && c <= '9');
    if (!acrOk && !maxAgeOk) {
      return authorization;
    }
    return OAuth2AuthorizationRequest.from(authorization)
        .additionalParameters(
            p -> {
              if (acrOk) {
                p.put("acr_values", acr);
              }
              if (maxAgeOk) {
                p.put("max_age", maxAge);
              }
            })
        .build();
  }

  /** Space-separated printable ASCII values, as Gatehouse writes them; anything else is dropped. */
  private static boolean isAcrValues(String value) {
    return !value.isBlank()
        && value.length() <= 512
        && value.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '"' && c != '\\');
  }

  /** Spring Security's default base of the authorization endpoint. */
  private static final class OAuth2AuthorizationRequestRedirectPath {
    static final String BASE = "/oauth2/authorization";
  }
}

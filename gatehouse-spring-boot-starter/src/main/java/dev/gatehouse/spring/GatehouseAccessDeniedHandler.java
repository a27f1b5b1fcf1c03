package dev.gatehouse.spring;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.api.Factor;
import dev.gatehouse.servlet.Responses;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.util.ClassUtils;

/**
 * Answers Gatehouse denials as {@link dev.gatehouse.servlet.GatehouseFilter} does: a DENY is a 403
 * {@code application/problem+json} naming the reason codes; a CHALLENGE is a 401 with an RFC 9470
 * {@code insufficient_user_authentication} challenge for a bearer token, and for a browser signed
 * in with OIDC a redirect back to its provider with the required {@code acr_values} and {@code
 * max_age} (see {@link StepUpAuthorizationRequestResolver}). Other denials go to the fallback.
 */
public final class GatehouseAccessDeniedHandler implements AccessDeniedHandler {

  private static final boolean OAUTH2_PRESENT =
      ClassUtils.isPresent(
          "org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken",
          GatehouseAccessDeniedHandler.class.getClassLoader());

  private final Map<Factor, String> acrValues;
  private final @Nullable String stepUpUrl;
  private final AccessDeniedHandler fallback;
  private final RequestCache requestCache = new HttpSessionRequestCache();

  /**
   * Creates the handler.
   *
   * @param acrValues the ACR value asked for per factor
   * @param stepUpUrl where a form-login browser is sent to step up, or null to answer 401
   * @param fallback answers denials that are not Gatehouse's
   */
  public GatehouseAccessDeniedHandler(
      Map<Factor, String> acrValues, @Nullable String stepUpUrl, AccessDeniedHandler fallback) {
    this.acrValues = Map.copyOf(acrValues);
    this.stepUpUrl = stepUpUrl;
    this.fallback = requireNonNull(fallback, "fallback");
  }

  /**
   * Creates a handler with Spring Security's default handler as the fallback.
   *
   * @param acrValues the ACR value asked for per factor
   * @param stepUpUrl where a form-login browser is sent to step up, or null to answer 401
   */
  public GatehouseAccessDeniedHandler(Map<Factor, String> acrValues, @Nullable String stepUpUrl) {
    this(acrValues, stepUpUrl, new AccessDeniedHandlerImpl());
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
      throws IOException, ServletException {
    if (!(denied instanceof AuthorizationDeniedException ade)
        || !(ade.getAuthorizationResult() instanceof GatehouseAuthorizationDecision decision)) {
      fallback.handle(request, response, denied);
      return;
    }
    if (!decision.isChallenge()) {
      Responses.deny(response, decision.codes());
      return;
    }
    String stepUp = stepUpUrl(request);
    if (stepUp != null) {
      // Brings the user back here after signing in again.
      requestCache.saveRequest(request, response);
    }
    new Responses(acrValues, stepUp)
        .challenge(request, response, decision.decision().orElseThrow());
  }

  /** The OIDC provider for an OIDC login, none for a bearer token, else the configured URL. */
  private @Nullable String stepUpUrl(HttpServletRequest request) {
    Authentication user = SecurityContextHolder.getContext().getAuthentication();
    if (OAUTH2_PRESENT) {
      String registration = OAuth2Login.registrationId(user);
      if (registration != null) {
        return request.getContextPath() + "/oauth2/authorization/" + registration;
      }
    }
    if (BearerTokens.isBearer(user) || stepUpUrl == null) {
      return null;
    }
    return stepUpUrl.startsWith("/") ? request.getContextPath() + stepUpUrl : stepUpUrl;
  }

  /** Kept apart so that the OAuth2 client classes load only when they are on the class path. */
  private static final class OAuth2Login {
    static @Nullable String registrationId(@Nullable Authentication user) {
      return user
              instanceof
              org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken t
          ? t.getAuthorizedClientRegistrationId()
          : null;
    }
  }

  /** Tells bearer-token authentications apart without loading the resource server classes. */
  static final class BearerTokens {
    private BearerTokens() {}

    static boolean isBearer(@Nullable Authentication user) {
      for (Class<?> c = user == null ? null : user.getClass(); c != null; c = c.getSuperclass()) {
        if (c.getName()
            .equals(
                "org.springframework.security.oauth2.server.resource.authentication."
                    + "AbstractOAuth2TokenAuthenticationToken")) {
          return true;
        }
      }
      return false;
    }
  }
}

package dev.gatehouse.spring;

import static java.util.Objects.requireNonNull;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.function.Supplier;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.support.AopUtils;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Decides calls of methods annotated {@link GatehouseAuthorize} on the running policies, with the
 * subject, client address and time of the current HTTP request, as {@link
 * GatehouseAuthorizationManager} decides requests. A call outside an HTTP request has no client
 * address and is denied.
 */
public final class GatehouseMethodAuthorizationManager
    implements AuthorizationManager<MethodInvocation> {

  private final GatehouseAuthorizationManager requests;

  /**
   * Creates the manager.
   *
   * @param requests the request manager whose subject mapping and policies it shares
   */
  public GatehouseMethodAuthorizationManager(GatehouseAuthorizationManager requests) {
    this.requests = requireNonNull(requests, "requests");
  }

  @Override
  public AuthorizationResult authorize(
      Supplier<? extends @Nullable Authentication> authentication, MethodInvocation invocation) {
    GatehouseAuthorize annotation = annotation(invocation);
    if (annotation == null) {
      return GatehouseAuthorizationDecision.refused("unmapped_path");
    }
    Authentication user = authentication.get();
    if (user == null || !user.isAuthenticated() || user instanceof AnonymousAuthenticationToken) {
      return new AuthorizationDecision(false);
    }
    if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs)) {
      return GatehouseAuthorizationDecision.refused("client_address_unknown");
    }
    String app = annotation.app().isEmpty() ? null : annotation.app();
    return requests.decide(
        user, attrs.getRequest(), new Routes.Target(app, annotation.action(), Map.of()));
  }

  private static @Nullable GatehouseAuthorize annotation(MethodInvocation invocation) {
    Object target = invocation.getThis();
    Class<?> type =
        target == null
            ? invocation.getMethod().getDeclaringClass()
            : AopUtils.getTargetClass(target);
    Method method = AopUtils.getMostSpecificMethod(invocation.getMethod(), type);
    GatehouseAuthorize found =
        AnnotatedElementUtils.findMergedAnnotation(method, GatehouseAuthorize.class);
    return found != null
        ? found
        : AnnotatedElementUtils.findMergedAnnotation(type, GatehouseAuthorize.class);
  }
}

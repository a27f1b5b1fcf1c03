package dev.gatehouse.spring;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Decision;
import dev.gatehouse.api.IpAddress;
import dev.gatehouse.engine.CompiledPolicies;
import dev.gatehouse.engine.PolicyEngineHolder;
import dev.gatehouse.monitor.SignInMonitor;
import dev.gatehouse.servlet.ClientIp;
import dev.gatehouse.servlet.SubjectResolver;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Decides each HTTP request on the running Gatehouse policies: the route gives the app and action,
 * {@link AuthenticationSubject} the user and the authentication context, the client address comes
 * from the container (or from trusted proxies' headers) and the time from the clock.
 *
 * <p>An unauthenticated request is denied with a plain {@link AuthorizationDecision}, so Spring
 * Security starts authentication as usual. Any other denial is a {@link
 * GatehouseAuthorizationDecision} that {@link GatehouseAccessDeniedHandler} turns into a 403
 * problem or a step-up challenge. A request that cannot be built (no route, no client address, a
 * value that does not fit the schema) is denied: Gatehouse fails closed.
 *
 * <pre>{@code
 * http.authorizeHttpRequests(a -> a.anyRequest().access(gatehouseAuthorizationManager))
 *     .exceptionHandling(e -> e.accessDeniedHandler(gatehouseAccessDeniedHandler));
 * }</pre>
 *
 * <p>Spring Security wraps it in {@code ObservationAuthorizationManager} when the application has
 * an {@code ObservationRegistry}, so its observations see each decision.
 */
public final class GatehouseAuthorizationManager
    implements AuthorizationManager<RequestAuthorizationContext> {

  /** The request attribute holding the {@link Decision}, for the application to read its roles. */
  public static final String DECISION_ATTRIBUTE = "dev.gatehouse.decision";

  private static final Logger LOG = LoggerFactory.getLogger(GatehouseAuthorizationManager.class);

  /** Attributes this manager sets itself, whatever a subject resolver put there. */
  private static final List<String> OWNED =
      List.of("app", "request.action", "request.ip", "request.time", "auth.methods", "auth.time");

  private final PolicyEngineHolder holder;
  private final Routes routes;
  private final AuthenticationSubject subject;
  private final @Nullable ClientIp clientIp;
  private final Clock clock;
  private final @Nullable SubjectResolver resolver;
  private final @Nullable SignInMonitor monitor;

  GatehouseAuthorizationManager(
      PolicyEngineHolder holder,
      Routes routes,
      AuthenticationSubject subject,
      @Nullable ClientIp clientIp,
      Clock clock,
      @Nullable SubjectResolver resolver,
      @Nullable SignInMonitor monitor) {
    this.holder = requireNonNull(holder, "holder");
    this.routes = requireNonNull(routes, "routes");
    this.subject = requireNonNull(subject, "subject");
    this.clientIp = clientIp;
    this.clock = requireNonNull(clock, "clock");
    this.resolver = resolver;
    this.monitor = monitor;
  }

  @Override
  public AuthorizationResult authorize(
      Supplier<? extends @Nullable Authentication> authentication,
      RequestAuthorizationContext context) {
    Authentication user = authentication.get();
    if (user == null || !user.isAuthenticated() || user instanceof AnonymousAuthenticationToken) {
      return new AuthorizationDecision(false);
    }
    HttpServletRequest http = context.getRequest();
    Optional<Routes.Target> target = routes.match(http);
    if (target.isEmpty()) {
      return GatehouseAuthorizationDecision.refused("unmapped_path");
    }
    return decide(user, http, target.get());
  }

  /** Decides the signed-in {@code user}'s access to {@code target} from {@code http}. */
  GatehouseAuthorizationDecision decide(
      Authentication user, HttpServletRequest http, Routes.Target target) {
    Optional<IpAddress> ip = clientAddress(http);
    if (ip.isEmpty()) {
      return GatehouseAuthorizationDecision.refused("client_address_unknown");
    }
    CompiledPolicies policies = holder.current();
    try {
      AccessRequest.Builder b = AccessRequest.builder(policies.schema());
      if (resolver != null && !resolver.resolve(http, b)) {
        return GatehouseAuthorizationDecision.refused("subject_unresolved");
      }
      OWNED.forEach(b::clear);
      Instant now = clock.instant();
      Optional<String> refused = subject.apply(user, b, now);
      if (refused.isPresent()) {
        return GatehouseAuthorizationDecision.refused(refused.get());
      }
      if (target.app() != null) {
        b.set("app", target.app());
      }
      for (Map.Entry<String, String> e : target.target().entrySet()) {
        b.set(e.getKey(), e.getValue());
      }
      b.set("request.action", target.action()).set("request.ip", ip.get()).set("request.time", now);
      AccessRequest request = b.build();
      if (monitor != null) {
        request = monitor.enrich(request);
      }
      Decision decision = policies.evaluate(request);
      http.setAttribute(DECISION_ATTRIBUTE, decision);
      return GatehouseAuthorizationDecision.of(decision);
    } catch (RuntimeException e) {
      // A bad claim or resolver must deny, never let the request through unchecked.
      LOG.debug("cannot build the access request; denying", e);
      return GatehouseAuthorizationDecision.refused("request_invalid");
    }
  }

  private Optional<IpAddress> clientAddress(HttpServletRequest http) {
    if (clientIp != null) {
      return clientIp.resolve(http);
    }
    String peer = http.getRemoteAddr();
    return peer == null ? Optional.empty() : ClientIp.direct().resolve(peer, List.of());
  }

  @Override
  public String toString() {
    return "GatehouseAuthorizationManager{" + holder.current() + "}";
  }
}

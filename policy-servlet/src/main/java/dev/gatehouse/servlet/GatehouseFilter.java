package dev.gatehouse.servlet;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Decision;
import dev.gatehouse.api.InvalidRequestException;
import dev.gatehouse.api.IpAddress;
import dev.gatehouse.engine.CompiledPolicies;
import dev.gatehouse.engine.PolicyEngineHolder;
import dev.gatehouse.engine.PolicySource;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A servlet filter that decides every request with the running Gatehouse policies before it reaches
 * the application.
 *
 * <p>For each request the filter maps the path to an app (or to the org sign-in), finds the client
 * address with {@link ClientIp}, builds the subject with a {@link SubjectResolver}, derives {@code
 * auth.methods} and {@code auth.time} from the SSO context with an {@link AuthContextMapping}, and
 * evaluates on {@link PolicyEngineHolder#current()}, so a reload applies from the next request.
 *
 * <ul>
 *   <li>{@code PERMIT}: the chain continues; the {@link Decision} is the request attribute {@link
 *       #DECISION_ATTRIBUTE}.
 *   <li>{@code DENY}: 403 with an RFC 9457 {@code application/problem+json} body naming the reason
 *       codes.
 *   <li>{@code CHALLENGE}: 401 with {@code WWW-Authenticate: Bearer
 *       error="insufficient_user_authentication"} and {@code acr_values}, {@code max_age} (RFC
 *       9470), or for a browser a 302 to the configured step-up URL.
 * </ul>
 *
 * <p>It fails closed: an unresolved subject, an unattributable client, an unmapped path, a bad
 * host-supplied value or an error while building the request all answer 403, naming only a code.
 *
 * <pre>{@code
 * GatehouseFilter filter = GatehouseFilter.builder(holder)
 *     .app("/mail/*", "mail")
 *     .signin("/signin")
 *     .clientIp(ClientIp.trusting(List.of("10.0.0.0/8"), ClientIp.Header.X_FORWARDED_FOR))
 *     .stepUpUrl("/step-up")
 *     .build();
 * context.addFilter(new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST));
 * }</pre>
 *
 * <p>Created by a container with the public constructor, the filter reads its configuration from
 * init parameters instead (their names are listed in {@code docs/servlet.md}), and the holder from
 * the servlet context attribute {@link #HOLDER_ATTRIBUTE}, which may hold a {@link PolicySource}.
 */
public final class GatehouseFilter implements Filter {

  /** The request attribute holding the {@link Decision} of a permitted request. */
  public static final String DECISION_ATTRIBUTE = "dev.gatehouse.decision";

  /** The request or session attribute with the SAML {@code AuthnContextClassRef} URI(s). */
  public static final String SAML_CLASS_REFS_ATTRIBUTE = "dev.gatehouse.saml.authn_context";

  /** The request or session attribute with the OIDC {@code amr} value(s). */
  public static final String AMR_ATTRIBUTE = "dev.gatehouse.oidc.amr";

  /** The request or session attribute with factor ids the host itself verified. */
  public static final String AUTH_METHODS_ATTRIBUTE = "dev.gatehouse.auth.methods";

  /** The request or session attribute with the last authentication time, an instant or epoch s. */
  public static final String AUTH_TIME_ATTRIBUTE = "dev.gatehouse.auth.time";

  /** The servlet context attribute where an init-parameter filter finds its holder by default. */
  public static final String HOLDER_ATTRIBUTE = "dev.gatehouse.engine.PolicyEngineHolder";

  private static final Logger LOG = LoggerFactory.getLogger(GatehouseFilter.class);

  private volatile @Nullable FilterSettings settings;

  /** Creates a filter that {@link #init(FilterConfig)} configures from init parameters. */
  public GatehouseFilter() {}

  GatehouseFilter(FilterSettings settings) {
    this.settings = settings;
  }

  /**
   * Returns a builder of a filter deciding on the policies {@code holder} runs.
   *
   * @param holder the holder of the running policies
   * @return a builder
   */
  public static GatehouseFilterBuilder builder(PolicyEngineHolder holder) {
    return new GatehouseFilterBuilder(holder);
  }

  /**
   * Returns a builder of a filter deciding on the policies {@code source} keeps running, such as a
   * signed bundle polled over HTTP. Until the source first loads a set, every request is denied.
   *
   * @param source the source of the running policies
   * @return a builder
   */
  public static GatehouseFilterBuilder builder(PolicySource source) {
    return new GatehouseFilterBuilder(source.holder());
  }

  /**
   * Reads the init parameters, unless the filter was built in code.
   *
   * @param config the filter configuration
   * @throws ServletException if a parameter is bad or the holder is missing; the message says which
   */
  @Override
  public void init(FilterConfig config) throws ServletException {
    if (settings != null) {
      return;
    }
    try {
      settings = InitParams.read(config);
    } catch (RuntimeException e) {
      throw new ServletException("bad gatehouse filter configuration: " + e.getMessage(), e);
    }
  }

  /**
   * Decides the request and permits, denies or challenges it.
   *
   * @param request the request
   * @param response the response
   * @param chain the rest of the chain
   * @throws IOException if writing the answer fails
   * @throws ServletException if the rest of the chain throws it
   */
  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!(request instanceof HttpServletRequest) || !(response instanceof HttpServletResponse)) {
      throw new ServletException("the gatehouse filter handles HTTP requests only");
    }
    HttpServletRequest http = (HttpServletRequest) request;
    HttpServletResponse out = (HttpServletResponse) response;
    FilterSettings s = settings;
    if (s == null) {
      refuse(out, Refusal.NOT_CONFIGURED);
      return;
    }
    String unsafe = s.allowUnsafePaths() ? null : PathFirewall.problem(http.getRequestURI());
    if (unsafe != null) {
      s.log().refused(null, null, http.getRemoteAddr(), Refusal.UNSAFE_PATH);
      Responses.badRequest(
          out,
          "the request path cannot be mapped safely: " + unsafe,
          List.of(Refusal.UNSAFE_PATH.id()));
      return;
    }
    Optional<AppMapping.Target> target = s.apps().match(path(http));
    if (target.isEmpty()) {
      if (s.permitUnmapped()) {
        chain.doFilter(request, response);
      } else {
        s.log().refused(null, null, http.getRemoteAddr(), Refusal.UNMAPPED_PATH);
        refuse(out, Refusal.UNMAPPED_PATH);
      }
      return;
    }
    decide(s, http, out, chain, target.get());
  }

  private void decide(
      FilterSettings s,
      HttpServletRequest http,
      HttpServletResponse out,
      FilterChain chain,
      AppMapping.Target target)
      throws IOException, ServletException {
    Optional<IpAddress> ip = s.clientIp().resolve(http);
    if (ip.isEmpty()) {
      refuse(s, out, target, null, Refusal.CLIENT_ADDRESS_UNKNOWN);
      return;
    }
    CompiledPolicies policies = s.holder().current();
    Optional<AccessRequest> built;
    try {
      built = s.requests().build(http, policies.schema(), target, ip.get(), s.clock().instant());
      if (built.isPresent() && s.hook() != null) {
        built = Optional.of(s.hook().enrich(built.get()));
      }
    } catch (RuntimeException e) {
      logBuildFailure(e);
      refuse(s, out, target, ip.get(), Refusal.REQUEST_INVALID);
      return;
    }
    if (built.isEmpty()) {
      refuse(s, out, target, ip.get(), Refusal.SUBJECT_UNRESOLVED);
      return;
    }
    Decision decision = policies.evaluate(built.get());
    s.log().decided(built.get(), target, ip.get(), decision);
    if (s.hook() != null && target.action().equals("signin")) {
      s.hook().signInDecided(built.get(), decision);
    }
    http.setAttribute(DECISION_ATTRIBUTE, decision);
    switch (decision.effect()) {
      case PERMIT:
        chain.doFilter(http, out);
        break;
      case CHALLENGE:
        s.responses().challenge(http, out, decision);
        break;
      default:
        Responses.deny(out, Responses.codes(decision));
    }
  }

  private static void logBuildFailure(RuntimeException e) {
    // The message may quote a host-supplied value, so only its kind is logged above DEBUG.
    String attribute =
        e instanceof InvalidRequestException ? ((InvalidRequestException) e).attribute() : "-";
    LOG.warn(
        "request refused: {} building the access request (attribute {})",
        e.getClass().getSimpleName(),
        attribute);
    LOG.debug("request refused", e);
  }

  private static void refuse(
      FilterSettings s,
      HttpServletResponse out,
      AppMapping.Target target,
      @Nullable IpAddress ip,
      Refusal refusal)
      throws IOException {
    s.log().refused(target.app(), target.action(), ip == null ? null : ip.toString(), refusal);
    refuse(out, refusal);
  }

  /** Returns the path within the application, as the container decoded and normalised it. */
  private static String path(HttpServletRequest http) {
    String servletPath = http.getServletPath();
    String pathInfo = http.getPathInfo();
    String path = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
    return path.isEmpty() ? "/" : path;
  }

  private static void refuse(HttpServletResponse out, Refusal refusal) throws IOException {
    Responses.deny(out, List.of(refusal.id()));
  }

  @Override
  public String toString() {
    FilterSettings s = settings;
    return "GatehouseFilter{" + (s == null ? "unconfigured" : s.toString()) + "}";
  }
}

package dev.gatehouse.servlet;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.api.Factor;
import dev.gatehouse.engine.PolicyEngineHolder;
import java.net.URI;
import java.time.Clock;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * Builds a {@link GatehouseFilter}; obtained from {@link GatehouseFilter#builder}. Every setter
 * checks its argument at once, and {@link #build()} leaves the builder reusable.
 */
public final class GatehouseFilterBuilder {

  private final PolicyEngineHolder holder;
  private final Map<String, AppMapping.Target> patterns = new LinkedHashMap<>();
  private final Map<Factor, String> acrValues = new EnumMap<>(Factor.class);
  private boolean permitUnmapped;
  private boolean allowUnsafePaths;
  private SubjectResolver resolver = SubjectResolver.standard();
  private ClientIp clientIp = ClientIp.direct();
  private AuthContextMapping authContext = AuthContextMapping.standard();
  private @Nullable String stepUpUrl;
  private System.Logger.Level logLevel = System.Logger.Level.DEBUG;
  private Clock clock = Clock.systemUTC();
  private @Nullable EvaluationHook hook;

  GatehouseFilterBuilder(PolicyEngineHolder holder) {
    this.holder = requireNonNull(holder, "holder");
  }

  /**
   * Maps requests whose path matches {@code pattern} to {@code app}, action {@code access}.
   *
   * @param pattern an exact path such as {@code /mail}, or a prefix such as {@code /mail/*}
   * @param app the app id the policies name
   * @return this builder
   * @throws IllegalArgumentException if the pattern is malformed or already mapped, or the app id
   *     is blank
   */
  public GatehouseFilterBuilder app(String pattern, String app) {
    requireNonNull(app, "app");
    if (app.isBlank()) {
      throw new IllegalArgumentException("app id for `" + pattern + "` is blank");
    }
    return map(pattern, AppMapping.Target.access(app));
  }

  /**
   * Maps requests whose path matches {@code pattern} to the org sign-in: action {@code signin}, no
   * app.
   *
   * @param pattern an exact path such as {@code /signin}, or a prefix
   * @return this builder
   * @throws IllegalArgumentException if the pattern is malformed or already mapped
   */
  public GatehouseFilterBuilder signin(String pattern) {
    return map(pattern, AppMapping.Target.signin());
  }

  /**
   * Lets requests whose path no pattern matches through undecided; by default they get 403.
   *
   * @return this builder
   */
  public GatehouseFilterBuilder permitUnmapped() {
    this.permitUnmapped = true;
    return this;
  }

  /**
   * Lets through, to be mapped and decided, raw request paths that are refused by default with 400
   * ({@code unsafe_path}): dot segments ({@code /payroll/../mail/x}), {@code //}, {@code ;} path
   * parameters, a backslash, or an encoded {@code /}, {@code .}, {@code \}, {@code %} or NUL. The
   * filter decides on the path the container normalised; relax this only when the application, too,
   * routes on the normalised path ({@code getServletPath()}), never on {@code getRequestURI()}.
   *
   * @return this builder
   */
  public GatehouseFilterBuilder allowUnsafePaths() {
    this.allowUnsafePaths = true;
    return this;
  }

  /**
   * Sets how the subject is resolved; {@link SubjectResolver#standard()} by default.
   *
   * @param resolver the resolver
   * @return this builder
   */
  public GatehouseFilterBuilder subjectResolver(SubjectResolver resolver) {
    this.resolver = requireNonNull(resolver, "resolver");
    return this;
  }

  /**
   * Sets how the client address is found; {@link ClientIp#direct()} (no trusted proxy) by default.
   *
   * @param clientIp the client address resolver
   * @return this builder
   */
  public GatehouseFilterBuilder clientIp(ClientIp clientIp) {
    this.clientIp = requireNonNull(clientIp, "clientIp");
    return this;
  }

  /**
   * Sets how SSO context maps to factors; {@link AuthContextMapping#standard()} by default.
   *
   * @param mapping the mapping
   * @return this builder
   */
  public GatehouseFilterBuilder authContextMapping(AuthContextMapping mapping) {
    this.authContext = requireNonNull(mapping, "mapping");
    return this;
  }

  /**
   * Sets the {@code acr_values} entry that asks the identity provider for {@code factor}; by
   * default it is the factor's id, such as {@code webauthn}.
   *
   * @param factor the factor
   * @param acrValue the ACR value: printable ASCII without spaces, quotes or backslashes
   * @return this builder
   * @throws IllegalArgumentException if the value is empty or holds another character
   */
  public GatehouseFilterBuilder acrValue(Factor factor, String acrValue) {
    requireNonNull(factor, "factor");
    requireNonNull(acrValue, "acrValue");
    boolean valid =
        !acrValue.isEmpty()
            && acrValue.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '"' && c != '\\');
    if (!valid) {
      throw new IllegalArgumentException(
          "ACR value `"
              + acrValue
              + "` for "
              + factor
              + " is empty or holds a space, quote, backslash or non-ASCII character");
    }
    acrValues.put(factor, acrValue);
    return this;
  }

  /**
   * Sends browsers (GET or HEAD accepting {@code text/html}) that must step up to {@code url}, with
   * {@code acr_values}, {@code max_age} and {@code return_to} query parameters, instead of
   * answering 401.
   *
   * @param url a path on this server such as {@code /step-up}, or an absolute http(s) URL
   * @return this builder
   * @throws IllegalArgumentException if the URL is neither
   */
  public GatehouseFilterBuilder stepUpUrl(String url) {
    requireNonNull(url, "url");
    URI uri;
    try {
      uri = new URI(url);
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException("step-up URL `" + url + "` is malformed", e);
    }
    boolean local =
        uri.getScheme() == null
            && uri.getRawAuthority() == null
            && url.startsWith("/")
            && !url.startsWith("//");
    boolean absolute =
        ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
            && uri.getHost() != null;
    if (!local && !absolute || uri.getRawFragment() != null) {
      throw new IllegalArgumentException(
          "step-up URL `" + url + "` is neither a path on this server nor an http(s) URL");
    }
    this.stepUpUrl = url;
    return this;
  }

  /**
   * Sets the level of the one log line per decision; {@code DEBUG} by default, {@code OFF} for
   * none. The logger is {@code dev.gatehouse.servlet.GatehouseFilter}.
   *
   * @param level the level
   * @return this builder
   */
  public GatehouseFilterBuilder logLevel(System.Logger.Level level) {
    this.logLevel = requireNonNull(level, "level");
    return this;
  }

  /**
   * Sets the clock that gives {@code request.time}; the system UTC clock by default.
   *
   * @param clock the clock
   * @return this builder
   */
  public GatehouseFilterBuilder clock(Clock clock) {
    this.clock = requireNonNull(clock, "clock");
    return this;
  }

  /**
   * Adds a hook around each evaluation: every request is passed to {@link EvaluationHook#enrich}
   * before it is evaluated, and every request to the sign-in endpoint is passed with its decision
   * to {@link EvaluationHook#signInDecided}. Sign-in monitoring is wired this way: {@code
   * hook(EvaluationHook.of(monitor::enrich, monitor::record))} sets {@code risk.score}, {@code
   * risk.level} and {@code device.known} from the sign-in history, so that {@code authenticate}
   * policies act on it, and records every sign-in with its decision.
   *
   * @param hook the hook
   * @return this builder
   */
  public GatehouseFilterBuilder hook(EvaluationHook hook) {
    this.hook = requireNonNull(hook, "hook");
    return this;
  }

  /**
   * Returns a filter with the configuration so far.
   *
   * @return the filter
   * @throws IllegalStateException if no path is mapped and unmapped paths are not permitted, as
   *     every request would be refused
   */
  public GatehouseFilter build() {
    return new GatehouseFilter(settings());
  }

  FilterSettings settings() {
    AppMapping apps = new AppMapping(patterns);
    if (apps.isEmpty() && !permitUnmapped) {
      throw new IllegalStateException("no path is mapped to an app or to the sign-in");
    }
    return new FilterSettings(
        holder,
        apps,
        permitUnmapped,
        allowUnsafePaths,
        clientIp,
        new RequestFactory(resolver, authContext),
        new Responses(acrValues, stepUpUrl),
        new DecisionLog(LoggerFactory.getLogger(GatehouseFilter.class), logLevel),
        clock,
        hook);
  }

  private GatehouseFilterBuilder map(String pattern, AppMapping.Target target) {
    AppMapping.checkPattern(pattern);
    if (patterns.containsKey(pattern)) {
      throw new IllegalArgumentException("path pattern `" + pattern + "` is mapped twice");
    }
    patterns.put(pattern, target);
    return this;
  }
}

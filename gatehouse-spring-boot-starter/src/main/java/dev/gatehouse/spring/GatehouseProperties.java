package dev.gatehouse.spring;

import dev.gatehouse.api.Factor;
import dev.gatehouse.servlet.ClientIp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code gatehouse.*} configuration properties.
 *
 * <pre>{@code
 * gatehouse.policies=file:/etc/gatehouse/,classpath:policies/base.policy
 * gatehouse.routes[0].pattern=/mail/**
 * gatehouse.routes[0].app=mail
 * }</pre>
 */
@ConfigurationProperties("gatehouse")
public class GatehouseProperties {

  /**
   * Where the policies are: {@code .policy} files, directories of them, or {@code classpath:}
   * locations (patterns such as {@code classpath*:policies/*.policy} too). A location without a
   * prefix is a file-system path.
   */
  private List<String> policies = new ArrayList<>();

  /** Reloading the policies when their files change. */
  private final Reload reload = new Reload();

  /**
   * What each request path accesses, first match wins; a request no route matches is denied with
   * {@code unmapped_path}. Without any route, the first path segment names the app.
   */
  private List<Route> routes = new ArrayList<>();

  /** How Spring Security's {@code Authentication} becomes the subject of a request. */
  private final Subject subject = new Subject();

  /** Where the client address comes from. */
  private final ClientAddress clientAddress = new ClientAddress();

  /** How a CHALLENGE is answered. */
  private final Challenge challenge = new Challenge();

  /** The sign-in monitor. */
  private final Monitor monitor = new Monitor();

  /** The security filter chain the starter installs when the application defines none. */
  private final Security security = new Security();

  /** {@return the policy locations} */
  public List<String> getPolicies() {
    return policies;
  }

  /**
   * Sets the policy locations.
   *
   * @param policies the policy locations
   */
  public void setPolicies(List<String> policies) {
    this.policies = policies;
  }

  /** {@return the reload settings} */
  public Reload getReload() {
    return reload;
  }

  /** {@return the routes} */
  public List<Route> getRoutes() {
    return routes;
  }

  /**
   * Sets the routes.
   *
   * @param routes the routes
   */
  public void setRoutes(List<Route> routes) {
    this.routes = routes;
  }

  /** {@return the subject settings} */
  public Subject getSubject() {
    return subject;
  }

  /** {@return the client address settings} */
  public ClientAddress getClientAddress() {
    return clientAddress;
  }

  /** {@return the challenge settings} */
  public Challenge getChallenge() {
    return challenge;
  }

  /** {@return the monitor settings} */
  public Monitor getMonitor() {
    return monitor;
  }

  /** {@return the security filter chain settings} */
  public Security getSecurity() {
    return security;
  }

  /** Reloading the policies when their files change. */
  public static class Reload {

    /** Whether to watch the file-system policy locations and reload when they change. */
    private boolean enabled;

    /** How often the policy files are checked for changes. */
    private Duration interval = Duration.ofSeconds(2);

    /** {@return whether reloading is on} */
    public boolean isEnabled() {
      return enabled;
    }

    /**
     * Sets whether reloading is on.
     *
     * @param enabled whether reloading is on
     */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /** {@return the check interval} */
    public Duration getInterval() {
      return interval;
    }

    /**
     * Sets the check interval.
     *
     * @param interval the check interval
     */
    public void setInterval(Duration interval) {
      this.interval = interval;
    }
  }

  /** One route: requests whose path matches {@code pattern} access {@code app}. */
  public static class Route {

    /**
     * The path pattern, as Spring's {@code PathPattern} writes it: {@code /mail/**} or {@code
     * /admin/users/{department}/reset-mfa}; without the context path.
     */
    private String pattern = "";

    /** The HTTP methods matched, such as {@code POST}; empty matches every method. */
    private List<String> methods = new ArrayList<>();

    /**
     * The app accessed, or {@code {var}} for the path variable {@code var}; empty for the org
     * sign-in and for delegated actions.
     */
    private @Nullable String app;

    /**
     * The action: {@code access} to an app (the default), {@code signin}, or a delegated action
     * such as {@code user.reset_mfa}.
     */
    private String action = "access";

    /**
     * {@code target.*} attributes of a delegated action, by name without the prefix; a value {@code
     * {var}} takes the path variable {@code var}, any other value is taken as written.
     */
    private Map<String, String> target = new LinkedHashMap<>();

    /** {@return the pattern} */
    public String getPattern() {
      return pattern;
    }

    /**
     * Sets the pattern.
     *
     * @param pattern the pattern
     */
    public void setPattern(String pattern) {
      this.pattern = pattern;
    }

    /** {@return the methods} */
    public List<String> getMethods() {
      return methods;
    }

    /**
     * Sets the methods.
     *
     * @param methods the methods
     */
    public void setMethods(List<String> methods) {
      this.methods = methods;
    }

    /** {@return the app, or null} */
    public @Nullable String getApp() {
      return app;
    }

    /**
     * Sets the app.
     *
     * @param app the app, or null
     */
    public void setApp(@Nullable String app) {
      this.app = app;
    }

    /** {@return the action} */
    public String getAction() {
      return action;
    }

    /**
     * Sets the action.
     *
     * @param action the action
     */
    public void setAction(String action) {
      this.action = action;
    }

    /** {@return the target attributes} */
    public Map<String, String> getTarget() {
      return target;
    }

    /**
     * Sets the target attributes.
     *
     * @param target the target attributes
     */
    public void setTarget(Map<String, String> target) {
      this.target = target;
    }
  }

  /** How Spring Security's {@code Authentication} becomes the subject of a request. */
  public static class Subject {

    /**
     * Token claims (of a {@code Jwt}, an {@code OidcUser} or an introspected token) copied into
     * attributes, by attribute name; a missing claim leaves its attribute unset.
     */
    private Map<String, String> claims =
        new LinkedHashMap<>(
            Map.of(
                "user.department", "department",
                "user.roles", "roles",
                "user.groups", "groups",
                "user.country", "country"));

    /**
     * The prefix stripped from granted authorities that become {@code user.roles} for
     * authentications without claims, such as a form login.
     */
    private String rolePrefix = "ROLE_";

    /**
     * How far in the future an {@code auth_time} may lie, for clock drift; one further ahead is
     * refused with {@code auth_time_in_future}.
     */
    private Duration maxAuthTimeSkew = Duration.ofSeconds(60);

    /** Extra OIDC {@code amr} values and the factors each establishes, beyond RFC 8176. */
    private Map<String, List<Factor>> amr = new LinkedHashMap<>();

    /** OIDC {@code acr} values (or SAML class URIs) and the factors each establishes. */
    private Map<String, List<Factor>> acr = new LinkedHashMap<>();

    /** {@return the claim mappings} */
    public Map<String, String> getClaims() {
      return claims;
    }

    /**
     * Sets the claim mappings.
     *
     * @param claims the claim mappings
     */
    public void setClaims(Map<String, String> claims) {
      this.claims = claims;
    }

    /** {@return the role prefix} */
    public String getRolePrefix() {
      return rolePrefix;
    }

    /**
     * Sets the role prefix.
     *
     * @param rolePrefix the role prefix
     */
    public void setRolePrefix(String rolePrefix) {
      this.rolePrefix = rolePrefix;
    }

    /** {@return the allowed skew of {@code auth_time}} */
    public Duration getMaxAuthTimeSkew() {
      return maxAuthTimeSkew;
    }

    /**
     * Sets the allowed skew of {@code auth_time}.
     *
     * @param maxAuthTimeSkew the allowed skew
     */
    public void setMaxAuthTimeSkew(Duration maxAuthTimeSkew) {
      this.maxAuthTimeSkew = maxAuthTimeSkew;
    }

    /** {@return the extra {@code amr} mappings} */
    public Map<String, List<Factor>> getAmr() {
      return amr;
    }

    /**
     * Sets the extra {@code amr} mappings.
     *
     * @param amr the extra {@code amr} mappings
     */
    public void setAmr(Map<String, List<Factor>> amr) {
      this.amr = amr;
    }

    /** {@return the {@code acr} mappings} */
    public Map<String, List<Factor>> getAcr() {
      return acr;
    }

    /**
     * Sets the {@code acr} mappings.
     *
     * @param acr the {@code acr} mappings
     */
    public void setAcr(Map<String, List<Factor>> acr) {
      this.acr = acr;
    }
  }

  /** Where the client address comes from. */
  public static class ClientAddress {

    /**
     * Proxies trusted to write the forwarding header, as CIDR blocks. Empty (the default) takes the
     * address the servlet container reports, which Spring's own forwarded-header handling ({@code
     * server.forward-headers-strategy}) may already have rewritten.
     */
    private List<String> trustedProxies = new ArrayList<>();

    /** The header the trusted proxies write. */
    private ClientIp.Header header = ClientIp.Header.FORWARDED;

    /** {@return the trusted proxies} */
    public List<String> getTrustedProxies() {
      return trustedProxies;
    }

    /**
     * Sets the trusted proxies.
     *
     * @param trustedProxies the trusted proxies
     */
    public void setTrustedProxies(List<String> trustedProxies) {
      this.trustedProxies = trustedProxies;
    }

    /** {@return the header} */
    public ClientIp.Header getHeader() {
      return header;
    }

    /**
     * Sets the header.
     *
     * @param header the header
     */
    public void setHeader(ClientIp.Header header) {
      this.header = header;
    }
  }

  /** How a CHALLENGE is answered. */
  public static class Challenge {

    /** The ACR value asked for per factor; a factor without one is asked for by its name. */
    private Map<Factor, String> acrValues = new LinkedHashMap<>();

    /**
     * Where a browser signed in by form login is sent to step up; empty answers 401 instead. OIDC
     * logins are sent back to their provider's authorization endpoint.
     */
    private @Nullable String stepUpUrl;

    /** {@return the ACR values} */
    public Map<Factor, String> getAcrValues() {
      return acrValues;
    }

    /**
     * Sets the ACR values.
     *
     * @param acrValues the ACR values
     */
    public void setAcrValues(Map<Factor, String> acrValues) {
      this.acrValues = acrValues;
    }

    /** {@return the step-up URL, or null} */
    public @Nullable String getStepUpUrl() {
      return stepUpUrl;
    }

    /**
     * Sets the step-up URL.
     *
     * @param stepUpUrl the step-up URL, or null
     */
    public void setStepUpUrl(@Nullable String stepUpUrl) {
      this.stepUpUrl = stepUpUrl;
    }
  }

  /** The sign-in monitor. */
  public static class Monitor {

    /** Whether to create a {@code SignInMonitor} and record Spring Security's sign-in events. */
    private boolean enabled = true;

    /** Whether to add the monitor's {@code risk.*} and {@code device.known} to each request. */
    private boolean enrichRequests;

    /** The shared store in Redis, used when {@code policy-monitor-redis} is on the classpath. */
    private final Redis redis = new Redis();

    /** {@return the Redis store settings} */
    public Redis getRedis() {
      return redis;
    }

    /** {@return whether the monitor is on} */
    public boolean isEnabled() {
      return enabled;
    }

    /**
     * Sets whether the monitor is on.
     *
     * @param enabled whether the monitor is on
     */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /** {@return whether requests are enriched} */
    public boolean isEnrichRequests() {
      return enrichRequests;
    }

    /**
     * Sets whether requests are enriched.
     *
     * @param enrichRequests whether requests are enriched
     */
    public void setEnrichRequests(boolean enrichRequests) {
      this.enrichRequests = enrichRequests;
    }
  }

  /**
   * The sign-in history in Redis, shared by every node of the application ({@code RedisSignInStore}
   * of {@code policy-monitor-redis}).
   */
  public static class Redis {

    /**
     * The Redis server, such as {@code redis://127.0.0.1:6379} ({@code rediss://} for TLS, {@code
     * redis://:password@host}); with {@code cluster}, some of the cluster's nodes, separated by
     * commas. Setting it puts the monitor's history in Redis; without {@code policy-monitor-redis}
     * on the classpath the application does not start.
     */
    private @Nullable String uri;

    /** Whether {@code uri} names nodes of a Redis Cluster rather than one server. */
    private boolean cluster;

    /**
     * How long a lookup or a write waits for Redis; past it a lookup leaves the risk out and a
     * write is kept in the outbox.
     */
    private Duration budget = Duration.ofMillis(50);

    /**
     * What every key starts with, so that several deployments share one Redis; not empty, no
     * braces.
     */
    private String keyPrefix = "gh";

    /** How many events are held while Redis is away; more are dropped. */
    private int outbox = 10_000;

    /** About how many events the stream keeps for reports, the oldest trimmed first. */
    private long maxEvents = 1_000_000;

    /**
     * Returns the Redis URI.
     *
     * @return the URI, or the cluster's nodes separated by commas; {@code null} if unset
     */
    public @Nullable String getUri() {
      return uri;
    }

    /**
     * Sets the Redis URI.
     *
     * @param uri the URI, or the cluster's nodes separated by commas
     */
    public void setUri(@Nullable String uri) {
      this.uri = uri;
    }

    /** {@return whether the URI names cluster nodes} */
    public boolean isCluster() {
      return cluster;
    }

    /**
     * Sets whether the URI names cluster nodes.
     *
     * @param cluster whether the URI names cluster nodes
     */
    public void setCluster(boolean cluster) {
      this.cluster = cluster;
    }

    /**
     * Returns how long a lookup or a write waits.
     *
     * @return the budget
     */
    public Duration getBudget() {
      return budget;
    }

    /**
     * Sets how long a lookup or a write waits.
     *
     * @param budget the budget, positive
     */
    public void setBudget(Duration budget) {
      this.budget = budget;
    }

    /** {@return the key prefix} */
    public String getKeyPrefix() {
      return keyPrefix;
    }

    /**
     * Sets the key prefix.
     *
     * @param keyPrefix the key prefix
     */
    public void setKeyPrefix(String keyPrefix) {
      this.keyPrefix = keyPrefix;
    }

    /**
     * Returns the outbox capacity.
     *
     * @return the outbox capacity, in events
     */
    public int getOutbox() {
      return outbox;
    }

    /**
     * Sets the outbox capacity.
     *
     * @param outbox the outbox capacity, in events
     */
    public void setOutbox(int outbox) {
      this.outbox = outbox;
    }

    /**
     * Returns about how many events the stream keeps.
     *
     * @return the cap, in events
     */
    public long getMaxEvents() {
      return maxEvents;
    }

    /**
     * Sets about how many events the stream keeps.
     *
     * @param maxEvents the cap, in events
     */
    public void setMaxEvents(long maxEvents) {
      this.maxEvents = maxEvents;
    }
  }

  /** The security filter chain the starter installs when the application defines none. */
  public static class Security {

    /**
     * Whether to install a filter chain deciding every request with Gatehouse (form login, and a
     * JWT resource server or an OIDC login when those are configured) if the application defines no
     * {@code SecurityFilterChain} of its own.
     */
    private boolean filterChain = true;

    /** {@return whether the default chain is installed} */
    public boolean isFilterChain() {
      return filterChain;
    }

    /**
     * Sets whether the default chain is installed.
     *
     * @param filterChain whether the default chain is installed
     */
    public void setFilterChain(boolean filterChain) {
      this.filterChain = filterChain;
    }
  }
}

package dev.gatehouse.bench.peers;

import com.cedarpolicy.AuthorizationEngine;
import com.cedarpolicy.BasicAuthorizationEngine;
import com.cedarpolicy.model.AuthorizationRequest;
import com.cedarpolicy.model.AuthorizationResponse;
import com.cedarpolicy.model.entity.Entity;
import com.cedarpolicy.model.exception.AuthException;
import com.cedarpolicy.model.exception.CacheException;
import com.cedarpolicy.model.policy.Policy;
import com.cedarpolicy.value.CedarList;
import com.cedarpolicy.value.EntityTypeName;
import com.cedarpolicy.value.EntityUID;
import com.cedarpolicy.value.IpAddress;
import com.cedarpolicy.value.PrimString;
import com.cedarpolicy.value.Value;
import dev.gatehouse.api.IpNetwork;
import dev.gatehouse.api.policy.AssignPolicy;
import dev.gatehouse.api.policy.Grant;
import dev.gatehouse.api.policy.Network;
import dev.gatehouse.api.policy.PolicySet;
import dev.gatehouse.api.policy.RestrictPolicy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Cedar ({@code cedar-java}, its Rust authorizer through JNI) as a peer, on app assignment and
 * allowed networks (steps 1 and 2 of DESIGN §4) for {@code access} requests.
 *
 * <p>Each enforced {@code assign} grant becomes {@code permit(principal, action ==
 * Action::"access", resource == App::"app") when { ... }} over the principal's attributes; each
 * enforced {@code restrict} a {@code forbid} per covered app (unscoped for a tenant-wide one) with
 * {@code unless { context.ip.isInRange(ip("10.0.0.0/12")) || ... }}, Cedar's own {@code ipaddr}
 * extension. Cedar allows when some permit holds and no forbid does, which is exactly this
 * question. MFA, blocking and delegation are not expressed: Cedar answers allow or deny, with no
 * challenge.
 *
 * <p>The fastest form found: every policy set is parsed once on the Rust side ({@link
 * com.cedarpolicy.model.policy.PolicySet#cache()}), otherwise each call sends the whole set's text
 * across JNI to be parsed again; and, since Cedar's authorizer evaluates every policy of the set it
 * is given, the policies are split into one set per app (the app's own and the tenant-wide
 * restrictions), found by the request's app in a hash map, as CEL's and jCasbin's translations are.
 * A request is the principal entity with its attributes, the action, the app and a context holding
 * the client address.
 */
public final class CedarPeer implements Peer {

  private static final EntityTypeName USER = EntityTypeName.parse("User").orElseThrow();
  private static final EntityTypeName APP = EntityTypeName.parse("App").orElseThrow();
  private static final EntityUID ACCESS = EntityTypeName.parse("Action").orElseThrow().of("access");

  private final AuthorizationEngine engine = new BasicAuthorizationEngine();
  private final Map<String, com.cedarpolicy.model.policy.PolicySet> byApp = new HashMap<>();

  /** The user attributes the policies read, and where a host request holds them. */
  private final String[] keys;

  private final Function<HostRequest, Object>[] fields;

  /** A request and the entities it is decided with, as the engine takes them. */
  private record Prepared(
      com.cedarpolicy.model.policy.PolicySet policies,
      AuthorizationRequest request,
      Set<Entity> entities) {}

  /**
   * Translates the enforced assignments and restrictions of {@code set} into Cedar policies, one
   * set per app, each parsed once by Cedar.
   *
   * @param set the policies
   * @throws IllegalStateException if Cedar rejects a policy set
   */
  public CedarPeer(PolicySet set) {
    this(set, true, true);
  }

  /**
   * Translates {@code set} in one of the forms tried.
   *
   * @param set the policies
   * @param perApp one policy set per app, or one for all
   * @param cached whether Cedar parses each set once, or on every call
   */
  @SuppressWarnings("unchecked")
  CedarPeer(PolicySet set, boolean perApp, boolean cached) {
    Map<String, List<Policy>> own = new HashMap<>();
    List<Policy> global = new ArrayList<>();
    Set<String> read = new TreeSet<>();
    for (AssignPolicy a : set.policies(AssignPolicy.class)) {
      if (a.reportOnly()) {
        continue;
      }
      InfixRules.userAttributes(a.when(), read);
      int n = 0;
      for (Grant g : a.grants()) {
        own.computeIfAbsent(g.app(), k -> new ArrayList<>())
            .add(
                new Policy(
                    "permit(principal, action == Action::\"access\", resource == App::"
                        + RULES.quote(g.app())
                        + ") when { "
                        + RULES.write(a.when())
                        + " };",
                    a.id() + "-" + n++));
      }
    }
    for (RestrictPolicy r : set.policies(RestrictPolicy.class)) {
      if (r.reportOnly()) {
        continue;
      }
      InfixRules.userAttributes(r.when(), read);
      String condition = " when { " + RULES.write(r.when()) + " } unless { " + inRange(r) + " };";
      if (r.apps().isEmpty()) {
        global.add(new Policy("forbid(principal, action, resource)" + condition, r.id()));
      }
      for (String app : r.apps()) {
        own.computeIfAbsent(app, k -> new ArrayList<>())
            .add(
                new Policy(
                    "forbid(principal, action, resource == App::"
                        + RULES.quote(app)
                        + ")"
                        + condition,
                    r.id() + "-" + app));
      }
    }
    com.cedarpolicy.model.policy.PolicySet.setCacheMaxPolicySets(own.size() + 16);
    if (!perApp) {
      Set<Policy> all = new HashSet<>(global);
      own.values().forEach(all::addAll);
      com.cedarpolicy.model.policy.PolicySet one = policySet("every app", all, cached);
      own.keySet().forEach(app -> byApp.put(app, one));
    } else {
      own.forEach(
          (app, policies) -> {
            Set<Policy> all = new HashSet<>(policies);
            all.addAll(global);
            byApp.put(app, policySet(app, all, cached));
          });
    }
    keys = read.stream().map(a -> a.substring("user.".length())).toArray(String[]::new);
    fields = read.stream().map(HostRequest::field).toArray(Function[]::new);
  }

  private static com.cedarpolicy.model.policy.PolicySet policySet(
      String app, Set<Policy> policies, boolean cached) {
    com.cedarpolicy.model.policy.PolicySet policySet =
        new com.cedarpolicy.model.policy.PolicySet(policies);
    if (cached) {
      try {
        policySet.cache();
      } catch (CacheException e) {
        throw new IllegalStateException(
            "Cedar rejects the policies of `" + app + "`: " + e.getMessage(), e);
      }
    }
    return policySet;
  }

  private static String inRange(RestrictPolicy r) {
    List<String> tests = new ArrayList<>();
    for (Network n : r.allow()) {
      for (IpNetwork b : n.blocks()) {
        tests.add("context.ip.isInRange(ip(\"" + b + "\"))");
      }
    }
    return String.join(" || ", tests);
  }

  /** Conditions over {@code user.*} as Cedar expressions on the principal's attributes. */
  static final InfixRules RULES =
      new InfixRules(
          "Cedar",
          " && ",
          " || ",
          "principal.",
          s -> '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"',
          (field, value) -> field + ".contains(" + value + ")");

  @Override
  public String name() {
    return "cedar";
  }

  @Override
  public Question question() {
    return Question.ASSIGNED_AND_NETWORK;
  }

  /**
   * Returns the app's policy set (null when no policy names the app), and the request: the user as
   * a {@code User} entity whose attributes are Cedar strings and sets, the app as an {@code App}
   * entity reference, the client address as a Cedar {@code ipaddr} in the context.
   */
  @Override
  public Object prepare(HostRequest request) {
    Map<String, Value> attributes = new HashMap<>();
    for (int i = 0; i < keys.length; i++) {
      Object v = fields[i].apply(request);
      if (v instanceof String s) {
        attributes.put(keys[i], new PrimString(s));
      } else if (v instanceof List<?> list) {
        List<Value> values = new ArrayList<>(list.size());
        list.forEach(e -> values.add(new PrimString((String) e)));
        attributes.put(keys[i], new CedarList(values));
      }
    }
    EntityUID user = USER.of(request.userId());
    Map<String, Value> context = new HashMap<>();
    if (request.ip() != null) {
      context.put("ip", new IpAddress(request.ip()));
    }
    com.cedarpolicy.model.policy.PolicySet policies =
        request.app() == null ? null : byApp.get(request.app());
    return new Prepared(
        policies,
        new AuthorizationRequest(
            user, ACCESS, APP.of(request.app() == null ? "" : request.app()), context),
        Set.of(new Entity(user, attributes, Set.of())));
  }

  @Override
  public Object decide(Object prepared) {
    Prepared p = (Prepared) prepared;
    if (p.policies() == null) {
      return Boolean.FALSE;
    }
    try {
      return engine.isAuthorized(p.request(), p.policies(), p.entities());
    } catch (AuthException e) {
      throw new IllegalStateException("Cedar fails on " + p.request() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Object answer(Object decided) {
    if (decided instanceof Boolean b) {
      return b;
    }
    AuthorizationResponse r = (AuthorizationResponse) decided;
    return r.type == AuthorizationResponse.SuccessOrFailure.Success
        && r.success.orElseThrow().isAllowed();
  }
}

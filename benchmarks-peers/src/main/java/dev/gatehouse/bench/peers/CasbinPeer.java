package dev.gatehouse.bench.peers;

import com.googlecode.aviator.runtime.function.FunctionUtils;
import com.googlecode.aviator.runtime.type.AviatorBoolean;
import com.googlecode.aviator.runtime.type.AviatorObject;
import dev.gatehouse.api.IpNetwork;
import dev.gatehouse.api.policy.AssignPolicy;
import dev.gatehouse.api.policy.Grant;
import dev.gatehouse.api.policy.Network;
import dev.gatehouse.api.policy.PolicySet;
import dev.gatehouse.api.policy.RestrictPolicy;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.casbin.jcasbin.main.Enforcer;
import org.casbin.jcasbin.model.Model;
import org.casbin.jcasbin.util.function.CustomFunction;

/**
 * jCasbin as a peer, on the part of the workload its ABAC model expresses: app assignment and
 * allowed networks (steps 1 and 2 of DESIGN §4) for {@code access} requests.
 *
 * <p>Each enforced {@code assign} grant becomes an {@code allow} policy line and each enforced
 * {@code restrict} a {@code deny} line per covered app, whose user condition is an Aviator
 * expression run by the matcher's {@code eval(p.rule)} and whose allowed CIDR blocks are tested
 * with {@code ipInNet}: jCasbin's built-in {@code ipMatch} validates the client address as IPv4
 * only (and prints a stack trace for an IPv6 one), so the model registers {@code ipInNet}, the same
 * test on the same IPAddress library for both families, on the client address parsed once per
 * request and blocks parsed once. The effect {@code some(where (p.eft == allow)) && !some(where
 * (p.eft == deny))} grants when some assignment matches and no restriction is broken.
 *
 * <p>jCasbin evaluates every policy line of its enforcer on each request, so the lines are split
 * into one enforcer per app (each holding that app's lines and the tenant-wide restrictions), found
 * by the request's app in a hash map, as a host would: CEL's translation is grouped the same way.
 * MFA, blocking and delegation are not expressed: jCasbin answers allow or deny, with no challenge
 * and no time arithmetic in its effects.
 */
public final class CasbinPeer implements Peer {

  /** The most CIDR blocks a restriction allows in the workload: two corporate, three per site. */
  static final int BLOCKS = 5;

  private static final String MODEL =
      String.join(
          "\n",
          "[request_definition]",
          "r = sub, ip",
          "[policy_definition]",
          "p = rule, app, eft, n1, n2, n3, n4, n5",
          "[policy_effect]",
          "e = some(where (p.eft == allow)) && !some(where (p.eft == deny))",
          "[matchers]",
          "m = eval(p.rule) && (p.eft == \"allow\""
              + " || !(ipInNet(r.ip, p.n1) || ipInNet(r.ip, p.n2) || ipInNet(r.ip, p.n3)"
              + " || ipInNet(r.ip, p.n4) || ipInNet(r.ip, p.n5)))");

  /** The model of one enforcer for every line: the matcher tests the app as well. */
  private static final String ONE_MODEL =
      MODEL
          .replace("r = sub, ip", "r = sub, app, ip")
          .replace("m = eval(p.rule)", "m = (p.app == r.app || p.app == \"*\") && eval(p.rule)");

  private final Map<String, Enforcer> byApp = new HashMap<>();
  private final boolean perApp;

  /** The user attributes the rules read, and where a host request holds them. */
  private final String[] keys;

  private final Function<HostRequest, Object>[] fields;

  /**
   * Translates the enforced assignments and restrictions of {@code set}.
   *
   * @param set the policies
   * @throws IllegalArgumentException if a restriction allows more than {@value #BLOCKS} blocks
   */
  public CasbinPeer(PolicySet set) {
    this(set, true);
  }

  /**
   * Translates {@code set} in one of the forms tried.
   *
   * @param set the policies
   * @param perApp one enforcer per app, or one enforcer holding every line (its matcher then tests
   *     the app too)
   */
  @SuppressWarnings("unchecked")
  CasbinPeer(PolicySet set, boolean perApp) {
    Map<String, List<List<String>>> lines = new HashMap<>();
    List<List<String>> global = new ArrayList<>();
    Set<String> read = new TreeSet<>();
    for (AssignPolicy a : set.policies(AssignPolicy.class)) {
      if (!a.reportOnly()) {
        InfixRules.userAttributes(a.when(), read);
        for (Grant g : a.grants()) {
          lines
              .computeIfAbsent(g.app(), k -> new ArrayList<>())
              .add(List.of(RULES.write(a.when()), g.app(), "allow", "", "", "", "", ""));
        }
      }
    }
    for (RestrictPolicy r : set.policies(RestrictPolicy.class)) {
      if (!r.reportOnly()) {
        InfixRules.userAttributes(r.when(), read);
        List<String> blocks = blocks(r);
        for (String app : r.apps().isEmpty() ? List.of("*") : r.apps()) {
          List<String> line = new ArrayList<>(List.of(RULES.write(r.when()), app, "deny"));
          line.addAll(blocks);
          (app.equals("*") ? global : lines.computeIfAbsent(app, k -> new ArrayList<>())).add(line);
        }
      }
    }
    IpInNet ipInNet = new IpInNet();
    this.perApp = perApp;
    if (!perApp) {
      List<List<String>> all = new ArrayList<>(global);
      lines.values().forEach(all::addAll);
      Enforcer one = enforcer(ONE_MODEL, ipInNet, all);
      lines.keySet().forEach(app -> byApp.put(app, one));
    } else {
      lines.forEach(
          (app, own) -> {
            List<List<String>> all = new ArrayList<>(own);
            all.addAll(global);
            byApp.put(app, enforcer(MODEL, ipInNet, all));
          });
    }
    keys = read.stream().map(a -> a.substring("user.".length())).toArray(String[]::new);
    fields = read.stream().map(HostRequest::field).toArray(Function[]::new);
  }

  private static Enforcer enforcer(String text, IpInNet ipInNet, List<List<String>> lines) {
    Model model = new Model();
    model.loadModelFromText(text);
    Enforcer enforcer = new Enforcer(model);
    enforcer.addFunction("ipInNet", ipInNet);
    enforcer.addPolicies(lines);
    return enforcer;
  }

  private static List<String> blocks(RestrictPolicy r) {
    List<String> blocks = new ArrayList<>();
    for (Network n : r.allow()) {
      for (IpNetwork b : n.blocks()) {
        blocks.add(b.toString());
      }
    }
    if (blocks.size() > BLOCKS) {
      throw new IllegalArgumentException(
          "restrict `"
              + r.id()
              + "` allows "
              + blocks.size()
              + " blocks; the model has columns for "
              + BLOCKS);
    }
    while (blocks.size() < BLOCKS) {
      blocks.add(blocks.get(blocks.size() - 1));
    }
    return blocks;
  }

  /** Conditions over {@code user.*} as Aviator expressions on {@code r.sub}. */
  static final InfixRules RULES =
      new InfixRules(
          "jCasbin",
          " && ",
          " || ",
          "r.sub.",
          s -> "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'",
          (field, value) -> "include(" + field + ", " + value + ")");

  /** {@code ipInNet(ip, cidr)}: whether the address lies in the block, IPv4 or IPv6. */
  private static final class IpInNet extends CustomFunction {

    private static final long serialVersionUID = 1L;

    @Override
    public String getName() {
      return "ipInNet";
    }

    /** The policy lines' blocks, parsed once. */
    private final Map<String, IPAddress> blocks = new ConcurrentHashMap<>();

    @Override
    public AviatorObject call(Map<String, Object> env, AviatorObject ip, AviatorObject cidr) {
      IPAddress address = (IPAddress) ip.getValue(env);
      IPAddress block =
          blocks.computeIfAbsent(
              FunctionUtils.getStringValue(cidr, env),
              c -> new IPAddressString(c).getAddress().toPrefixBlock());
      return AviatorBoolean.valueOf(address != null && block.contains(address));
    }
  }

  @Override
  public String name() {
    return "jcasbin";
  }

  @Override
  public Question question() {
    return Question.ASSIGNED_AND_NETWORK;
  }

  /**
   * Returns the enforcer of the request's app (null when no policy names it), the user's attributes
   * in a map, and the client address parsed.
   */
  @Override
  public Object prepare(HostRequest request) {
    Map<String, Object> subject = new HashMap<>();
    for (int i = 0; i < keys.length; i++) {
      Object v = fields[i].apply(request);
      if (v != null) {
        subject.put(keys[i], v);
      }
    }
    IPAddress address =
        request.ip() == null ? null : new IPAddressString(request.ip()).getAddress();
    Enforcer enforcer = byApp.get(request.app());
    return perApp
        ? new Object[] {enforcer, subject, address}
        : new Object[] {enforcer, subject, request.app(), address};
  }

  @Override
  public Object decide(Object prepared) {
    Object[] p = (Object[]) prepared;
    Enforcer enforcer = (Enforcer) p[0];
    return enforcer != null
        && (p.length == 3 ? enforcer.enforce(p[1], p[2]) : enforcer.enforce(p[1], p[2], p[3]));
  }

  @Override
  public Object answer(Object decided) {
    return decided;
  }
}

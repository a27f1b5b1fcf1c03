package dev.gatehouse.bench.peers;

import com.googlecode.aviator.runtime.function.FunctionUtils;
import com.googlecode.aviator.runtime.type.AviatorBoolean;
import com.googlecode.aviator.runtime.type.AviatorObject;
import dev.gatehouse.api.AccessRequest;
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
import org.casbin.jcasbin.main.Enforcer;
import org.casbin.jcasbin.model.Model;
import org.casbin.jcasbin.util.function.CustomFunction;

/**
 * jCasbin as a peer, on the part of the workload its ABAC model expresses: app assignment and
 * allowed networks (steps 1 and 2 of DESIGN §4) for {@code access} requests.
 *
 * <p>Each enforced {@code assign} grant becomes an {@code allow} policy line and each enforced
 * {@code restrict} a {@code deny} line per covered app ({@code *} for all), whose user condition is
 * an Aviator expression run by the matcher's {@code eval(p.rule)} and whose allowed CIDR blocks are
 * tested with {@code ipInNet}: jCasbin's built-in {@code ipMatch} validates the client address as
 * IPv4 only (and prints a stack trace for an IPv6 one), so the model registers {@code ipInNet}, the
 * same test on the same IPAddress library for both families. The effect {@code some(where (p.eft ==
 * allow)) && !some(where (p.eft == deny))} grants when some assignment matches and no restriction
 * is broken. MFA, blocking and delegation are not expressed: jCasbin answers allow or deny, with no
 * challenge and no time arithmetic in its effects.
 */
public final class CasbinPeer implements Peer {

  /** The most CIDR blocks a restriction allows in the workload: two corporate, three per site. */
  static final int BLOCKS = 5;

  private static final String MODEL =
      String.join(
          "\n",
          "[request_definition]",
          "r = sub, app, ip",
          "[policy_definition]",
          "p = rule, app, eft, n1, n2, n3, n4, n5",
          "[policy_effect]",
          "e = some(where (p.eft == allow)) && !some(where (p.eft == deny))",
          "[matchers]",
          "m = (p.app == r.app || p.app == \"*\") && eval(p.rule) && (p.eft == \"allow\""
              + " || !(ipInNet(r.ip, p.n1) || ipInNet(r.ip, p.n2) || ipInNet(r.ip, p.n3)"
              + " || ipInNet(r.ip, p.n4) || ipInNet(r.ip, p.n5)))");

  private final Enforcer enforcer;

  /**
   * Translates the enforced assignments and restrictions of {@code set}.
   *
   * @param set the policies
   * @throws IllegalArgumentException if a restriction allows more than {@value #BLOCKS} blocks
   */
  public CasbinPeer(PolicySet set) {
    Model model = new Model();
    model.loadModelFromText(MODEL);
    enforcer = new Enforcer(model);
    enforcer.addFunction("ipInNet", new IpInNet());
    List<List<String>> lines = new ArrayList<>();
    for (AssignPolicy a : set.policies(AssignPolicy.class)) {
      if (!a.reportOnly()) {
        for (Grant g : a.grants()) {
          lines.add(List.of(RULES.write(a.when()), g.app(), "allow", "", "", "", "", ""));
        }
      }
    }
    for (RestrictPolicy r : set.policies(RestrictPolicy.class)) {
      if (!r.reportOnly()) {
        List<String> blocks = blocks(r);
        for (String app : r.apps().isEmpty() ? List.of("*") : r.apps()) {
          List<String> line = new ArrayList<>(List.of(RULES.write(r.when()), app, "deny"));
          line.addAll(blocks);
          lines.add(line);
        }
      }
    }
    enforcer.addPolicies(lines);
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

    @Override
    public AviatorObject call(Map<String, Object> env, AviatorObject ip, AviatorObject cidr) {
      IPAddress address = new IPAddressString(FunctionUtils.getStringValue(ip, env)).getAddress();
      IPAddress block = new IPAddressString(FunctionUtils.getStringValue(cidr, env)).getAddress();
      return AviatorBoolean.valueOf(
          address != null && block != null && block.toPrefixBlock().contains(address));
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

  @Override
  public Object prepare(AccessRequest request) {
    Map<String, Object> subject = new HashMap<>();
    for (String name : request.schema().names()) {
      if (name.startsWith("user.")) {
        request.value(name).ifPresent(v -> subject.put(name.substring("user.".length()), v));
      }
    }
    String app = (String) request.value("app").orElse("");
    int ip = request.schema().slot("request.ip");
    String address = request.has(ip) ? request.ip(ip).toString() : "";
    return new Object[] {subject, app, address};
  }

  @Override
  public Object decide(Object prepared) {
    return enforcer.enforce((Object[]) prepared);
  }

  @Override
  public Object answer(Object decided) {
    return decided;
  }
}

package dev.gatehouse.bench.peers;

import com.google.common.primitives.UnsignedLong;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelBuilder;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.AttributeType;
import dev.gatehouse.api.Effect;
import dev.gatehouse.api.Factor;
import dev.gatehouse.api.IpAddress;
import dev.gatehouse.api.Schema;
import dev.gatehouse.api.policy.AssignPolicy;
import dev.gatehouse.api.policy.AuthenticatePolicy;
import dev.gatehouse.api.policy.DelegatePolicy;
import dev.gatehouse.api.policy.Grant;
import dev.gatehouse.api.policy.Policy;
import dev.gatehouse.api.policy.PolicySet;
import dev.gatehouse.api.policy.RestrictPolicy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Google's CEL for Java as a peer: each policy's conditions (and each restriction's allowed
 * networks) are compiled once into a CEL program; per request the programs of the policies relevant
 * to the app are evaluated against an activation map and combined in Java by the rules of DESIGN
 * §4. Policies are grouped by app in hash maps, as a host would, so CEL evaluates only what
 * concerns the request. Answers the effect.
 */
public final class CelPeer implements Peer {

  /** Three-valued truth of a condition: CEL raises an error where Gatehouse has unknown. */
  private enum Tri {
    TRUE,
    FALSE,
    UNKNOWN
  }

  private record Rule(Policy policy, CelRuntime.Program when, CelRuntime.Program extra) {}

  /** A request as CEL sees it, with the request kept for the attributes Java combines on. */
  private record Prepared(AccessRequest request, Map<String, Object> activation) {}

  private final Schema schema;
  private final Map<String, List<Rule>> assignsByApp = new HashMap<>();
  private final Map<String, List<Rule>> checksByApp = new HashMap<>();
  private final List<Rule> globalChecks = new ArrayList<>();
  private final List<Rule> delegates = new ArrayList<>();
  private final Map<String, AttributeType> reads;
  private final int action;
  private final int app;
  private final int methods;
  private final int time;
  private final int authTime;

  /**
   * Translates and compiles every enforced policy of {@code set}; report-only policies never change
   * the effect and are left out.
   *
   * @param set the policies
   * @throws IllegalStateException if CEL rejects a translated expression
   */
  public CelPeer(PolicySet set) {
    this.schema = set.schema();
    CelTranslation t = new CelTranslation(schema);
    List<Policy> enforced = set.policies().stream().filter(p -> !p.reportOnly()).toList();
    List<String[]> sources = new ArrayList<>();
    for (Policy p : enforced) {
      sources.add(translate(t, p));
    }
    this.reads = Map.copyOf(t.reads());
    Cel cel = environment(reads);
    for (int i = 0; i < enforced.size(); i++) {
      Policy p = enforced.get(i);
      String[] src = sources.get(i);
      Rule rule = new Rule(p, program(cel, src[0]), src[1] == null ? null : program(cel, src[1]));
      file(rule);
    }
    this.action = schema.slot("request.action");
    this.app = schema.slot("app");
    this.methods = schema.slot("auth.methods");
    this.time = schema.slot("request.time");
    this.authTime = schema.slot("auth.time");
  }

  private static String[] translate(CelTranslation t, Policy p) {
    if (p instanceof AssignPolicy a) {
      return new String[] {t.condition(a.when()), null};
    } else if (p instanceof RestrictPolicy r) {
      return new String[] {t.condition(r.when()), t.networks("request.ip", r.allow())};
    } else if (p instanceof AuthenticatePolicy a) {
      return new String[] {t.condition(a.when()), null};
    }
    DelegatePolicy d = (DelegatePolicy) p;
    return new String[] {t.condition(d.to()), t.condition(d.on())};
  }

  private void file(Rule rule) {
    Policy p = rule.policy();
    if (p instanceof AssignPolicy a) {
      for (Grant g : a.grants()) {
        assignsByApp.computeIfAbsent(g.app(), k -> new ArrayList<>()).add(rule);
      }
      return;
    }
    List<String> apps =
        p instanceof RestrictPolicy r
            ? r.apps()
            : p instanceof AuthenticatePolicy a ? a.apps() : null;
    if (apps == null) {
      delegates.add(rule);
    } else if (apps.isEmpty()) {
      globalChecks.add(rule);
    } else {
      apps.forEach(a -> checksByApp.computeIfAbsent(a, k -> new ArrayList<>()).add(rule));
    }
  }

  private static Cel environment(Map<String, AttributeType> reads) {
    CelBuilder b = CelFactory.standardCelBuilder();
    reads.forEach(
        (name, type) -> {
          String v = CelTranslation.variable(name);
          switch (type.kind()) {
            case STRING -> b.addVar(v, SimpleType.STRING);
            case BOOL -> b.addVar(v, SimpleType.BOOL);
            case SET -> b.addVar(v, ListType.create(SimpleType.STRING));
            case IP -> b.addVar(v + "_hi", SimpleType.UINT).addVar(v + "_lo", SimpleType.UINT);
            default -> b.addVar(v, SimpleType.INT);
          }
        });
    return b.build();
  }

  private static CelRuntime.Program program(Cel cel, String expression) {
    try {
      return cel.createProgram(cel.compile(expression).getAst());
    } catch (CelValidationException | CelEvaluationException e) {
      throw new IllegalStateException("CEL rejects `" + expression + "`: " + e.getMessage(), e);
    }
  }

  @Override
  public String name() {
    return "cel";
  }

  @Override
  public Question question() {
    return Question.EFFECT;
  }

  @Override
  public Object prepare(AccessRequest request) {
    Map<String, Object> activation = new HashMap<>();
    reads.forEach(
        (name, type) -> {
          int slot = schema.slot(name);
          if (!request.has(slot)) {
            return;
          }
          String v = CelTranslation.variable(name);
          switch (type.kind()) {
            case STRING -> activation.put(v, request.string(slot));
            case BOOL -> activation.put(v, request.value(name).orElseThrow());
            case SET -> activation.put(v, List.copyOf(request.set(slot)));
            case IP -> {
              IpAddress ip = request.ip(slot);
              activation.put(v + "_hi", UnsignedLong.fromLongBits(ip.hi()));
              activation.put(v + "_lo", UnsignedLong.fromLongBits(ip.lo()));
            }
            default -> activation.put(v, request.number(slot));
          }
        });
    return new Prepared(request, activation);
  }

  @Override
  public Object decide(Object prepared) {
    Prepared p = (Prepared) prepared;
    AccessRequest r = p.request();
    String act = r.has(action) ? r.string(action) : null;
    if (act == null) {
      return Effect.DENY;
    }
    String target = null;
    if (act.equals("access")) {
      if (!r.has(app)) {
        return Effect.DENY;
      }
      target = r.string(app);
      if (!anyHolds(assignsByApp.getOrDefault(target, List.of()), p.activation(), null)) {
        return Effect.DENY;
      }
    } else if (!act.equals("signin") && !anyHolds(delegates, p.activation(), act)) {
      return Effect.DENY;
    }
    boolean challenge = false;
    for (List<Rule> rules :
        List.of(
            globalChecks,
            target == null ? List.<Rule>of() : checksByApp.getOrDefault(target, List.of()))) {
      for (Rule rule : rules) {
        if (eval(rule.when(), p.activation()) == Tri.FALSE) {
          continue;
        }
        if (rule.policy() instanceof RestrictPolicy) {
          if (eval(rule.extra(), p.activation()) != Tri.TRUE) {
            return Effect.DENY;
          }
        } else {
          AuthenticatePolicy a = (AuthenticatePolicy) rule.policy();
          if (a.block()) {
            return Effect.DENY;
          }
          challenge |= !satisfied(a, r);
        }
      }
    }
    return challenge ? Effect.CHALLENGE : Effect.PERMIT;
  }

  private boolean anyHolds(List<Rule> rules, Map<String, Object> activation, String adminAction) {
    for (Rule rule : rules) {
      if (adminAction != null && !((DelegatePolicy) rule.policy()).allows(adminAction)) {
        continue;
      }
      if (eval(rule.when(), activation) == Tri.TRUE
          && (rule.extra() == null || eval(rule.extra(), activation) == Tri.TRUE)) {
        return true;
      }
    }
    return false;
  }

  private boolean satisfied(AuthenticatePolicy a, AccessRequest r) {
    boolean hasMethods = r.has(methods);
    if (a.requireSso() && !(hasMethods && r.set(methods).contains(Factor.SSO.id()))) {
      return false;
    }
    if (a.mfa().isEmpty()) {
      return true;
    }
    if (!hasMethods || !r.has(time) || !r.has(authTime)) {
      return false;
    }
    boolean factor = false;
    for (Factor f : a.mfa()) {
      factor |= r.set(methods).contains(f.id());
    }
    return factor && r.number(time) - r.number(authTime) <= a.within().toMillis();
  }

  private static Tri eval(CelRuntime.Program program, Map<String, Object> activation) {
    try {
      return (Boolean) program.eval(activation) ? Tri.TRUE : Tri.FALSE;
    } catch (CelEvaluationException e) {
      return Tri.UNKNOWN;
    }
  }

  @Override
  public Object answer(Object decided) {
    return decided;
  }
}

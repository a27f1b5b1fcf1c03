package dev.gatehouse.bench.peers;

import com.google.common.net.InetAddresses;
import com.google.common.primitives.Ints;
import com.google.common.primitives.Longs;
import com.google.common.primitives.UnsignedLong;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelBuilder;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.gatehouse.api.AttributeType;
import dev.gatehouse.api.Effect;
import dev.gatehouse.api.Factor;
import dev.gatehouse.api.Schema;
import dev.gatehouse.api.policy.AssignPolicy;
import dev.gatehouse.api.policy.AuthenticatePolicy;
import dev.gatehouse.api.policy.DelegatePolicy;
import dev.gatehouse.api.policy.Grant;
import dev.gatehouse.api.policy.Policy;
import dev.gatehouse.api.policy.PolicySet;
import dev.gatehouse.api.policy.RestrictPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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

  /**
   * A request as CEL sees it (the activation), with the attributes the Java side combines on: the
   * action, the app, the authentication methods and times (null when absent).
   */
  private record Prepared(
      String action,
      String app,
      List<String> methods,
      Instant time,
      Instant authTime,
      Map<String, Object> activation) {}

  /** How one variable of the activation is read from a host request, resolved once. */
  private record Binding(
      String variable, AttributeType type, Function<HostRequest, Object> field) {}

  private final Schema schema;
  private final Map<String, List<Rule>> assignsByApp = new HashMap<>();
  private final Map<String, List<Rule>> checksByApp = new HashMap<>();
  private final List<Rule> globalChecks = new ArrayList<>();
  private final List<Rule> delegates = new ArrayList<>();
  private final Binding[] bindings;

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
    Map<String, AttributeType> reads = Map.copyOf(t.reads());
    List<Binding> bound = new ArrayList<>();
    reads.forEach(
        (name, type) -> {
          // Attributes no host request carries (target.* of admin actions) stay unbound.
          if (HostRequest.hasField(name)) {
            bound.add(new Binding(CelTranslation.variable(name), type, HostRequest.field(name)));
          }
        });
    this.bindings = bound.toArray(new Binding[0]);
    Cel cel = environment(reads);
    for (int i = 0; i < enforced.size(); i++) {
      Policy p = enforced.get(i);
      String[] src = sources.get(i);
      Rule rule = new Rule(p, program(cel, src[0]), src[1] == null ? null : program(cel, src[1]));
      file(rule);
    }
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

  /**
   * Builds the activation from the host's values: strings and lists as they are, an ordered symbol
   * as its ordinal, an instant as epoch milliseconds, the address text parsed (by Guava, CEL's own
   * dependency) into the two halves the translation compares.
   */
  @Override
  public Object prepare(HostRequest request) {
    Map<String, Object> activation = new HashMap<>();
    for (Binding b : bindings) {
      Object value = b.field().apply(request);
      if (value == null) {
        continue;
      }
      switch (b.type().kind()) {
        case ORDERED -> activation.put(b.variable(), (long) b.type().ordinal((String) value));
        case TIME -> activation.put(b.variable(), ((Instant) value).toEpochMilli());
        case IP -> {
          byte[] bytes = InetAddresses.forString((String) value).getAddress();
          long hi = 0;
          long lo;
          if (bytes.length == 4) {
            lo = 0x0000_ffff_0000_0000L | (Ints.fromByteArray(bytes) & 0xffff_ffffL);
          } else {
            hi = Longs.fromByteArray(bytes);
            lo =
                Longs.fromBytes(
                    bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14],
                    bytes[15]);
          }
          activation.put(b.variable() + "_hi", UnsignedLong.fromLongBits(hi));
          activation.put(b.variable() + "_lo", UnsignedLong.fromLongBits(lo));
        }
        default -> activation.put(b.variable(), value);
      }
    }
    return new Prepared(
        request.action(),
        request.app(),
        request.authMethods(),
        request.time(),
        request.authTime(),
        activation);
  }

  @Override
  public Object decide(Object prepared) {
    Prepared p = (Prepared) prepared;
    String act = p.action();
    if (act == null) {
      return Effect.DENY;
    }
    String target = null;
    if (act.equals("access")) {
      if (p.app() == null) {
        return Effect.DENY;
      }
      target = p.app();
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
          challenge |= !satisfied(a, p);
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

  private static boolean satisfied(AuthenticatePolicy a, Prepared p) {
    List<String> methods = p.methods();
    if (a.requireSso() && !(methods != null && methods.contains(Factor.SSO.id()))) {
      return false;
    }
    if (a.mfa().isEmpty()) {
      return true;
    }
    if (methods == null || p.time() == null || p.authTime() == null) {
      return false;
    }
    boolean factor = false;
    for (Factor f : a.mfa()) {
      factor |= methods.contains(f.id());
    }
    return factor && p.time().toEpochMilli() - p.authTime().toEpochMilli() <= a.within().toMillis();
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

package dev.gatehouse.bench.peers;

import dev.gatehouse.api.AttributeType;
import dev.gatehouse.api.Effect;
import dev.gatehouse.api.Factor;
import dev.gatehouse.api.IpAddress;
import dev.gatehouse.api.IpNetwork;
import dev.gatehouse.api.Schema;
import dev.gatehouse.api.policy.AssignPolicy;
import dev.gatehouse.api.policy.AuthenticatePolicy;
import dev.gatehouse.api.policy.Condition;
import dev.gatehouse.api.policy.DelegatePolicy;
import dev.gatehouse.api.policy.Grant;
import dev.gatehouse.api.policy.Literal;
import dev.gatehouse.api.policy.Network;
import dev.gatehouse.api.policy.Operator;
import dev.gatehouse.api.policy.Policy;
import dev.gatehouse.api.policy.PolicySet;
import dev.gatehouse.api.policy.RestrictPolicy;
import dev.gatehouse.engine.PolicyEngine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * The baseline a host writes by hand, without any engine: one flat array holding every enforced
 * policy as a rule, in the set's order, and on every request one loop over them, which stops at the
 * first rule that denies (else it looks at all of them). Each rule first checks with {@link
 * String#equals} whether it concerns the request's app, then evaluates its condition, compiled once
 * into a tree of Java closures that read the {@link HostRequest}'s fields through their typed
 * accessors. There is no index, no grouping by app and no map on the request path; the client
 * address is parsed once per request and the risk level turned into its ordinal once, and a
 * decision allocates nothing. Effects are combined by the rules of DESIGN §4, as {@link CelPeer}
 * combines them. Answers the effect.
 *
 * <p>Left out: time windows ({@code during}), comparisons of times and durations, and ordered
 * attributes other than {@code risk.level}, none of which the workload writes; a condition using
 * one is refused when the peer is built, so nothing silently disagrees. An attribute no host
 * request carries ({@code target.*}, which only admin actions read) is missing, hence unknown.
 */
public final class PlainScanPeer implements Peer {

  // Kleene truth values ordered so that `and` is the minimum, `or` the maximum, `not` 2 - t.
  static final int FALSE = 0;
  static final int UNKNOWN = 1;
  static final int TRUE = 2;

  /** A compiled condition: its three-valued truth for a prepared request. */
  @FunctionalInterface
  interface Test {
    int test(Prepared p);
  }

  /** A request as the loop reads it: the host's values, the address parsed, the risk ordinal. */
  static final class Prepared {
    final HostRequest h;
    final IpAddress ip;
    final int riskLevel;

    Prepared(HostRequest h, IpAddress ip, int riskLevel) {
      this.h = h;
      this.ip = ip;
      this.riskLevel = riskLevel;
    }
  }

  private interface StringField {
    String get(HostRequest h);
  }

  private interface ListField {
    List<String> get(HostRequest h);
  }

  private interface BoolField {
    boolean get(HostRequest h);
  }

  private static final int ASSIGN = 0;
  private static final int RESTRICT = 1;
  private static final int AUTHENTICATE = 2;
  private static final int DELEGATE = 3;

  private static final String[] NONE = new String[0];
  private static final String SSO = Factor.SSO.id();

  /** One policy as the loop sees it; the fields a kind does not use stay at their defaults. */
  private static final class Rule {
    final int kind;
    final Test when;

    /** The apps granted ({@code assign}) or covered (empty: every request). */
    String[] apps = NONE;

    IpNetwork[] allow;

    boolean block;
    boolean requireSso;
    String[] mfa = NONE;
    long withinMillis;

    Test on;
    boolean anyAction;
    String[] actions = NONE;
    String[] actionPrefixes = NONE;

    Rule(int kind, Test when) {
      this.kind = kind;
      this.when = when;
    }

    boolean grants(String app) {
      for (String a : apps) {
        if (a.equals(app)) {
          return true;
        }
      }
      return false;
    }

    boolean covers(String app) {
      return apps.length == 0 || app != null && grants(app);
    }

    boolean allows(String action) {
      if (anyAction) {
        return true;
      }
      for (String a : actions) {
        if (a.equals(action)) {
          return true;
        }
      }
      for (String prefix : actionPrefixes) {
        if (action.startsWith(prefix)) {
          return true;
        }
      }
      return false;
    }
  }

  private final Schema schema;
  private final AttributeType riskType;
  private final long skewMillis = PolicyEngine.DEFAULT_CLOCK_SKEW.toMillis();
  private final Rule[] rules;

  /** Named conditions compiled once however often they are used. */
  private final Map<Condition, Test> named = new IdentityHashMap<>();

  /**
   * Compiles every enforced policy of {@code set} into one rule; report-only policies never change
   * the effect and are left out.
   *
   * @param set the policies
   * @throws UnsupportedOperationException if a condition uses a test this peer does not translate
   */
  public PlainScanPeer(PolicySet set) {
    this.schema = set.schema();
    this.riskType = schema.attribute("risk.level").map(a -> a.type()).orElse(null);
    List<Rule> compiled = new ArrayList<>();
    for (Policy p : set.policies()) {
      if (!p.reportOnly()) {
        compiled.add(rule(p));
      }
    }
    this.rules = compiled.toArray(new Rule[0]);
    named.clear();
  }

  private Rule rule(Policy p) {
    if (p instanceof AssignPolicy a) {
      Rule r = new Rule(ASSIGN, compile(a.when()));
      r.apps = a.grants().stream().map(Grant::app).distinct().toArray(String[]::new);
      return r;
    } else if (p instanceof RestrictPolicy rp) {
      Rule r = new Rule(RESTRICT, compile(rp.when()));
      r.apps = rp.apps().toArray(NONE);
      r.allow = blocks(rp.allow());
      return r;
    } else if (p instanceof AuthenticatePolicy a) {
      Rule r = new Rule(AUTHENTICATE, compile(a.when()));
      r.apps = a.apps().toArray(NONE);
      r.block = a.block();
      r.requireSso = a.requireSso();
      r.mfa = a.mfa().stream().map(Factor::id).toArray(String[]::new);
      r.withinMillis = a.within().toMillis();
      return r;
    }
    DelegatePolicy d = (DelegatePolicy) p;
    Rule r = new Rule(DELEGATE, compile(d.to()));
    r.on = compile(d.on());
    List<String> exact = new ArrayList<>();
    List<String> prefixes = new ArrayList<>();
    for (String action : d.actions()) {
      if (action.equals("*")) {
        r.anyAction = true;
      } else if (action.endsWith(".*")) {
        prefixes.add(action.substring(0, action.length() - 1));
      } else {
        exact.add(action);
      }
    }
    r.actions = exact.toArray(NONE);
    r.actionPrefixes = prefixes.toArray(NONE);
    return r;
  }

  private static IpNetwork[] blocks(List<Network> networks) {
    List<IpNetwork> blocks = new ArrayList<>();
    networks.forEach(n -> blocks.addAll(n.blocks()));
    return blocks.toArray(new IpNetwork[0]);
  }

  private Test compile(Condition c) {
    if (c instanceof Condition.Always) {
      return p -> TRUE;
    } else if (c instanceof Condition.And and) {
      Test[] operands = and.operands().stream().map(this::compile).toArray(Test[]::new);
      return p -> {
        int t = TRUE;
        for (Test o : operands) {
          t = Math.min(t, o.test(p));
          if (t == FALSE) {
            return FALSE;
          }
        }
        return t;
      };
    } else if (c instanceof Condition.Or or) {
      Test[] operands = or.operands().stream().map(this::compile).toArray(Test[]::new);
      return p -> {
        int t = FALSE;
        for (Test o : operands) {
          t = Math.max(t, o.test(p));
          if (t == TRUE) {
            return TRUE;
          }
        }
        return t;
      };
    } else if (c instanceof Condition.Not not) {
      Test operand = compile(not.operand());
      return p -> TRUE - operand.test(p);
    } else if (c instanceof Condition.Named n) {
      Test body = named.get(n.body());
      if (body == null) {
        body = compile(n.body());
        named.put(n.body(), body);
      }
      return body;
    }
    Condition.Leaf leaf = (Condition.Leaf) c;
    if (!HostRequest.hasField(leaf.attribute())) {
      // The host never holds it, so Gatehouse sees it missing too.
      return p -> UNKNOWN;
    }
    AttributeType type = schema.attributeOrThrow(leaf.attribute()).type();
    switch (type.kind()) {
      case STRING:
        return stringTest(leaf, stringField(leaf.attribute()));
      case SET:
        return setTest(leaf, listField(leaf.attribute()));
      case INT:
        return longTest(leaf, longField(leaf.attribute()));
      case BOOL:
        return boolTest(leaf, boolField(leaf.attribute()));
      case ORDERED:
        if (leaf.attribute().equals("risk.level")) {
          return riskTest(leaf, type);
        }
        break;
      case IP:
        if (leaf.attribute().equals("request.ip") && leaf instanceof Condition.InNetwork in) {
          IpNetwork[] blocks = blocks(in.networks());
          return p -> p.ip == null ? UNKNOWN : in(p.ip, blocks) ? TRUE : FALSE;
        }
        break;
      default:
        break;
    }
    throw unsupported(leaf);
  }

  private static UnsupportedOperationException unsupported(Condition c) {
    return new UnsupportedOperationException("the plain-Java scan does not translate `" + c + "`");
  }

  private static Test stringTest(Condition.Leaf leaf, StringField f) {
    if (leaf instanceof Condition.Compare cmp
        && !cmp.operator().isOrdering()
        && cmp.value() instanceof Literal.Str s) {
      String v = s.value();
      int equal = cmp.operator() == Operator.EQ ? TRUE : FALSE;
      int differ = TRUE - equal;
      return p -> {
        String x = f.get(p.h);
        return x == null ? UNKNOWN : x.equals(v) ? equal : differ;
      };
    } else if (leaf instanceof Condition.In in) {
      String[] values = texts(in.values());
      return p -> {
        String x = f.get(p.h);
        if (x == null) {
          return UNKNOWN;
        }
        for (String v : values) {
          if (x.equals(v)) {
            return TRUE;
          }
        }
        return FALSE;
      };
    } else if (leaf instanceof Condition.Affix affix) {
      String v = affix.affix();
      if (affix.suffix()) {
        return p -> {
          String x = f.get(p.h);
          return x == null ? UNKNOWN : x.endsWith(v) ? TRUE : FALSE;
        };
      }
      return p -> {
        String x = f.get(p.h);
        return x == null ? UNKNOWN : x.startsWith(v) ? TRUE : FALSE;
      };
    }
    throw unsupported(leaf);
  }

  private static Test setTest(Condition.Leaf leaf, ListField f) {
    if (!(leaf instanceof Condition.Contains has)) {
      throw unsupported(leaf);
    }
    String[] values = texts(has.values());
    if (values.length == 1) {
      String v = values[0];
      return p -> {
        List<String> x = f.get(p.h);
        return x == null ? UNKNOWN : x.contains(v) ? TRUE : FALSE;
      };
    }
    if (has.match() == Condition.Match.ALL) {
      return p -> {
        List<String> x = f.get(p.h);
        if (x == null) {
          return UNKNOWN;
        }
        for (String v : values) {
          if (!x.contains(v)) {
            return FALSE;
          }
        }
        return TRUE;
      };
    }
    return p -> {
      List<String> x = f.get(p.h);
      if (x == null) {
        return UNKNOWN;
      }
      for (String v : values) {
        if (x.contains(v)) {
          return TRUE;
        }
      }
      return FALSE;
    };
  }

  private static Test longTest(Condition.Leaf leaf, ToLongFunction<HostRequest> f) {
    if (leaf instanceof Condition.Compare cmp && cmp.value() instanceof Literal.Int i) {
      long v = i.value();
      Operator op = cmp.operator();
      return p -> op.test(Long.compare(f.applyAsLong(p.h), v)) ? TRUE : FALSE;
    } else if (leaf instanceof Condition.In in) {
      long[] values = new long[in.values().size()];
      for (int k = 0; k < values.length; k++) {
        if (!(in.values().get(k) instanceof Literal.Int i)) {
          throw unsupported(leaf);
        }
        values[k] = i.value();
      }
      return p -> {
        long x = f.applyAsLong(p.h);
        for (long v : values) {
          if (x == v) {
            return TRUE;
          }
        }
        return FALSE;
      };
    }
    throw unsupported(leaf);
  }

  private static Test boolTest(Condition.Leaf leaf, BoolField f) {
    if (leaf instanceof Condition.Compare cmp
        && !cmp.operator().isOrdering()
        && cmp.value() instanceof Literal.Bool b) {
      boolean v = b.value();
      boolean eq = cmp.operator() == Operator.EQ;
      return p -> (f.get(p.h) == v) == eq ? TRUE : FALSE;
    } else if (leaf instanceof Condition.In in) {
      boolean anyTrue = false;
      boolean anyFalse = false;
      for (Literal l : in.values()) {
        if (!(l instanceof Literal.Bool b)) {
          throw unsupported(leaf);
        }
        anyTrue |= b.value();
        anyFalse |= !b.value();
      }
      boolean t = anyTrue;
      boolean fa = anyFalse;
      return p -> (f.get(p.h) ? t : fa) ? TRUE : FALSE;
    }
    throw unsupported(leaf);
  }

  private static Test riskTest(Condition.Leaf leaf, AttributeType type) {
    if (leaf instanceof Condition.Compare cmp) {
      int v = ordinal(leaf, type, cmp.value());
      Operator op = cmp.operator();
      return p ->
          p.riskLevel < 0 ? UNKNOWN : op.test(Integer.compare(p.riskLevel, v)) ? TRUE : FALSE;
    } else if (leaf instanceof Condition.In in) {
      int[] values = new int[in.values().size()];
      for (int k = 0; k < values.length; k++) {
        values[k] = ordinal(leaf, type, in.values().get(k));
      }
      return p -> {
        if (p.riskLevel < 0) {
          return UNKNOWN;
        }
        for (int v : values) {
          if (p.riskLevel == v) {
            return TRUE;
          }
        }
        return FALSE;
      };
    }
    throw unsupported(leaf);
  }

  private static int ordinal(Condition.Leaf leaf, AttributeType type, Literal value) {
    String symbol =
        value instanceof Literal.Symbol s
            ? s.name()
            : value instanceof Literal.Str s ? s.value() : null;
    int ordinal = symbol == null ? -1 : type.ordinal(symbol);
    if (ordinal < 0) {
      throw unsupported(leaf);
    }
    return ordinal;
  }

  private static String[] texts(List<Literal> values) {
    String[] texts = new String[values.size()];
    for (int k = 0; k < texts.length; k++) {
      Literal v = values.get(k);
      texts[k] = v instanceof Literal.Str s ? s.value() : ((Literal.Symbol) v).name();
    }
    return texts;
  }

  private static StringField stringField(String attribute) {
    switch (attribute) {
      case "user.id":
        return HostRequest::userId;
      case "user.email":
        return HostRequest::email;
      case "user.department":
        return HostRequest::department;
      case "user.country":
        return HostRequest::country;
      case "user.employment":
        return HostRequest::employment;
      case "user.title":
        return HostRequest::title;
      case "user.cost_center":
        return HostRequest::costCenter;
      case "request.action":
        return HostRequest::action;
      case "app":
        return HostRequest::app;
      case "device.id":
        return HostRequest::deviceId;
      case "device.platform":
        return HostRequest::devicePlatform;
      case "location.country":
        return HostRequest::locationCountry;
      default:
        throw new UnsupportedOperationException("no string field holds `" + attribute + "`");
    }
  }

  private static ListField listField(String attribute) {
    switch (attribute) {
      case "user.roles":
        return HostRequest::roles;
      case "user.groups":
        return HostRequest::groups;
      case "auth.methods":
        return HostRequest::authMethods;
      default:
        throw new UnsupportedOperationException("no list field holds `" + attribute + "`");
    }
  }

  private static ToLongFunction<HostRequest> longField(String attribute) {
    switch (attribute) {
      case "user.clearance":
        return HostRequest::clearance;
      case "risk.score":
        return HostRequest::riskScore;
      default:
        throw new UnsupportedOperationException("no int field holds `" + attribute + "`");
    }
  }

  private static BoolField boolField(String attribute) {
    switch (attribute) {
      case "device.managed":
        return HostRequest::deviceManaged;
      case "device.known":
        return HostRequest::deviceKnown;
      default:
        throw new UnsupportedOperationException("no bool field holds `" + attribute + "`");
    }
  }

  private static boolean in(IpAddress ip, IpNetwork[] blocks) {
    for (IpNetwork b : blocks) {
      if (b.contains(ip)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String name() {
    return "plain-java";
  }

  @Override
  public Question question() {
    return Question.EFFECT;
  }

  @Override
  public Object prepare(HostRequest request) {
    String ip = request.ip();
    String risk = request.riskLevel();
    return new Prepared(
        request,
        ip == null ? null : IpAddress.parse(ip),
        risk == null || riskType == null ? -1 : riskType.ordinal(risk));
  }

  /**
   * Looks at every rule in order, stopping at the first that denies (a restriction refusing the
   * address, a block), and combines what applies: the app assigned (or, for an admin action,
   * delegated), and every authentication requirement that applies met, or else a challenge.
   */
  @Override
  public Object decide(Object prepared) {
    Prepared p = (Prepared) prepared;
    HostRequest h = p.h;
    String act = h.action();
    if (act == null) {
      return Effect.DENY;
    }
    boolean access = act.equals("access");
    boolean signin = act.equals("signin");
    String app = access ? h.app() : null;
    if (access && app == null) {
      return Effect.DENY;
    }
    boolean granted = signin;
    boolean challenge = false;
    for (Rule r : rules) {
      switch (r.kind) {
        case ASSIGN:
          if (access && !granted && r.grants(app) && r.when.test(p) == TRUE) {
            granted = true;
          }
          break;
        case DELEGATE:
          if (!access
              && !granted
              && r.allows(act)
              && r.when.test(p) == TRUE
              && r.on.test(p) == TRUE) {
            granted = true;
          }
          break;
        case RESTRICT:
          if (r.covers(app) && r.when.test(p) != FALSE && (p.ip == null || !in(p.ip, r.allow))) {
            // A denial stands whatever the rest says: a hand-written loop stops here.
            return Effect.DENY;
          }
          break;
        default:
          if (r.covers(app) && r.when.test(p) != FALSE) {
            if (r.block) {
              return Effect.DENY;
            } else if (!satisfied(r, p)) {
              challenge = true;
            }
          }
          break;
      }
    }
    if (!granted) {
      return Effect.DENY;
    }
    return challenge ? Effect.CHALLENGE : Effect.PERMIT;
  }

  private boolean satisfied(Rule r, Prepared p) {
    List<String> methods = p.h.authMethods();
    if (r.requireSso && !(methods != null && methods.contains(SSO))) {
      return false;
    }
    if (r.mfa.length == 0) {
      return true;
    }
    Instant time = p.h.time();
    Instant authTime = p.h.authTime();
    if (methods == null || time == null || authTime == null) {
      return false;
    }
    boolean factor = false;
    for (String f : r.mfa) {
      factor |= methods.contains(f);
    }
    if (!factor) {
      return false;
    }
    long now = time.toEpochMilli();
    long then = authTime.toEpochMilli();
    long age = now - then;
    // An age that overflows is beyond any window either way.
    boolean overflow = ((now ^ then) & (now ^ age)) < 0;
    return !overflow && age <= r.withinMillis && age >= -skewMillis;
  }

  @Override
  public Object answer(Object decided) {
    return decided;
  }
}

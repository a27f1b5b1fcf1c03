package dev.gatehouse.analysis;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.AttributeType;
import dev.gatehouse.api.IpAddress;
import dev.gatehouse.api.policy.Condition;
import dev.gatehouse.api.policy.Literal;
import dev.gatehouse.api.policy.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.logicng.datastructures.Assignment;
import org.logicng.formulas.Formula;
import org.logicng.formulas.FormulaFactory;
import org.logicng.formulas.Variable;

/**
 * The propositional encoding of requests over a schema. Each attribute has a variable saying it is
 * present; a string, int, duration, bool or ordered value, or an address, is exactly one of its
 * representatives ({@link Domains}); a set holds or lacks each mentioned element; a time is in or
 * out of each window; the age of the last authentication is within or beyond each MFA duration
 * (monotonically). Conditions become a pair of formulas, definitely true and definitely false, so
 * that a missing attribute makes them unknown as in DESIGN §4.
 */
final class Encoding {

  /** A condition's value in Kleene logic: unknown when neither formula holds. */
  record Tri(Formula isTrue, Formula isFalse) {}

  static final Instant BASE = Instant.parse("2026-11-30T10:00:00Z");

  final FormulaFactory f = new FormulaFactory();
  private final Domains domains;
  private final Map<String, Variable> present = new LinkedHashMap<>();
  private final Map<String, List<Object>> values = new HashMap<>();
  private final Map<String, List<Variable>> choices = new HashMap<>();
  private final Map<String, Map<String, Variable>> members = new HashMap<>();
  private final Map<String, Map<TimeWindow, Variable>> windows = new HashMap<>();
  private final TreeMap<Long, Variable> fresh = new TreeMap<>();
  private final List<Formula> constraints = new ArrayList<>();

  Encoding(Domains domains, Set<Long> mfaDurations) {
    this.domains = domains;
    for (Domains.Uses u : domains.all()) {
      String name = u.attribute.name();
      present.put(name, f.variable("p:" + name));
      switch (u.kind()) {
        case STRING -> choose(name, new ArrayList<>(domains.stringValues(u)));
        case INT, BOOL, DURATION, ORDERED -> choose(name, new ArrayList<>(Domains.numberValues(u)));
        case IP -> choose(name, new ArrayList<>(Domains.ipValues(u)));
        case SET -> {
          Map<String, Variable> m = new LinkedHashMap<>();
          u.elements.forEach(e -> m.put(e, f.variable("m:" + name + ":" + e)));
          members.put(name, m);
        }
        case TIME -> {
          Map<TimeWindow, Variable> w = new LinkedHashMap<>();
          u.windows.forEach(win -> w.put(win, f.variable("w:" + name + ":" + w.size())));
          windows.put(name, w);
        }
        default -> throw new IllegalStateException("no encoding for " + u.attribute);
      }
    }
    Variable shorter = null;
    for (long d : new TreeSet<>(mfaDurations)) {
      Variable v = f.variable("fresh:" + d);
      if (shorter != null) {
        constraints.add(f.implication(shorter, v)); // within 15m implies within 8h
      }
      fresh.put(d, v);
      shorter = v;
    }
  }

  private void choose(String name, List<Object> reps) {
    List<Variable> vars = new ArrayList<>();
    for (int i = 0; i < reps.size(); i++) {
      vars.add(f.variable("v:" + name + ":" + i));
    }
    values.put(name, reps);
    choices.put(name, vars);
    constraints.add(f.exo(vars));
  }

  List<Formula> constraints() {
    return constraints;
  }

  /** The representatives of a string attribute, or none if no policy reads it. */
  List<String> strings(String name) {
    List<String> out = new ArrayList<>();
    values.getOrDefault(name, List.of()).forEach(v -> out.add((String) v));
    return out;
  }

  /** The literals saying that every attribute is present. */
  List<Variable> presentLiterals() {
    return new ArrayList<>(present.values());
  }

  Formula present(String name) {
    Variable p = present.get(name);
    return p == null ? f.falsum() : p;
  }

  /** The value of {@code name} is present and one for which {@code test} holds. */
  Formula valueIs(String name, Predicate<Object> test) {
    List<Object> reps = values.get(name);
    if (reps == null) {
      return f.falsum();
    }
    List<Formula> any = new ArrayList<>();
    for (int i = 0; i < reps.size(); i++) {
      if (test.test(reps.get(i))) {
        any.add(choices.get(name).get(i));
      }
    }
    return f.and(present(name), f.or(any));
  }

  Formula member(String name, String element) {
    Map<String, Variable> m = members.get(name);
    Variable v = m == null ? null : m.get(element);
    return v == null ? f.falsum() : f.and(present(name), v);
  }

  Formula freshWithin(Duration within) {
    Variable v = fresh.get(within.toMillis());
    return v == null ? f.falsum() : v;
  }

  /** Encodes {@code c} in Kleene logic. */
  Tri encode(Condition c) {
    if (c instanceof Condition.Always) {
      return new Tri(f.verum(), f.falsum());
    } else if (c instanceof Condition.And and) {
      return junction(and.operands(), true);
    } else if (c instanceof Condition.Or or) {
      return junction(or.operands(), false);
    } else if (c instanceof Condition.Not not) {
      Tri e = encode(not.operand());
      return new Tri(e.isFalse(), e.isTrue());
    } else if (c instanceof Condition.Named named) {
      return encode(named.body());
    }
    String name = ((Condition.Leaf) c).attribute();
    Formula atom = atom(name, c);
    Formula p = present(name);
    return new Tri(f.and(p, atom), f.and(p, f.not(atom)));
  }

  /** An {@code and} is true when all are, false when one is; an {@code or} the other way. */
  private Tri junction(List<Condition> operands, boolean and) {
    List<Formula> t = new ArrayList<>();
    List<Formula> fl = new ArrayList<>();
    for (Condition o : operands) {
      Tri e = encode(o);
      t.add(e.isTrue());
      fl.add(e.isFalse());
    }
    return and ? new Tri(f.and(t), f.or(fl)) : new Tri(f.or(t), f.and(fl));
  }

  /** The leaf's truth on a present value. */
  private Formula atom(String name, Condition c) {
    AttributeType type = domains.of(name).attribute.type();
    if (c instanceof Condition.Contains contains) {
      List<Formula> each = new ArrayList<>();
      for (Literal v : contains.values()) {
        each.add(members.get(name).get(Domains.text(v)));
      }
      return contains.match() == Condition.Contains.Match.ALL ? f.and(each) : f.or(each);
    } else if (c instanceof Condition.InNetwork in) {
      return pick(
          name,
          rep ->
              in.networks().stream()
                  .anyMatch(n -> n.blocks().stream().anyMatch(b -> b.contains((IpAddress) rep))));
    } else if (c instanceof Condition.InWindow w) {
      return windows.get(name).get(w.window());
    } else if (c instanceof Condition.Affix a) {
      return pick(
          name,
          rep ->
              a.suffix()
                  ? ((String) rep).endsWith(a.affix())
                  : ((String) rep).startsWith(a.affix()));
    } else if (c instanceof Condition.Compare cmp) {
      return pick(name, rep -> cmp.operator().test(compare(type, rep, cmp.value())));
    }
    Condition.In in = (Condition.In) c;
    return pick(name, rep -> in.values().stream().anyMatch(v -> compare(type, rep, v) == 0));
  }

  private Formula pick(String name, Predicate<Object> test) {
    List<Object> reps = values.get(name);
    List<Formula> any = new ArrayList<>();
    for (int i = 0; i < reps.size(); i++) {
      if (test.test(reps.get(i))) {
        any.add(choices.get(name).get(i));
      }
    }
    return f.or(any);
  }

  /** Compares a representative with a constant as the engine does. */
  private static int compare(AttributeType type, Object rep, Literal v) {
    switch (type.kind()) {
      case STRING:
        return rep.equals(((Literal.Str) v).value()) ? 0 : 1;
      case BOOL:
        return Long.compare((Long) rep, ((Literal.Bool) v).value() ? 1 : 0);
      case INT:
        return Long.compare((Long) rep, ((Literal.Int) v).value());
      case DURATION:
        return Long.compare((Long) rep, ((Literal.Dur) v).value().toMillis());
      case ORDERED:
        return Long.compare((Long) rep, type.ordinal(Domains.text(v)));
      default:
        throw new IllegalStateException("cannot compare a value of " + type);
    }
  }

  /**
   * Builds the request a model stands for, or null if no request realizes it (a combination of time
   * windows that no minute of a week satisfies, or a value the schema rejects).
   */
  AccessRequest request(Assignment model) {
    AccessRequest.Builder b = AccessRequest.builder(domains.schema());
    Instant time = BASE;
    try {
      for (Domains.Uses u : domains.all()) {
        String name = u.attribute.name();
        if (!model.evaluateLit(present.get(name)) || u.kind() == AttributeType.Kind.TIME) {
          continue;
        }
        set(b, u, model);
      }
      if (present.containsKey("request.time") && model.evaluateLit(present.get("request.time"))) {
        time = instant(windows.get("request.time"), model);
        if (time == null) {
          return null;
        }
        b.set("request.time", time);
      }
      for (Domains.Uses u : domains.all()) {
        String name = u.attribute.name();
        if (u.kind() != AttributeType.Kind.TIME
            || name.equals("request.time")
            || !model.evaluateLit(present.get(name))) {
          continue;
        }
        if (name.equals("auth.time")) {
          b.set(name, time.minusMillis(age(model)));
        } else {
          Instant t = instant(windows.get(name), model);
          if (t == null) {
            return null;
          }
          b.set(name, t);
        }
      }
      return b.build();
    } catch (IllegalArgumentException e) {
      return null; // includes InvalidRequestException: a representative the schema refuses
    }
  }

  private void set(AccessRequest.Builder b, Domains.Uses u, Assignment model) {
    String name = u.attribute.name();
    if (u.kind() == AttributeType.Kind.SET) {
      Set<String> set = new TreeSet<>();
      members
          .get(name)
          .forEach(
              (e, v) -> {
                if (model.evaluateLit(v)) {
                  set.add(e);
                }
              });
      b.set(name, set);
      return;
    }
    Object rep = null;
    List<Variable> vars = choices.get(name);
    for (int i = 0; i < vars.size(); i++) {
      if (model.evaluateLit(vars.get(i))) {
        rep = values.get(name).get(i);
      }
    }
    switch (u.kind()) {
      case STRING -> b.set(name, (String) rep);
      case IP -> b.set(name, rep.toString());
      case INT -> b.set(name, (long) (Long) rep);
      case BOOL -> b.set(name, (Long) rep == 1L);
      case DURATION -> b.set(name, Duration.ofMillis((Long) rep));
      case ORDERED -> b.set(name, u.attribute.type().symbols().get((int) (long) (Long) rep));
      default -> throw new IllegalStateException("no value for " + u.attribute);
    }
  }

  /** The age of the last authentication: just beyond every duration the model says is missed. */
  private long age(Assignment model) {
    long age = 0;
    for (Map.Entry<Long, Variable> e : fresh.entrySet()) {
      if (!model.evaluateLit(e.getValue())) {
        age = e.getKey() + 1;
      }
    }
    return age;
  }

  /** The first minute of a week from {@link #BASE} that is in or out of each window as told. */
  private static Instant instant(Map<TimeWindow, Variable> windows, Assignment model) {
    if (windows == null || windows.isEmpty()) {
      return BASE;
    }
    for (int minute = 0; minute < 8 * 24 * 60; minute++) {
      Instant t = BASE.plusSeconds(60L * minute);
      boolean all = true;
      for (Map.Entry<TimeWindow, Variable> w : windows.entrySet()) {
        if (w.getKey().contains(t) != model.evaluateLit(w.getValue())) {
          all = false;
          break;
        }
      }
      if (all) {
        return t;
      }
    }
    return null;
  }
}

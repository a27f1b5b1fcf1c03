package dev.gatehouse.engine.internal;

import dev.gatehouse.api.Attribute;
import dev.gatehouse.api.AttributeType;
import dev.gatehouse.api.Schema;
import dev.gatehouse.api.policy.Condition;
import dev.gatehouse.api.policy.Literal;
import dev.gatehouse.api.policy.Operator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongPredicate;
import org.jspecify.annotations.Nullable;

/**
 * Finds a policy's guard: index keys such that the condition can only be true when the request hits
 * one of them, and the slots whose absence can make it unknown. Every branch of the condition must
 * contain a tested atom covered by the guard; then a request that has every guard slot and hits no
 * key makes the condition definitely false, and the policy need not be looked at.
 *
 * <p>{@code null} means no guard: the policy is a candidate for every request.
 */
final class Guards {

  /**
   * A guard. A condition over an ordered attribute can have slots but no keys, such as {@code
   * risk.level > critical}: never true, yet unknown when the level is missing.
   *
   * @param keys values any of which may make the condition true
   * @param slots attributes whose absence may make the condition unknown
   */
  record Guard(Set<Key> keys, Set<Integer> slots) {
    static final Guard NEVER = new Guard(Set.of(), Set.of());

    static Guard of(int slot, Set<Key> keys) {
      return new Guard(keys, Set.of(slot));
    }
  }

  private final Schema schema;
  private final ConditionCompiler compiler;

  /** Distinct constants compared with each slot across the set: a proxy for its domain size. */
  private final Map<Integer, Set<Object>> constants = new HashMap<>();

  Guards(Schema schema, ConditionCompiler compiler, Iterable<Condition> all) {
    this.schema = schema;
    this.compiler = compiler;
    all.forEach(this::count);
  }

  private void count(Condition c) {
    c.forEachLeaf(
        leaf -> {
          Set<Object> values =
              constants.computeIfAbsent(schema.slot(leaf.attribute()), k -> new HashSet<>());
          if (leaf instanceof Condition.Compare cmp) {
            values.add(cmp.value());
          } else if (leaf instanceof Condition.In in) {
            values.addAll(in.values());
          } else if (leaf instanceof Condition.Contains contains) {
            values.addAll(contains.values());
          }
        });
  }

  /**
   * Estimates how likely a request is to hit a guard: per key, one over the number of distinct
   * constants its attribute is compared with (a set attribute holds several values, so three times
   * that), summed.
   */
  private double cost(Guard g) {
    double cost = 0;
    for (Key k : g.keys()) {
      AttributeType type = schema.attribute(k.slot()).type();
      int domain =
          type.kind() == AttributeType.Kind.ORDERED
              ? type.symbols().size()
              : type.kind() == AttributeType.Kind.BOOL
                  ? 2
                  : Math.max(2, constants.getOrDefault(k.slot(), Set.of()).size());
      cost += Math.min(1.0, (type.kind() == AttributeType.Kind.SET ? 3.0 : 1.0) / domain);
    }
    return cost;
  }

  @Nullable Guard of(Condition c) {
    return guard(c, true);
  }

  private @Nullable Guard guard(Condition c, boolean positive) {
    if (c instanceof Condition.Always) {
      return positive ? null : Guard.NEVER;
    } else if (c instanceof Condition.Named named) {
      return guard(named.body(), positive);
    } else if (c instanceof Condition.Not not) {
      return guard(not.operand(), !positive);
    } else if (c instanceof Condition.And and) {
      return positive ? best(and.operands(), true) : union(and.operands(), false);
    } else if (c instanceof Condition.Or or) {
      return positive ? union(or.operands(), true) : best(or.operands(), false);
    }
    return leaf((Condition.Leaf) c, positive);
  }

  /** A conjunction is guarded by any one operand's guard; the least likely to hit is best. */
  private @Nullable Guard best(List<Condition> operands, boolean positive) {
    Guard best = null;
    double bestCost = Double.MAX_VALUE;
    for (Condition o : operands) {
      Guard g = guard(o, positive);
      if (g != null && cost(g) < bestCost) {
        best = g;
        bestCost = cost(g);
      }
    }
    return best;
  }

  /** A disjunction is guarded only if every operand is, by the union of their guards. */
  private @Nullable Guard union(List<Condition> operands, boolean positive) {
    Set<Key> keys = new LinkedHashSet<>();
    Set<Integer> slots = new LinkedHashSet<>();
    for (Condition o : operands) {
      Guard g = guard(o, positive);
      if (g == null) {
        return null;
      }
      keys.addAll(g.keys());
      slots.addAll(g.slots());
    }
    return new Guard(keys, slots);
  }

  private @Nullable Guard leaf(Condition.Leaf c, boolean positive) {
    Attribute a = schema.attributeOrThrow(c.attribute());
    AttributeType type = a.type();
    int slot = a.slot();
    if (c instanceof Condition.Compare cmp) {
      return compare(slot, type, cmp.operator(), cmp.value(), positive);
    } else if (c instanceof Condition.In in) {
      if (type.kind() == AttributeType.Kind.ORDERED) {
        return ordinals(
            slot,
            type,
            v ->
                in.values().stream().anyMatch(l -> ConditionCompiler.number(type, l) == v)
                    == positive);
      }
      if (!positive) {
        return null;
      }
      return type.kind() == AttributeType.Kind.STRING
          ? strings(slot, in.values())
          : numbers(slot, type, in.values());
    } else if (c instanceof Condition.Contains contains && positive) {
      // For `contains all`, the first value is necessary; for one or any, each is sufficient.
      List<Literal> values =
          contains.match() == Condition.Match.ALL
              ? contains.values().subList(0, 1)
              : contains.values();
      return strings(slot, values);
    } else if (c instanceof Condition.InNetwork in && positive) {
      Set<Key> keys = new LinkedHashSet<>();
      for (int id : compiler.networkIds(in.networks())) {
        keys.add(Key.of(slot, id));
      }
      return Guard.of(slot, keys);
    }
    return null;
  }

  private @Nullable Guard compare(
      int slot, AttributeType type, Operator op, Literal value, boolean positive) {
    if (type.kind() == AttributeType.Kind.ORDERED || type.kind() == AttributeType.Kind.BOOL) {
      long constant = ConditionCompiler.number(type, value);
      return ordinals(slot, type, v -> op.test(Long.compare(v, constant)) == positive);
    }
    if (op != (positive ? Operator.EQ : Operator.NE)) {
      return null;
    }
    Key key =
        type.kind() == AttributeType.Kind.STRING
            ? Key.of(slot, compiler.intern(((Literal.Str) value).value()))
            : Key.of(slot, ConditionCompiler.number(type, value));
    return Guard.of(slot, Set.of(key));
  }

  /** Keys for every value of a finite type (ordered symbols, bools) that passes the test. */
  private static Guard ordinals(int slot, AttributeType type, LongPredicate test) {
    int size = type.kind() == AttributeType.Kind.BOOL ? 2 : type.symbols().size();
    Set<Key> keys = new LinkedHashSet<>();
    for (long v = 0; v < size; v++) {
      if (test.test(v)) {
        keys.add(Key.of(slot, v));
      }
    }
    return Guard.of(slot, keys);
  }

  private Guard strings(int slot, List<Literal> values) {
    Set<Key> keys = new LinkedHashSet<>();
    for (Literal v : values) {
      keys.add(Key.of(slot, compiler.intern(ConditionCompiler.text(v))));
    }
    return Guard.of(slot, keys);
  }

  private static Guard numbers(int slot, AttributeType type, List<Literal> values) {
    Set<Key> keys = new LinkedHashSet<>();
    for (Literal v : values) {
      keys.add(Key.of(slot, ConditionCompiler.number(type, v)));
    }
    return Guard.of(slot, keys);
  }
}

package dev.gatehouse.engine.internal;

import dev.gatehouse.api.Schema;
import dev.gatehouse.api.policy.AssignPolicy;
import dev.gatehouse.api.policy.AuthenticatePolicy;
import dev.gatehouse.api.policy.Condition;
import dev.gatehouse.api.policy.ConditionChecker;
import dev.gatehouse.api.policy.DelegatePolicy;
import dev.gatehouse.api.policy.Policy;
import dev.gatehouse.api.policy.RestrictPolicy;
import java.util.List;
import java.util.TreeSet;

/** Finds the attributes a condition or a policy's conditions read. */
final class Attributes {

  private Attributes() {}

  static int[] readBy(Schema schema, Policy p) {
    TreeSet<Integer> slots = new TreeSet<>();
    for (Condition c : conditions(p)) {
      collect(schema, c, slots);
    }
    return slots.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Returns the conditions of a policy; a delegate's {@code to} and {@code on} in that order. */
  static List<Condition> conditions(Policy p) {
    if (p instanceof AssignPolicy a) {
      return List.of(a.when());
    } else if (p instanceof RestrictPolicy r) {
      return List.of(r.when());
    } else if (p instanceof AuthenticatePolicy a) {
      return List.of(a.when());
    }
    DelegatePolicy d = (DelegatePolicy) p;
    return List.of(d.to(), d.on());
  }

  private static void collect(Schema schema, Condition c, TreeSet<Integer> slots) {
    if (c instanceof Condition.And and) {
      and.operands().forEach(o -> collect(schema, o, slots));
    } else if (c instanceof Condition.Or or) {
      or.operands().forEach(o -> collect(schema, o, slots));
    } else if (c instanceof Condition.Not not) {
      collect(schema, not.operand(), slots);
    } else if (c instanceof Condition.Named named) {
      collect(schema, named.body(), slots);
    } else if (!(c instanceof Condition.Always)) {
      slots.add(schema.slot(ConditionChecker.attributeOf(c)));
    }
  }
}

package dev.gatehouse.engine.internal;

import dev.gatehouse.api.Schema;
import dev.gatehouse.api.policy.Policy;
import java.util.TreeSet;

/** Finds the attributes a policy's conditions read. */
final class Attributes {

  private Attributes() {}

  static int[] readBy(Schema schema, Policy p) {
    TreeSet<Integer> slots = new TreeSet<>();
    p.conditions().forEach(c -> c.forEachLeaf(leaf -> slots.add(schema.slot(leaf.attribute()))));
    return slots.stream().mapToInt(Integer::intValue).toArray();
  }
}

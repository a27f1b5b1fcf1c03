package dev.gatehouse.analysis;

import dev.gatehouse.api.Schema;
import dev.gatehouse.api.policy.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a condition on the administrator ({@code user.*}) as the same condition on the target
 * ({@code target.*}), so that "this target is an administrator of that delegation" is a condition
 * like any other.
 */
final class Targets {

  private Targets() {}

  /**
   * Returns {@code c} with each {@code user.x} read as {@code target.x}, or empty if it reads an
   * attribute with no {@code target.} twin in {@code schema} (then it says nothing of targets).
   */
  static Optional<Condition> asTarget(Condition c, Schema schema) {
    try {
      return Optional.of(rename(c, schema));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Condition rename(Condition c, Schema schema) {
    if (c instanceof Condition.Always) {
      return c;
    } else if (c instanceof Condition.And and) {
      return new Condition.And(all(and.operands(), schema));
    } else if (c instanceof Condition.Or or) {
      return new Condition.Or(all(or.operands(), schema));
    } else if (c instanceof Condition.Not not) {
      return new Condition.Not(rename(not.operand(), schema));
    } else if (c instanceof Condition.Named named) {
      return rename(named.body(), schema);
    } else if (c instanceof Condition.Compare x) {
      return new Condition.Compare(twin(x.attribute(), schema), x.operator(), x.value());
    } else if (c instanceof Condition.In x) {
      return new Condition.In(twin(x.attribute(), schema), x.values());
    } else if (c instanceof Condition.Contains x) {
      return new Condition.Contains(twin(x.attribute(), schema), x.match(), x.values());
    } else if (c instanceof Condition.Affix x) {
      return new Condition.Affix(twin(x.attribute(), schema), x.suffix(), x.affix());
    } else if (c instanceof Condition.InNetwork x) {
      return new Condition.InNetwork(twin(x.attribute(), schema), x.networks());
    }
    Condition.InWindow x = (Condition.InWindow) c;
    return new Condition.InWindow(twin(x.attribute(), schema), x.window());
  }

  private static List<Condition> all(List<Condition> operands, Schema schema) {
    List<Condition> out = new ArrayList<>();
    operands.forEach(o -> out.add(rename(o, schema)));
    return out;
  }

  private static String twin(String attribute, Schema schema) {
    String twin = attribute.startsWith("user.") ? "target." + attribute.substring(5) : "";
    if (twin.isEmpty() || schema.attribute(twin).isEmpty()) {
      throw new IllegalArgumentException("no target twin of `" + attribute + "`");
    }
    return twin;
  }
}

package dev.gatehouse.engine.reference;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Attribute;
import dev.gatehouse.api.AttributeType;
import dev.gatehouse.api.IpAddress;
import dev.gatehouse.api.IpNetwork;
import dev.gatehouse.api.policy.Condition;
import dev.gatehouse.api.policy.Literal;
import dev.gatehouse.api.policy.Network;
import java.time.Instant;
import java.util.Set;

/**
 * Evaluates a condition tree directly, the obvious way: no slots, no indexes, no precomputation.
 * Its only job is to be right.
 */
final class ConditionInterpreter {

  private ConditionInterpreter() {}

  static Tri eval(Condition c, AccessRequest r) {
    if (c instanceof Condition.Always) {
      return Tri.TRUE;
    } else if (c instanceof Condition.And and) {
      Tri t = Tri.TRUE;
      for (Condition o : and.operands()) {
        t = t.and(eval(o, r));
      }
      return t;
    } else if (c instanceof Condition.Or or) {
      Tri t = Tri.FALSE;
      for (Condition o : or.operands()) {
        t = t.or(eval(o, r));
      }
      return t;
    } else if (c instanceof Condition.Not not) {
      return eval(not.operand(), r).not();
    } else if (c instanceof Condition.Named named) {
      return eval(named.body(), r);
    }
    return leaf((Condition.Leaf) c, r);
  }

  private static Tri leaf(Condition.Leaf c, AccessRequest r) {
    Attribute a = r.schema().attributeOrThrow(c.attribute());
    if (!r.has(a.slot())) {
      return Tri.UNKNOWN;
    }
    int slot = a.slot();
    if (c instanceof Condition.Compare cmp) {
      return Tri.of(cmp.operator().test(compare(a, r, cmp.value())));
    } else if (c instanceof Condition.In in) {
      return Tri.of(in.values().stream().anyMatch(v -> compare(a, r, v) == 0));
    } else if (c instanceof Condition.Contains contains) {
      Set<String> set = r.set(slot);
      switch (contains.match()) {
        case ALL:
          return Tri.of(contains.values().stream().allMatch(v -> set.contains(text(v))));
        default:
          return Tri.of(contains.values().stream().anyMatch(v -> set.contains(text(v))));
      }
    } else if (c instanceof Condition.Affix affix) {
      String s = r.string(slot);
      return Tri.of(affix.suffix() ? s.endsWith(affix.affix()) : s.startsWith(affix.affix()));
    } else if (c instanceof Condition.InNetwork in) {
      IpAddress ip = r.ip(slot);
      for (Network n : in.networks()) {
        for (IpNetwork block : n.blocks()) {
          if (block.contains(ip)) {
            return Tri.TRUE;
          }
        }
      }
      return Tri.FALSE;
    }
    Condition.InWindow w = (Condition.InWindow) c;
    return Tri.of(w.window().contains(Instant.ofEpochMilli(r.number(slot))));
  }

  /** Compares the request's value with a constant, as {@link Long#compare} or string equality. */
  private static int compare(Attribute a, AccessRequest r, Literal v) {
    int slot = a.slot();
    AttributeType type = a.type();
    switch (type.kind()) {
      case STRING:
        return r.string(slot).equals(((Literal.Str) v).value()) ? 0 : 1;
      case BOOL:
        return Long.compare(r.number(slot), ((Literal.Bool) v).value() ? 1 : 0);
      case INT:
        return Long.compare(r.number(slot), ((Literal.Int) v).value());
      case DURATION:
        return Long.compare(r.number(slot), ((Literal.Dur) v).value().toMillis());
      case ORDERED:
        return Long.compare(r.number(slot), type.ordinal(text(v)));
      default:
        throw new IllegalStateException("cannot compare " + a);
    }
  }

  static String text(Literal v) {
    if (v instanceof Literal.Str s) {
      return s.value();
    }
    return ((Literal.Symbol) v).name();
  }
}

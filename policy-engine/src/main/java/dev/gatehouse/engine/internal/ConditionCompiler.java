package dev.gatehouse.engine.internal;

import dev.gatehouse.api.Attribute;
import dev.gatehouse.api.AttributeType;
import dev.gatehouse.api.Schema;
import dev.gatehouse.api.policy.Condition;
import dev.gatehouse.api.policy.Literal;
import dev.gatehouse.api.policy.Network;
import dev.gatehouse.api.policy.Operator;
import dev.gatehouse.api.policy.TimeWindow;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lowers conditions to {@link Node} trees: names resolved to slots, constants interned, named
 * conditions inlined, nested {@code and}/{@code or} flattened, constants folded, one-element lists
 * turned into equality tests.
 */
final class ConditionCompiler {

  private final Schema schema;
  private final NetworkTable networks;
  private final Map<String, String> strings = new HashMap<>();
  private final Map<ZoneId, ZoneTable> zones = new HashMap<>();
  private final Map<TimeWindow, WindowMatcher> windows = new HashMap<>();

  ConditionCompiler(Schema schema, NetworkTable networks) {
    this.schema = schema;
    this.networks = networks;
  }

  /** {@return the network table the compiled conditions look addresses up in} */
  NetworkTable networks() {
    return networks;
  }

  private final Map<Condition, Node> compiled = new HashMap<>();

  /** Compiles {@code c}; equal conditions share one node tree. */
  Node compile(Condition c) {
    Node n = compiled.get(c);
    if (n == null) {
      n = lower(c);
      compiled.put(c, n);
    }
    return n;
  }

  private Node lower(Condition c) {
    if (c instanceof Condition.Always) {
      return new Node.Const(Node.TRUE);
    } else if (c instanceof Condition.Named named) {
      return compile(named.body());
    } else if (c instanceof Condition.Not not) {
      Node inner = compile(not.operand());
      if (inner instanceof Node.Const k) {
        return new Node.Const(Node.TRUE - k.value);
      }
      return inner instanceof Node.Not n ? n.operand : new Node.Not(inner);
    } else if (c instanceof Condition.And and) {
      return junction(and.operands(), true);
    } else if (c instanceof Condition.Or or) {
      return junction(or.operands(), false);
    }
    return leaf((Condition.Leaf) c);
  }

  /** Compiles an {@code and} (conjunction) or {@code or}, flattening and folding constants. */
  private Node junction(List<Condition> operands, boolean conjunction) {
    int absorbing = conjunction ? Node.FALSE : Node.TRUE;
    List<Node> nodes = new ArrayList<>();
    for (Condition operand : operands) {
      Node n = compile(operand);
      if (n instanceof Node.Const k) {
        if (k.value == absorbing) {
          return k;
        }
        continue;
      }
      if (n instanceof Node.Junction j && j.conjunction == conjunction) {
        nodes.addAll(List.of(j.operands));
      } else {
        nodes.add(n);
      }
    }
    if (nodes.isEmpty()) {
      return new Node.Const(Node.TRUE - absorbing);
    }
    if (nodes.size() == 1) {
      return nodes.get(0);
    }
    Node[] array = nodes.toArray(new Node[0]);
    return new Node.Junction(conjunction, array);
  }

  private Node leaf(Condition.Leaf c) {
    Attribute a = schema.attributeOrThrow(c.attribute());
    int slot = a.slot();
    if (c instanceof Condition.Compare cmp) {
      if (a.type().kind() == AttributeType.Kind.STRING) {
        Node eq = new Node.StringEq(slot, intern(((Literal.Str) cmp.value()).value()));
        return cmp.operator() == Operator.EQ ? eq : new Node.Not(eq);
      }
      return new Node.NumCompare(slot, cmp.operator(), number(a.type(), cmp.value()));
    } else if (c instanceof Condition.In in) {
      if (a.type().kind() == AttributeType.Kind.STRING) {
        Set<String> values = new HashSet<>();
        in.values().forEach(v -> values.add(intern(((Literal.Str) v).value())));
        return values.size() == 1
            ? new Node.StringEq(slot, values.iterator().next())
            : new Node.StringIn(slot, Set.copyOf(values));
      }
      long[] numbers =
          in.values().stream().mapToLong(v -> number(a.type(), v)).sorted().distinct().toArray();
      return new Node.NumIn(slot, numbers);
    } else if (c instanceof Condition.Contains contains) {
      String[] values =
          contains.values().stream().map(v -> intern(text(v))).distinct().toArray(String[]::new);
      return new Node.SetHas(slot, values, contains.match() == Condition.Match.ALL);
    } else if (c instanceof Condition.Affix affix) {
      return new Node.Affix(slot, intern(affix.affix()), affix.suffix());
    } else if (c instanceof Condition.InNetwork in) {
      return new Node.IpIn(slot, networkIds(in.networks()), networks);
    }
    TimeWindow w = ((Condition.InWindow) c).window();
    return new Node.Window(
        slot,
        windows.computeIfAbsent(
            w, k -> new WindowMatcher(k, zones.computeIfAbsent(k.zone(), ZoneTable::new))));
  }

  int[] networkIds(List<Network> list) {
    return list.stream().mapToInt(networks::id).sorted().distinct().toArray();
  }

  String intern(String s) {
    return strings.computeIfAbsent(s, k -> k);
  }

  /** Returns the numeric form of a constant, as {@link dev.gatehouse.api.AccessRequest#number}. */
  static long number(AttributeType type, Literal v) {
    if (v instanceof Literal.Int i) {
      return i.value();
    } else if (v instanceof Literal.Bool b) {
      return b.value() ? 1 : 0;
    } else if (v instanceof Literal.Dur d) {
      return d.value().toMillis();
    }
    return type.ordinal(text(v));
  }

  static String text(Literal v) {
    return v instanceof Literal.Str s ? s.value() : ((Literal.Symbol) v).name();
  }
}

package dev.gatehouse.bench.peers;

import dev.gatehouse.api.AttributeType;
import dev.gatehouse.api.IpNetwork;
import dev.gatehouse.api.Schema;
import dev.gatehouse.api.policy.Condition;
import dev.gatehouse.api.policy.Literal;
import dev.gatehouse.api.policy.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes Gatehouse conditions as CEL expressions over flat variables: {@code user.department}
 * becomes {@code user_department}, a set becomes a {@code list(string)}, an ordered symbol its
 * ordinal, and an IP address two {@code uint} halves ({@code request_ip_hi}, {@code request_ip_lo})
 * so a CIDR block is a 128-bit range test in plain CEL.
 *
 * <p>CEL's errors for unbound variables absorb through {@code &&} and {@code ||} as unknowns do in
 * Kleene logic, so a missing attribute needs no special translation. Time windows have no
 * translation; the workload does not use them.
 */
final class CelTranslation {

  private final Schema schema;

  /** Every attribute an expression reads, by name, so the environment declares just those. */
  private final Map<String, AttributeType> reads = new TreeMap<>();

  CelTranslation(Schema schema) {
    this.schema = schema;
  }

  Map<String, AttributeType> reads() {
    return reads;
  }

  static String variable(String attribute) {
    return attribute.replace('.', '_');
  }

  String condition(Condition c) {
    if (c instanceof Condition.Always) {
      return "true";
    } else if (c instanceof Condition.And a) {
      return join(a.operands(), " && ");
    } else if (c instanceof Condition.Or o) {
      return join(o.operands(), " || ");
    } else if (c instanceof Condition.Not n) {
      return "!(" + condition(n.operand()) + ")";
    } else if (c instanceof Condition.Named n) {
      return condition(n.body());
    } else if (c instanceof Condition.Compare cmp) {
      return read(cmp.attribute())
          + " "
          + cmp.operator().symbol()
          + " "
          + literal(cmp.attribute(), cmp.value());
    } else if (c instanceof Condition.In in) {
      List<String> values = new ArrayList<>();
      in.values().forEach(v -> values.add(literal(in.attribute(), v)));
      return read(in.attribute()) + " in [" + String.join(", ", values) + "]";
    } else if (c instanceof Condition.Contains has) {
      String set = read(has.attribute());
      List<String> tests = new ArrayList<>();
      has.values().forEach(v -> tests.add(literal(has.attribute(), v) + " in " + set));
      return "(" + String.join(has.match() == Condition.Match.ALL ? " && " : " || ", tests) + ")";
    } else if (c instanceof Condition.Affix affix) {
      return read(affix.attribute())
          + (affix.suffix() ? ".endsWith(" : ".startsWith(")
          + quote(affix.affix())
          + ")";
    } else if (c instanceof Condition.InNetwork net) {
      return networks(net.attribute(), net.networks());
    }
    throw new UnsupportedOperationException("no CEL translation for `" + c + "`");
  }

  /** Returns a test that the IP attribute lies in one of the networks' blocks. */
  String networks(String attribute, List<Network> networks) {
    read(attribute);
    String hi = variable(attribute) + "_hi";
    String lo = variable(attribute) + "_lo";
    List<String> ranges = new ArrayList<>();
    for (Network n : networks) {
      for (IpNetwork b : n.blocks()) {
        ranges.add(range(hi, lo, b));
      }
    }
    return "(" + String.join(" || ", ranges) + ")";
  }

  private static String range(String hi, String lo, IpNetwork block) {
    String fh = Long.toUnsignedString(block.first().hi()) + "u";
    String fl = Long.toUnsignedString(block.first().lo()) + "u";
    String lh = Long.toUnsignedString(block.last().hi()) + "u";
    String ll = Long.toUnsignedString(block.last().lo()) + "u";
    if (fh.equals(lh)) {
      return "(" + hi + " == " + fh + " && " + lo + " >= " + fl + " && " + lo + " <= " + ll + ")";
    }
    return "((" + hi + " > " + fh + " || " + hi + " == " + fh + " && " + lo + " >= " + fl + ") && ("
        + hi + " < " + lh + " || " + hi + " == " + lh + " && " + lo + " <= " + ll + "))";
  }

  private String read(String attribute) {
    reads.put(attribute, schema.attributeOrThrow(attribute).type());
    return variable(attribute);
  }

  private String literal(String attribute, Literal value) {
    if (value instanceof Literal.Str s) {
      return quote(s.value());
    } else if (value instanceof Literal.Int i) {
      return Long.toString(i.value());
    } else if (value instanceof Literal.Bool b) {
      return Boolean.toString(b.value());
    } else if (value instanceof Literal.Dur d) {
      return Long.toString(d.value().toMillis());
    }
    Literal.Symbol symbol = (Literal.Symbol) value;
    return Integer.toString(schema.attributeOrThrow(attribute).type().ordinal(symbol.name()));
  }

  private String join(List<Condition> operands, String op) {
    List<String> parts = new ArrayList<>();
    operands.forEach(o -> parts.add("(" + condition(o) + ")"));
    return String.join(op, parts);
  }

  static String quote(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}

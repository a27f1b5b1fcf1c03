package dev.gatehouse.api.policy;

import dev.gatehouse.api.Attribute;
import dev.gatehouse.api.AttributeType;
import dev.gatehouse.api.Schema;
import dev.gatehouse.api.Suggestions;
import java.util.ArrayList;
import java.util.List;

/**
 * The typing rules of conditions: which operators apply to which attribute types, and which
 * constants fit. One place for the rules, used by {@link PolicySet} and the policy language.
 */
public final class ConditionChecker {

  private ConditionChecker() {}

  /**
   * Returns every problem of {@code condition} against {@code schema}; empty if it is well typed.
   *
   * @param schema the schema to check against
   * @param condition the condition to check
   * @return every problem of {@code condition} against {@code schema}; empty if it is well typed
   */
  public static List<String> check(Schema schema, Condition condition) {
    List<String> problems = new ArrayList<>();
    condition.forEachLeaf(leaf -> {
      String problem = checkLeaf(schema, leaf);
      if (problem != null) {
        problems.add(problem);
      }
    });
    return problems;
  }

  /**
   * Returns the problem of one leaf condition (a comparison, {@code in}, {@code contains}, affix,
   * network or window test), or null if it is well typed.
   *
   * @param schema the schema to check against
   * @param c a leaf condition
   * @return the problem of one leaf condition (a comparison, {@code in}, {@code contains}, affix,
   *     network or window test), or null if it is well typed
   */
  public static @org.jspecify.annotations.Nullable String checkLeaf(Schema schema, Condition c) {
    String name = attributeOf(c);
    Attribute attribute = schema.attribute(name).orElse(null);
    if (attribute == null) {
      return schema.unknownMessage(name);
    }
    AttributeType type = attribute.type();
    if (c instanceof Condition.Compare compare) {
      return checkCompare(name, type, compare);
    }
    if (c instanceof Condition.In in) {
      if (type.kind() != AttributeType.Kind.STRING && type.kind() != AttributeType.Kind.INT
          && type.kind() != AttributeType.Kind.ORDERED) {
        return notApplicable("in [...]", name, type);
      }
      return firstProblem(name, type, in.values());
    }
    if (c instanceof Condition.Contains contains) {
      if (type.kind() != AttributeType.Kind.SET) {
        return notApplicable("contains", name, type);
      }
      return firstProblem(name, type, contains.values());
    }
    if (c instanceof Condition.Affix affix) {
      return type.kind() == AttributeType.Kind.STRING ? null
          : notApplicable(affix.suffix() ? "ends_with" : "starts_with", name, type);
    }
    if (c instanceof Condition.InNetwork) {
      return type.kind() == AttributeType.Kind.IP ? null : notApplicable("in network", name, type);
    }
    return type.kind() == AttributeType.Kind.TIME ? null : notApplicable("during", name, type);
  }

  /**
   * Returns the attribute a leaf condition reads.
   *
   * @param c a leaf condition
   * @return the attribute a leaf condition reads
   */
  public static String attributeOf(Condition c) {
    if (c instanceof Condition.Compare x) {
      return x.attribute();
    } else if (c instanceof Condition.In x) {
      return x.attribute();
    } else if (c instanceof Condition.Contains x) {
      return x.attribute();
    } else if (c instanceof Condition.Affix x) {
      return x.attribute();
    } else if (c instanceof Condition.InNetwork x) {
      return x.attribute();
    } else if (c instanceof Condition.InWindow x) {
      return x.attribute();
    }
    throw new IllegalArgumentException("not a leaf condition: " + c);
  }

  private static String checkCompare(String name, AttributeType type, Condition.Compare compare) {
    switch (type.kind()) {
      case SET:
        return "`" + name + "` is a " + type + "; test it with `contains`";
      case IP:
        return "`" + name + "` is an ip; test it with `in` and a network";
      case TIME:
        return "`" + name + "` is a time; test it with `during`";
      case STRING:
      case BOOL:
        if (compare.operator().isOrdering()) {
          return "`" + compare.operator().symbol() + "` does not apply to " + type + " `" + name
              + "`; only `==` and `!=` do";
        }
        return fits(name, type, compare.value());
      default:
        return fits(name, type, compare.value());
    }
  }

  private static String firstProblem(String name, AttributeType type, List<Literal> values) {
    for (Literal value : values) {
      String problem = fits(name, type, value);
      if (problem != null) {
        return problem;
      }
    }
    return null;
  }

  /** Returns why {@code value} is not a constant of {@code type} (or of its elements), or null. */
  private static String fits(String name, AttributeType type, Literal value) {
    boolean ok;
    switch (type.kind()) {
      case STRING:
        ok = value instanceof Literal.Str;
        break;
      case INT:
        ok = value instanceof Literal.Int;
        break;
      case BOOL:
        ok = value instanceof Literal.Bool;
        break;
      case DURATION:
        ok = value instanceof Literal.Dur;
        break;
      case ORDERED:
      case SET:
        if (value instanceof Literal.Symbol || value instanceof Literal.Str) {
          return type.isEnumerated() ? symbolProblem(name, type, symbolText(value)) : null;
        }
        ok = false;
        break;
      default:
        ok = false;
    }
    return ok ? null
        : "`" + name + "` is " + article(type) + ", but " + value + " is " + describe(value);
  }

  private static String symbolText(Literal value) {
    return value instanceof Literal.Str s ? s.value() : ((Literal.Symbol) value).name();
  }

  private static String symbolProblem(String name, AttributeType type, String symbol) {
    if (type.ordinal(symbol) >= 0) {
      return null;
    }
    return "`" + symbol + "` is not a value of `" + name + "`"
        + Suggestions.nearest(symbol, type.symbols()).map(s -> "; did you mean `" + s + "`?")
            .orElse("; expected one of " + String.join(", ", type.symbols()));
  }

  private static String notApplicable(String op, String name, AttributeType type) {
    return "`" + op + "` does not apply to `" + name + "`, which is " + article(type);
  }

  private static String article(AttributeType type) {
    String t = type.toString();
    return (t.startsWith("int") || t.equals("ip") ? "an " : "a ") + t;
  }

  private static String describe(Literal value) {
    if (value instanceof Literal.Str) {
      return "a string";
    } else if (value instanceof Literal.Int) {
      return "an int";
    } else if (value instanceof Literal.Bool) {
      return "a bool";
    } else if (value instanceof Literal.Dur) {
      return "a duration";
    }
    return "a symbol";
  }
}

package dev.gatehouse.api.policy;

import dev.gatehouse.api.Attribute;
import dev.gatehouse.api.AttributeType;
import dev.gatehouse.api.Schema;
import dev.gatehouse.api.internal.Suggestions;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The typing rules of conditions: which operators apply to which attribute types, and which
 * constants fit. One place for the rules, used by {@link PolicySet} and the policy language.
 */
public final class ConditionChecker {

  /**
   * The most tests and operators a condition may hold once every named condition in it is written
   * out at each use: evaluation walks the expansion, so a condition built by doubling named
   * conditions ({@code c2 = c1 or c1}, {@code c3 = c2 or c2}, ...) must stop here.
   */
  public static final long MAX_EXPANDED_SIZE = 10_000;

  /**
   * The most tests and operators the conditions of all the policies of a set may hold together,
   * expanded as for {@link #MAX_EXPANDED_SIZE}: 4 Mi, what the largest source file could spell out
   * without named conditions. It bounds what one request can cost to evaluate.
   */
  public static final long MAX_TOTAL_EXPANDED_SIZE = 4L << 20;

  private ConditionChecker() {}

  /**
   * Returns how many tests and operators {@code condition} holds with every named condition written
   * out at each use, counted in time linear in its distinct nodes (a named condition's size is
   * computed once) and saturating at {@link Long#MAX_VALUE}.
   *
   * @param condition the condition
   * @return its expanded size; {@code always} counts 0
   */
  public static long expandedSize(Condition condition) {
    return expandedSize(condition, new java.util.IdentityHashMap<>());
  }

  private static long expandedSize(Condition c, java.util.Map<Condition, Long> sizes) {
    if (c instanceof Condition.Always) {
      return 0;
    } else if (c instanceof Condition.Named named) {
      Long known = sizes.get(named.body());
      if (known == null) {
        known = expandedSize(named.body(), sizes);
        sizes.put(named.body(), known);
      }
      return known;
    } else if (c instanceof Condition.Not not) {
      return saturatedAdd(1, expandedSize(not.operand(), sizes));
    }
    List<Condition> operands =
        c instanceof Condition.And and
            ? and.operands()
            : c instanceof Condition.Or or ? or.operands() : List.of();
    long size = 1;
    for (Condition operand : operands) {
      size = saturatedAdd(size, expandedSize(operand, sizes));
    }
    return size;
  }

  /**
   * Returns the problem of policy conditions that together expand past {@link
   * #MAX_TOTAL_EXPANDED_SIZE}, or null.
   *
   * @param total the sum of their {@linkplain #expandedSize expanded sizes}
   * @return the problem, one line, or null if the total is small enough
   */
  public static @Nullable String checkTotalSize(long total) {
    return total <= MAX_TOTAL_EXPANDED_SIZE
        ? null
        : "the policies' conditions expand to more"
            + " than "
            + String.format(java.util.Locale.ROOT, "%,d", MAX_TOTAL_EXPANDED_SIZE)
            + " tests and operators in all when their named conditions are written out at each use";
  }

  /**
   * Returns {@code a + b}, or {@link Long#MAX_VALUE} if that overflows; both must be non-negative.
   *
   * @param a a size
   * @param b another size
   * @return their sum, saturated
   */
  public static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }

  /**
   * Returns the problem of a condition that expands past {@link #MAX_EXPANDED_SIZE}, or null.
   *
   * @param condition the condition
   * @return the problem, one line, or null if the condition is small enough
   */
  public static @Nullable String checkSize(Condition condition) {
    long size = expandedSize(condition);
    return size <= MAX_EXPANDED_SIZE
        ? null
        : "the condition expands to more than "
            + String.format(java.util.Locale.ROOT, "%,d", MAX_EXPANDED_SIZE)
            + " tests and operators when its named conditions are written out at each use";
  }

  /**
   * {@return every problem of {@code condition} against {@code schema}, one line each; empty if it
   * is well typed}
   *
   * @param schema the schema to check against
   * @param condition the condition to check
   */
  public static List<String> check(Schema schema, Condition condition) {
    List<String> problems = new ArrayList<>();
    condition.forEachLeaf(
        leaf -> {
          ConditionProblem problem = checkLeaf(schema, leaf);
          if (problem != null) {
            problems.add(problem.message());
          }
        });
    return problems;
  }

  /**
   * {@return the problem of one leaf condition, or null if it is well typed}
   *
   * @param schema the schema to check against
   * @param c a leaf condition
   */
  public static @Nullable ConditionProblem checkLeaf(Schema schema, Condition.Leaf c) {
    String name = c.attribute();
    Attribute attribute = schema.attribute(name).orElse(null);
    if (attribute == null) {
      return new ConditionProblem(
          ConditionProblem.Kind.UNKNOWN_ATTRIBUTE, name, null, schema.unknownMessage(name));
    }
    AttributeType type = attribute.type();
    if (c instanceof Condition.Compare compare) {
      return checkCompare(name, type, compare);
    }
    if (c instanceof Condition.In in) {
      if (type.kind() != AttributeType.Kind.STRING
          && type.kind() != AttributeType.Kind.INT
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
      return type.kind() == AttributeType.Kind.STRING
          ? null
          : notApplicable(affix.suffix() ? "ends_with" : "starts_with", name, type);
    }
    if (c instanceof Condition.InNetwork) {
      return type.kind() == AttributeType.Kind.IP ? null : notApplicable("in network", name, type);
    }
    return type.kind() == AttributeType.Kind.TIME ? null : notApplicable("during", name, type);
  }

  private static @Nullable ConditionProblem checkCompare(
      String name, AttributeType type, Condition.Compare compare) {
    switch (type.kind()) {
      case SET:
        return mismatch(name, "`" + name + "` is a " + type + "; test it with `contains`");
      case IP:
        return mismatch(name, "`" + name + "` is an ip; test it with `in` and a network");
      case TIME:
        return mismatch(name, "`" + name + "` is a time; test it with `during`");
      case STRING:
      case BOOL:
        if (compare.operator().isOrdering()) {
          return mismatch(
              name,
              "`"
                  + compare.operator().symbol()
                  + "` does not apply to "
                  + type
                  + " `"
                  + name
                  + "`; only `==` and `!=` do");
        }
        return fits(name, type, compare.value());
      default:
        return fits(name, type, compare.value());
    }
  }

  private static @Nullable ConditionProblem firstProblem(
      String name, AttributeType type, List<Literal> values) {
    for (Literal value : values) {
      ConditionProblem problem = fits(name, type, value);
      if (problem != null) {
        return problem;
      }
    }
    return null;
  }

  /** Returns why {@code value} is not a constant of {@code type} (or of its elements), or null. */
  private static @Nullable ConditionProblem fits(String name, AttributeType type, Literal value) {
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
          return type.isEnumerated() ? symbolProblem(name, type, value) : null;
        }
        ok = false;
        break;
      default:
        ok = false;
    }
    return ok
        ? null
        : new ConditionProblem(
            ConditionProblem.Kind.TYPE_MISMATCH,
            name,
            value,
            "`" + name + "` is " + article(type) + ", but " + value + " is " + describe(value));
  }

  private static String symbolText(Literal value) {
    return value instanceof Literal.Str s ? s.value() : ((Literal.Symbol) value).name();
  }

  private static @Nullable ConditionProblem symbolProblem(
      String name, AttributeType type, Literal value) {
    String symbol = symbolText(value);
    if (type.ordinal(symbol) >= 0) {
      return null;
    }
    ConditionProblem.Kind kind =
        type.equals(AttributeType.FACTOR_SET)
            ? ConditionProblem.Kind.UNKNOWN_FACTOR
            : ConditionProblem.Kind.UNKNOWN_SYMBOL;
    return new ConditionProblem(
        kind,
        name,
        value,
        "`"
            + symbol
            + "` is not a value of `"
            + name
            + "`"
            + Suggestions.nearest(symbol, type.symbols())
                .map(s -> "; did you mean `" + s + "`?")
                .orElse("; expected one of " + String.join(", ", type.symbols())));
  }

  private static ConditionProblem notApplicable(String op, String name, AttributeType type) {
    return mismatch(
        name, "`" + op + "` does not apply to `" + name + "`, which is " + article(type));
  }

  private static ConditionProblem mismatch(String name, String message) {
    return new ConditionProblem(ConditionProblem.Kind.TYPE_MISMATCH, name, null, message);
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

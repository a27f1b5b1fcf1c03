package dev.gatehouse.api;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * The type of a request attribute: string, int, bool, set of strings, IP address, time, duration,
 * or an ordered enumeration such as {@code risk.level}.
 *
 * <p>Two refinements keep the standard schema honest: an int may carry a closed range ({@code
 * risk.score} is 0..100), and a set may be limited to known symbols ({@code auth.methods} holds
 * {@link Factor} names only).
 */
public final class AttributeType {

  /** The shape of the values an attribute holds. */
  public enum Kind {
    /** A string. */
    STRING,
    /** A 64-bit signed integer. */
    INT,
    /** {@code true} or {@code false}. */
    BOOL,
    /** A set of strings (or of the type's symbols, when it has them). */
    SET,
    /** An IPv4 or IPv6 address. */
    IP,
    /** An instant. */
    TIME,
    /** A length of time. */
    DURATION,
    /** One of the type's symbols, compared by their order. */
    ORDERED
  }

  /** A string. */
  public static final AttributeType STRING = new AttributeType(Kind.STRING, List.of(), 0, 0);

  /** Any 64-bit integer. */
  public static final AttributeType INT =
      new AttributeType(Kind.INT, List.of(), Long.MIN_VALUE, Long.MAX_VALUE);

  /** A boolean. */
  public static final AttributeType BOOL = new AttributeType(Kind.BOOL, List.of(), 0, 0);

  /** A set of arbitrary strings. */
  public static final AttributeType STRING_SET = new AttributeType(Kind.SET, List.of(), 0, 0);

  /** An IP address. */
  public static final AttributeType IP = new AttributeType(Kind.IP, List.of(), 0, 0);

  /** An instant. */
  public static final AttributeType TIME = new AttributeType(Kind.TIME, List.of(), 0, 0);

  /** A duration. */
  public static final AttributeType DURATION = new AttributeType(Kind.DURATION, List.of(), 0, 0);

  /** The set of authentication factors, the type of {@code auth.methods}. */
  public static final AttributeType FACTOR_SET = setOf(Factor.ids());

  /** The ordered risk levels {@code none < low < medium < high < critical}. */
  public static final AttributeType RISK_LEVEL =
      ordered(List.of("none", "low", "medium", "high", "critical"));

  private final Kind kind;
  private final List<String> symbols;

  /** The same symbols in an array, for {@link #ordinal}, which runs for each value a host sets. */
  private final String[] symbolArray;

  private final long min;
  private final long max;

  private AttributeType(Kind kind, List<String> symbols, long min, long max) {
    this.kind = kind;
    this.symbols = symbols;
    this.symbolArray = symbols.toArray(new String[0]);
    this.min = min;
    this.max = max;
  }

  /**
   * {@return an ordered enumeration of the given symbols, lowest first}
   *
   * @param symbols the symbols, lowest first
   * @throws IllegalArgumentException if the list is empty or holds a duplicate
   */
  public static AttributeType ordered(List<String> symbols) {
    return new AttributeType(Kind.ORDERED, checkSymbols(symbols), 0, 0);
  }

  /**
   * {@return a set type whose elements must be one of the given symbols}
   *
   * @param symbols the symbols, lowest first
   * @throws IllegalArgumentException if the list is empty, holds a duplicate or more than 64
   *     symbols
   */
  public static AttributeType setOf(List<String> symbols) {
    List<String> checked = checkSymbols(symbols);
    // A request keeps an enumerated set as a 64-bit mask of symbol ordinals.
    if (checked.size() > 64) {
      throw new IllegalArgumentException(
          "an enumerated set type has at most 64 symbols, not " + checked.size());
    }
    return new AttributeType(Kind.SET, checked, 0, 0);
  }

  /**
   * {@return an int type whose values must lie in {@code [min, max]}}
   *
   * @param min the lowest value allowed
   * @param max the highest value allowed
   * @throws IllegalArgumentException if {@code min > max}
   */
  public static AttributeType intBetween(long min, long max) {
    if (min > max) {
      throw new IllegalArgumentException("empty int range " + min + ".." + max);
    }
    return new AttributeType(Kind.INT, List.of(), min, max);
  }

  private static List<String> checkSymbols(List<String> symbols) {
    List<String> copy = List.copyOf(symbols);
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("an enumerated type needs at least one symbol");
    }
    if (new HashSet<>(copy).size() != copy.size()) {
      throw new IllegalArgumentException("duplicate symbol in " + copy);
    }
    return copy;
  }

  /** {@return the shape of this type's values} */
  public Kind kind() {
    return kind;
  }

  /** {@return the symbols of an ordered or enumerated set type, in order; empty otherwise} */
  public List<String> symbols() {
    return symbols;
  }

  /** {@return whether this type limits its values to {@link #symbols()}} */
  public boolean isEnumerated() {
    return !symbols.isEmpty();
  }

  /**
   * {@return the position of {@code symbol} in {@link #symbols()}, or -1 if it is not one}
   *
   * @param symbol the symbol
   */
  public int ordinal(String symbol) {
    requireNonNull(symbol, "symbol");
    // A host often passes the schema's own constants; otherwise the length rules most out.
    String[] all = symbolArray;
    int length = symbol.length();
    for (int i = 0; i < all.length; i++) {
      if (all[i] == symbol || (all[i].length() == length && all[i].equals(symbol))) {
        return i;
      }
    }
    return -1;
  }

  /**
   * {@return whether {@code value} lies in this int type's range}
   *
   * @param value the value
   */
  public boolean accepts(long value) {
    return kind == Kind.INT && value >= min && value <= max;
  }

  /**
   * {@return whether values of this type can be compared with {@code <}, {@code >=} and the like}
   */
  public boolean isOrdered() {
    return kind == Kind.INT || kind == Kind.DURATION || kind == Kind.ORDERED;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AttributeType t
        && kind == t.kind
        && symbols.equals(t.symbols)
        && min == t.min
        && max == t.max;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, symbols, min, max);
  }

  /** Returns the type as the policy language writes it, such as {@code set<string>}. */
  @Override
  public String toString() {
    switch (kind) {
      case STRING:
        return "string";
      case INT:
        return min == Long.MIN_VALUE && max == Long.MAX_VALUE ? "int" : "int " + min + ".." + max;
      case BOOL:
        return "bool";
      case SET:
        return this.equals(FACTOR_SET)
            ? "set<factor>"
            : symbols.isEmpty() ? "set<string>" : "set<" + String.join(" | ", symbols) + ">";
      case IP:
        return "ip";
      case TIME:
        return "time";
      case DURATION:
        return "duration";
      default:
        return String.join(" < ", symbols);
    }
  }
}

package dev.gatehouse.api.policy;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A condition over request attributes: a small typed expression tree.
 *
 * <p>Attributes are named by their dotted schema names; a {@link PolicySet} checks every name and
 * type when built. Conditions read missing attributes as <em>unknown</em>, which propagates through
 * {@code and}, {@code or} and {@code not} as in Kleene's three-valued logic.
 *
 * <pre>{@code
 * Condition finance = Condition.in("user.department", "Finance", "Accounting");
 * Condition when = Condition.and(finance, Condition.not(Condition.eq("user.country", "US")));
 * }</pre>
 */
public sealed interface Condition {

  /** The condition that always holds, what a policy without {@code when} has. */
  Condition ALWAYS = new Always();

  /** Returns the condition as the policy language writes it. */
  @Override
  String toString();

  /**
   * Calls {@code action} for every leaf test of this condition (a comparison, {@code in}, {@code
   * contains}, affix, network or window test), looking through {@code and}, {@code or}, {@code not}
   * and named conditions. A named condition is a shared node: its body is visited once however
   * often it is used, so the walk is linear in the distinct conditions, never in their expansion.
   *
   * @param action what to do with each leaf, in the order written
   */
  default void forEachLeaf(java.util.function.Consumer<? super Leaf> action) {
    forEachLeaf(
        this, action, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
  }

  private static void forEachLeaf(
      Condition c,
      java.util.function.Consumer<? super Leaf> action,
      java.util.Set<Condition> seen) {
    if (c instanceof And and) {
      and.operands().forEach(o -> forEachLeaf(o, action, seen));
    } else if (c instanceof Or or) {
      or.operands().forEach(o -> forEachLeaf(o, action, seen));
    } else if (c instanceof Not not) {
      forEachLeaf(not.operand(), action, seen);
    } else if (c instanceof Named named) {
      if (seen.add(named.body())) {
        forEachLeaf(named.body(), action, seen);
      }
    } else if (c instanceof Leaf leaf) {
      action.accept(leaf);
    }
  }

  /**
   * A test of one attribute: a comparison, {@code in}, {@code contains}, affix, network or window
   * test. The type checker and the engine read the attribute without asking which test it is.
   */
  sealed interface Leaf extends Condition
      permits Compare, In, Contains, Affix, InNetwork, InWindow {
    /** {@return the dotted schema name of the attribute the test reads} */
    String attribute();
  }

  /** Holds for every request. */
  record Always() implements Condition {
    @Override
    public String toString() {
      return "always";
    }
  }

  /**
   * Holds when all operands hold.
   *
   * @param operands two or more conditions
   */
  record And(List<Condition> operands) implements Condition {
    /**
     * Checks the operands and copies the list.
     *
     * @param operands the conditions
     */
    public And {
      operands = atLeastTwo(operands, "and");
    }

    @Override
    public String toString() {
      return join(operands, " and ");
    }
  }

  /**
   * Holds when any operand holds.
   *
   * @param operands two or more conditions
   */
  record Or(List<Condition> operands) implements Condition {
    /**
     * Checks the operands and copies the list.
     *
     * @param operands the conditions
     */
    public Or {
      operands = atLeastTwo(operands, "or");
    }

    @Override
    public String toString() {
      return join(operands, " or ");
    }
  }

  /**
   * Holds when its operand does not.
   *
   * @param operand the negated condition
   */
  record Not(Condition operand) implements Condition {
    /**
     * Checks the operand.
     *
     * @param operand the condition
     */
    public Not {
      requireNonNull(operand, "operand");
    }

    @Override
    public String toString() {
      return "not " + parenthesize(operand);
    }
  }

  /**
   * Compares an attribute with a constant: equality for every type, ordering for ints, durations
   * and ordered symbols.
   *
   * @param attribute the attribute name
   * @param operator the comparison
   * @param value the constant
   */
  record Compare(String attribute, Operator operator, Literal value) implements Leaf {
    /**
     * Checks the components.
     *
     * @param attribute the attribute name
     * @param operator the comparison
     * @param value the constant
     */
    public Compare {
      requireNonNull(attribute, "attribute");
      requireNonNull(operator, "operator");
      requireNonNull(value, "value");
    }

    @Override
    public String toString() {
      return attribute + " " + operator.symbol() + " " + value;
    }
  }

  /**
   * Holds when the attribute equals one of the constants.
   *
   * @param attribute the attribute name
   * @param values the constants, at least one
   */
  record In(String attribute, List<Literal> values) implements Leaf {
    /**
     * Checks the components and copies the list.
     *
     * @param attribute the attribute name
     * @param values the constants
     */
    public In {
      requireNonNull(attribute, "attribute");
      values = nonEmpty(values, "in");
    }

    @Override
    public String toString() {
      return attribute + " in " + list(values);
    }
  }

  /**
   * Holds when a set attribute contains the constant ({@link Match#ONE}), any of the constants
   * ({@link Match#ANY}) or all of them ({@link Match#ALL}).
   *
   * @param attribute the set attribute name
   * @param match how many of the values must be in the set
   * @param values the constants, at least one; exactly one for {@link Match#ONE}
   */
  record Contains(String attribute, Match match, List<Literal> values) implements Leaf {
    /**
     * Checks the components and copies the list.
     *
     * @param attribute the attribute name
     * @param match how many of the values must be in the set
     * @param values the constants
     */
    public Contains {
      requireNonNull(attribute, "attribute");
      requireNonNull(match, "match");
      values = nonEmpty(values, "contains");
      if (match == Match.ONE && values.size() != 1) {
        throw new IllegalArgumentException("`contains` takes one value, not " + values.size());
      }
    }

    @Override
    public String toString() {
      switch (match) {
        case ONE:
          return attribute + " contains " + values.get(0);
        case ANY:
          return attribute + " contains any " + list(values);
        default:
          return attribute + " contains all " + list(values);
      }
    }
  }

  /** How many values a {@link Contains} needs in the set. */
  enum Match {
    /** The single value. */
    ONE,
    /** At least one of the values. */
    ANY,
    /** Every value. */
    ALL
  }

  /**
   * Holds when a string attribute starts or ends with the constant.
   *
   * @param attribute the string attribute name
   * @param suffix false for {@code starts_with}, true for {@code ends_with}
   * @param affix the prefix or suffix
   */
  record Affix(String attribute, boolean suffix, String affix) implements Leaf {
    /**
     * Checks the components.
     *
     * @param attribute the attribute name
     * @param suffix false for {@code starts_with}, true for {@code ends_with}
     * @param affix the prefix or suffix
     */
    public Affix {
      requireNonNull(attribute, "attribute");
      requireNonNull(affix, "affix");
    }

    @Override
    public String toString() {
      return attribute + (suffix ? " ends_with " : " starts_with ") + new Literal.Str(affix);
    }
  }

  /**
   * Holds when an IP attribute lies in any of the networks.
   *
   * @param attribute the IP attribute name
   * @param networks named or inline networks, at least one
   */
  record InNetwork(String attribute, List<Network> networks) implements Leaf {
    /**
     * Checks the components and copies the list.
     *
     * @param attribute the attribute name
     * @param networks the networks
     */
    public InNetwork {
      requireNonNull(attribute, "attribute");
      networks = nonEmpty(networks, "in network");
    }

    @Override
    public String toString() {
      if (networks.size() == 1 && networks.get(0).isInline()) {
        return attribute + " in " + networks.get(0);
      }
      return attribute
          + " in "
          + networks.stream().map(Network::toString).collect(Collectors.joining(", "));
    }
  }

  /**
   * Holds when a time attribute falls in a weekly window.
   *
   * @param attribute the time attribute name
   * @param window the window
   */
  record InWindow(String attribute, TimeWindow window) implements Leaf {
    /**
     * Checks the components.
     *
     * @param attribute the attribute name
     * @param window the window
     */
    public InWindow {
      requireNonNull(attribute, "attribute");
      requireNonNull(window, "window");
    }

    @Override
    public String toString() {
      return attribute + " during " + window;
    }
  }

  /**
   * A named condition ({@code condition finance = ...}) where it is used; it holds when its body
   * does, and keeps its name for explanations.
   *
   * @param name the condition's name
   * @param body the condition it stands for
   */
  record Named(String name, Condition body) implements Condition {
    /**
     * Checks the components.
     *
     * @param name the condition's name
     * @param body the condition it stands for
     */
    public Named {
      requireNonNull(name, "name");
      requireNonNull(body, "body");
    }

    /**
     * Returns the hash of the name alone: equal named conditions have equal names, and hashing the
     * body would walk a named condition at each of its uses, exponentially many times in a
     * condition that names conditions that name conditions.
     */
    @Override
    public int hashCode() {
      return name.hashCode();
    }

    /** Compares name and body, the body by identity first, so that shared bodies cost nothing. */
    @Override
    public boolean equals(Object o) {
      return this == o
          || o instanceof Named n && name.equals(n.name) && (body == n.body || body.equals(n.body));
    }

    @Override
    public String toString() {
      return name;
    }
  }

  // Factories, so that hosts can write conditions without naming the records.

  /**
   * {@return {@code attribute == "value"}}
   *
   * @param attribute the attribute name
   * @param value the constant
   */
  static Condition eq(String attribute, String value) {
    return new Compare(attribute, Operator.EQ, new Literal.Str(value));
  }

  /**
   * {@return {@code attribute != "value"}}
   *
   * @param attribute the attribute name
   * @param value the constant
   */
  static Condition ne(String attribute, String value) {
    return new Compare(attribute, Operator.NE, new Literal.Str(value));
  }

  /**
   * {@return {@code attribute op value} for an int attribute}
   *
   * @param attribute the attribute name
   * @param op the comparison operator
   * @param value the constant
   */
  static Condition compare(String attribute, Operator op, long value) {
    return new Compare(attribute, op, new Literal.Int(value));
  }

  /**
   * {@return {@code attribute op symbol} for an ordered attribute, such as {@code risk.level >=
   * high}}
   *
   * @param attribute the attribute name
   * @param op the comparison operator
   * @param symbol the symbol
   */
  static Condition compare(String attribute, Operator op, String symbol) {
    return new Compare(attribute, op, new Literal.Symbol(symbol));
  }

  /**
   * {@return {@code attribute in ["a", "b"]}}
   *
   * @param attribute the attribute name
   * @param values the constants
   */
  static Condition in(String attribute, String... values) {
    return new In(
        attribute, Arrays.stream(values).map(Literal.Str::new).collect(Collectors.toList()));
  }

  /**
   * {@return {@code attribute contains "value"}}
   *
   * @param attribute the attribute name
   * @param value the constant
   */
  static Condition contains(String attribute, String value) {
    return new Contains(attribute, Match.ONE, List.of(new Literal.Str(value)));
  }

  /**
   * {@return {@code attribute contains any ["a", "b"]}}
   *
   * @param attribute the attribute name
   * @param values the constants
   */
  static Condition containsAny(String attribute, String... values) {
    return new Contains(
        attribute,
        Match.ANY,
        Arrays.stream(values).map(Literal.Str::new).collect(Collectors.toList()));
  }

  /**
   * {@return {@code attribute contains all ["a", "b"]}}
   *
   * @param attribute the attribute name
   * @param values the constants
   */
  static Condition containsAll(String attribute, String... values) {
    return new Contains(
        attribute,
        Match.ALL,
        Arrays.stream(values).map(Literal.Str::new).collect(Collectors.toList()));
  }

  /**
   * {@return {@code attribute starts_with "prefix"}}
   *
   * @param attribute the attribute name
   * @param prefix the prefix
   */
  static Condition startsWith(String attribute, String prefix) {
    return new Affix(attribute, false, prefix);
  }

  /**
   * {@return {@code attribute ends_with "suffix"}}
   *
   * @param attribute the attribute name
   * @param suffix false for {@code starts_with}, true for {@code ends_with}
   */
  static Condition endsWith(String attribute, String suffix) {
    return new Affix(attribute, true, suffix);
  }

  /**
   * {@return {@code attribute in network, ...}}
   *
   * @param attribute the attribute name
   * @param networks the networks
   */
  static Condition inNetwork(String attribute, Network... networks) {
    return new InNetwork(attribute, List.of(networks));
  }

  /**
   * {@return the conjunction of the operands, or the operand itself when there is one}
   *
   * @param operands the conditions
   */
  static Condition and(Condition... operands) {
    return operands.length == 1 ? operands[0] : new And(List.of(operands));
  }

  /**
   * {@return the disjunction of the operands, or the operand itself when there is one}
   *
   * @param operands the conditions
   */
  static Condition or(Condition... operands) {
    return operands.length == 1 ? operands[0] : new Or(List.of(operands));
  }

  /**
   * {@return the negation of {@code operand}}
   *
   * @param operand the condition
   */
  static Condition not(Condition operand) {
    return new Not(operand);
  }

  private static <T> List<T> atLeastTwo(List<T> operands, String op) {
    List<T> copy = List.copyOf(operands);
    if (copy.size() < 2) {
      throw new IllegalArgumentException("`" + op + "` needs at least two operands");
    }
    return copy;
  }

  private static <T> List<T> nonEmpty(List<T> values, String op) {
    List<T> copy = List.copyOf(values);
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("`" + op + "` needs at least one value");
    }
    return copy;
  }

  private static String list(List<Literal> values) {
    return values.stream().map(Literal::toString).collect(Collectors.joining(", ", "[", "]"));
  }

  private static String join(List<Condition> operands, String op) {
    return operands.stream().map(Condition::parenthesize).collect(Collectors.joining(op));
  }

  private static String parenthesize(Condition c) {
    return c instanceof And || c instanceof Or ? "(" + c + ")" : c.toString();
  }
}

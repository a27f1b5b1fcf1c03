package dev.gatehouse.bench.peers;

import dev.gatehouse.api.policy.Condition;
import dev.gatehouse.api.policy.Literal;
import dev.gatehouse.api.policy.Operator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/**
 * Writes a condition over {@code user.*} attributes as an infix boolean expression in a peer's
 * expression language: the jCasbin (Aviator) and SAPL translations differ only in their operators,
 * the object the user's attributes live in, string quoting and the set test.
 *
 * <p>Refuses, with {@link UnsupportedOperationException}, what the translations do not cover
 * (comparisons other than string {@code ==}/{@code !=}, attributes outside {@code user.*}): the
 * workload does not use them there, and the cross-check would catch a gap.
 */
final class InfixRules {

  private final String language;
  private final String and;
  private final String or;
  private final String subject;
  private final UnaryOperator<String> quote;
  private final BinaryOperator<String> contains;

  /**
   * @param language the peer's name, for messages
   * @param and the conjunction operator, with spaces around it
   * @param or the disjunction operator, with spaces around it
   * @param subject what {@code user.} becomes, such as {@code r.sub.}
   * @param quote writes a string literal
   * @param contains writes "the set field holds the quoted value"
   */
  InfixRules(
      String language,
      String and,
      String or,
      String subject,
      UnaryOperator<String> quote,
      BinaryOperator<String> contains) {
    this.language = language;
    this.and = and;
    this.or = or;
    this.subject = subject;
    this.quote = quote;
    this.contains = contains;
  }

  /** Returns {@code c} as an expression. */
  String write(Condition c) {
    if (c instanceof Condition.Always) {
      return "true";
    } else if (c instanceof Condition.And a) {
      return join(a.operands(), and);
    } else if (c instanceof Condition.Or o) {
      return join(o.operands(), or);
    } else if (c instanceof Condition.Not n) {
      return "!(" + write(n.operand()) + ")";
    } else if (c instanceof Condition.Named n) {
      return write(n.body());
    } else if (c instanceof Condition.Compare cmp
        && cmp.value() instanceof Literal.Str s
        && (cmp.operator() == Operator.EQ || cmp.operator() == Operator.NE)) {
      return field(cmp.attribute()) + " " + cmp.operator().symbol() + " " + quote(s.value());
    } else if (c instanceof Condition.In in) {
      List<String> tests = new ArrayList<>();
      in.values().forEach(v -> tests.add(field(in.attribute()) + " == " + quote(string(v))));
      return "(" + String.join(or, tests) + ")";
    } else if (c instanceof Condition.Contains has) {
      List<String> tests = new ArrayList<>();
      has.values()
          .forEach(v -> tests.add(contains.apply(field(has.attribute()), quote(string(v)))));
      return "(" + String.join(has.match() == Condition.Match.ALL ? and : or, tests) + ")";
    }
    throw new UnsupportedOperationException("no " + language + " translation for `" + c + "`");
  }

  /**
   * Adds the {@code user.*} attributes {@code c} reads to {@code into}, so that a peer's input
   * carries just those.
   */
  static void userAttributes(Condition c, Set<String> into) {
    if (c instanceof Condition.And a) {
      a.operands().forEach(o -> userAttributes(o, into));
    } else if (c instanceof Condition.Or o) {
      o.operands().forEach(x -> userAttributes(x, into));
    } else if (c instanceof Condition.Not n) {
      userAttributes(n.operand(), into);
    } else if (c instanceof Condition.Named n) {
      userAttributes(n.body(), into);
    } else if (c instanceof Condition.Compare cmp) {
      into.add(cmp.attribute());
    } else if (c instanceof Condition.In in) {
      into.add(in.attribute());
    } else if (c instanceof Condition.Contains has) {
      into.add(has.attribute());
    }
  }

  /** Returns {@code s} as a string literal. */
  String quote(String s) {
    return quote.apply(s);
  }

  private String field(String attribute) {
    if (!attribute.startsWith("user.")) {
      throw new UnsupportedOperationException(
          "the " + language + " translation reads only `user.*`, not `" + attribute + "`");
    }
    return subject + attribute.substring("user.".length());
  }

  private static String string(Literal value) {
    return ((Literal.Str) value).value();
  }

  private String join(List<Condition> operands, String op) {
    List<String> parts = new ArrayList<>();
    operands.forEach(o -> parts.add("(" + write(o) + ")"));
    return String.join(op, parts);
  }
}

package dev.gatehouse.dsl.internal;

import dev.gatehouse.api.policy.Condition;
import dev.gatehouse.api.policy.Literal;
import dev.gatehouse.api.policy.Operator;
import dev.gatehouse.dsl.DiagnosticCode;
import dev.gatehouse.dsl.internal.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The recursive-descent parser of expressions, one method per grammar rule. It counts nesting so
 * that deep input is reported, never a stack overflow.
 */
final class ExprParser {

  /** The deepest nesting of parentheses and {@code not} the language accepts. */
  static final int MAX_DEPTH = 64;

  private static final Map<Kind, Operator> OPERATORS =
      Map.of(
          Kind.EQ,
          Operator.EQ,
          Kind.NE,
          Operator.NE,
          Kind.LT,
          Operator.LT,
          Kind.LE,
          Operator.LE,
          Kind.GT,
          Operator.GT,
          Kind.GE,
          Operator.GE);
  private static final List<String> TESTS =
      List.of("in", "contains", "starts_with", "ends_with", "during");
  private static final List<String> RESERVED = List.of("and", "or", "not");
  private static final List<String> CLAUSES =
      List.of("app", "apps", "allow", "when", "to", "on", "block", "require");

  private final Cursor in;
  private int depth;

  ExprParser(Cursor in) {
    this.in = in;
  }

  void reset() {
    depth = 0;
  }

  // expr = or
  Ast.Expr expr() {
    enter();
    Ast.Expr e = or();
    depth--;
    return e;
  }

  private void enter() {
    if (++depth > MAX_DEPTH) {
      in.reporter()
          .error(
              DiagnosticCode.NESTING_TOO_DEEP,
              in.peek().span(),
              "expression is nested more than " + MAX_DEPTH + " levels deep",
              "name parts of it with `condition`");
      throw new Cursor.Recover();
    }
  }

  // or = and { "or" and }
  private Ast.Expr or() {
    Ast.Expr first = and();
    if (!in.peek().is("or")) {
      return first;
    }
    List<Ast.Expr> operands = new ArrayList<>(List.of(first));
    while (in.accept("or")) {
      operands.add(and());
    }
    return new Ast.Or(in.spanFrom(first.span()), operands);
  }

  // and = unary { "and" unary }
  private Ast.Expr and() {
    Ast.Expr first = unary();
    if (!in.peek().is("and")) {
      return first;
    }
    List<Ast.Expr> operands = new ArrayList<>(List.of(first));
    while (in.accept("and")) {
      operands.add(unary());
    }
    return new Ast.And(in.spanFrom(first.span()), operands);
  }

  // unary = "not" unary | primary
  private Ast.Expr unary() {
    if (!in.peek().is("not")) {
      return primary();
    }
    Token not = in.next();
    enter();
    Ast.Expr operand = unary();
    depth--;
    return new Ast.Not(in.spanFrom(not.span()), operand);
  }

  // primary = "(" expr ")" | NAME [ test ]
  private Ast.Expr primary() {
    Token t = in.peek();
    if (t.kind() == Kind.LPAREN) {
      in.next();
      Ast.Expr inner = expr();
      in.expect(Kind.RPAREN, "`)` or an operator such as `and`");
      return new Ast.Group(in.spanFrom(t.span()), inner);
    }
    if (t.kind() != Kind.IDENT || RESERVED.contains(t.text())) {
      throw in.fail("expected a condition");
    }
    in.next();
    Ast.Name name = Parser.name(t);
    Token op = in.peek();
    if (OPERATORS.containsKey(op.kind())) {
      in.next();
      return leaf(name, new Ast.Compare(OPERATORS.get(op.kind()), literal()));
    }
    if (op.kind() == Kind.IDENT && TESTS.contains(op.text())) {
      in.next();
      return leaf(name, test(op.text()));
    }
    return new Ast.Ref(name);
  }

  private Ast.Leaf leaf(Ast.Name attribute, Ast.Test test) {
    return new Ast.Leaf(in.spanFrom(attribute.span()), attribute, test);
  }

  // test = "in" ( list | netRefs ) | "contains" ... | "starts_with" STRING | ... | "during" window
  private Ast.Test test(String word) {
    switch (word) {
      case "in":
        return inTest();
      case "contains":
        return contains();
      case "starts_with":
      case "ends_with":
        Token s = in.expect(Kind.STRING, "a string");
        return new Ast.Affix(word.equals("ends_with"), new Ast.Str(s.text(), s.span()));
      default:
        return window();
    }
  }

  private Ast.Test inTest() {
    Token open = in.peek();
    if (open.kind() == Kind.STRING || open.kind() == Kind.INT) {
      // `in "Sales"`: a single value where a list is needed; say so rather than ask for networks.
      String value =
          open.kind() == Kind.STRING ? new Literal.Str(open.text()).toString() : open.text();
      in.reporter()
          .error(
              DiagnosticCode.UNEXPECTED_TOKEN,
              open.span(),
              "`in` needs a list or network names, found " + open.describe(),
              "write `in [" + value + "]`, or `== " + value + "` for one value");
      throw new Cursor.Recover();
    }
    if (open.kind() != Kind.LBRACKET) {
      return new Ast.InNetworks(netRefs());
    }
    List<Ast.Lit> values = in.list(this::literal);
    Span span = in.spanFrom(open.span());
    if (!in.at(Kind.COMMA)) {
      return new Ast.InList(span, values);
    }
    // A list followed by more networks is a list of blocks: `in [10.0.0.0/8], office`.
    List<Ast.Name> blocks = new ArrayList<>();
    for (Ast.Lit value : values) {
      if (!(value instanceof Ast.Addr || value instanceof Ast.Int)) {
        in.reporter()
            .error(
                DiagnosticCode.UNEXPECTED_TOKEN,
                value.span(),
                "expected an address or CIDR block, found " + Printer.literal(value));
        throw new Cursor.Recover();
      }
      blocks.add(new Ast.Name(Printer.literal(value), value.span()));
    }
    in.next();
    List<Ast.NetRef> refs = new ArrayList<>();
    refs.add(new Ast.NetInline(new Ast.CidrList(span, blocks)));
    refs.addAll(netRefs());
    return new Ast.InNetworks(refs);
  }

  // netRefs = netRef { "," netRef } ; netRef = NAME | "[" cidr, ... "]"
  List<Ast.NetRef> netRefs() {
    List<Ast.NetRef> refs = new ArrayList<>();
    do {
      if (refs.size() == Cursor.MAX_LIST) {
        throw in.fail("expected at most " + Cursor.MAX_LIST + " networks");
      }
      refs.add(netRef());
    } while (in.at(Kind.COMMA) && in.next() != null);
    return refs;
  }

  private Ast.NetRef netRef() {
    if (in.at(Kind.IDENT)) {
      return new Ast.NetName(Parser.name(in.next()));
    }
    if (in.at(Kind.LBRACKET)) {
      Token open = in.peek();
      List<Ast.Name> items =
          in.list(
              () ->
                  Parser.name(
                      in.at(Kind.INT)
                          ? in.next()
                          : in.expect(Kind.ADDRESS, "an address or CIDR block")));
      return new Ast.NetInline(new Ast.CidrList(in.spanFrom(open.span()), items));
    }
    throw in.fail("expected a network name or `[`");
  }

  // contains = "contains" ( "any" list | "all" list | literal )
  private Ast.Test contains() {
    if (in.peek(1).kind() == Kind.LBRACKET && (in.peek().is("any") || in.peek().is("all"))) {
      Condition.Match match = in.next().is("any") ? Condition.Match.ANY : Condition.Match.ALL;
      return new Ast.Contains(match, in.list(this::literal));
    }
    if (in.at(Kind.LBRACKET)) {
      throw in.fail(
          "expected one value; for a list write `contains any [...]` or `contains all" + " [...]`");
    }
    return new Ast.Contains(Condition.Match.ONE, List.of(literal()));
  }

  // window = ( "[" DAY { "," DAY } "]" | "weekdays" | "weekends" ) TIME "-" TIME "in" STRING
  private Ast.During window() {
    Token first = in.peek();
    Ast.Name shorthand = null;
    List<Ast.Name> days = List.of();
    if (first.is("weekdays") || first.is("weekends")) {
      shorthand = Parser.name(in.next());
    } else if (first.kind() == Kind.LBRACKET) {
      days = in.list(() -> Parser.name(in.expect(Kind.IDENT, "a day such as `mon`")));
    } else {
      throw in.fail("expected a list of days, `weekdays` or `weekends`");
    }
    Ast.Name start = Parser.name(in.expect(Kind.TIME, "a time of day such as `08:00`"));
    in.expect(Kind.MINUS);
    Ast.Name end = Parser.name(in.expect(Kind.TIME, "a time of day such as `18:00`"));
    in.expectWord("in");
    Token zone = in.expect(Kind.STRING, "a time zone in quotes, such as \"Europe/Paris\"");
    return new Ast.During(
        in.spanFrom(first.span()),
        shorthand,
        days,
        start,
        end,
        new Ast.Str(zone.text(), zone.span()));
  }

  // literal = STRING | ["-"] INT | DURATION | "true" | "false" | NAME | ADDRESS
  Ast.Lit literal() {
    Token t = in.peek();
    switch (t.kind()) {
      case STRING:
        in.next();
        return new Ast.Str(t.text(), t.span());
      case MINUS:
      case INT:
        return integer();
      case DURATION:
        in.next();
        return new Ast.Dur(t.text(), t.span());
      case ADDRESS:
        in.next();
        return new Ast.Addr(t.text(), t.span());
      case IDENT:
        // A clause keyword opening a line ends an unfinished expression; it is not a symbol.
        if (RESERVED.contains(t.text()) || CLAUSES.contains(t.text()) && in.startsLine()) {
          break;
        }
        in.next();
        return t.is("true") || t.is("false")
            ? new Ast.Bool(t.is("true"), t.span())
            : new Ast.Sym(t.text(), t.span());
      default:
        break;
    }
    throw in.fail("expected a value");
  }

  private Ast.Lit integer() {
    Token first = in.next();
    boolean negative = first.kind() == Kind.MINUS;
    Token digits = negative ? in.expect(Kind.INT) : first;
    Span span = in.spanFrom(first.span());
    try {
      return new Ast.Int(Long.parseLong((negative ? "-" : "") + digits.text()), span);
    } catch (NumberFormatException e) {
      in.reporter()
          .error(
              DiagnosticCode.INVALID_NUMBER,
              span,
              "number `" + (negative ? "-" : "") + digits.text() + "` does not fit in 64 bits");
      return new Ast.Int(0, span);
    }
  }

  static String quoteAll(List<String> words) {
    String joined = words.stream().map(w -> "`" + w + "`").collect(Collectors.joining(", "));
    int last = joined.lastIndexOf(", ");
    return last < 0 ? joined : joined.substring(0, last) + " or " + joined.substring(last + 2);
  }
}

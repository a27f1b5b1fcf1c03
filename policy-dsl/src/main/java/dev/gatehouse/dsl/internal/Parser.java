package dev.gatehouse.dsl.internal;

import dev.gatehouse.dsl.internal.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The recursive-descent parser of declarations and policy bodies, one method per grammar rule;
 * {@link ExprParser} parses expressions. After a syntax error it skips to the next top-level
 * keyword, so one run reports an error in every broken declaration.
 */
final class Parser {

  static final List<String> TOP_LEVEL =
      List.of("schema", "network", "condition", "assign", "restrict", "authenticate", "delegate");

  /** The clauses each policy kind accepts, in the order the printer writes them. */
  static final Map<String, List<String>> CLAUSES =
      Map.of(
          "assign", List.of("app", "when"),
          "restrict", List.of("apps", "allow", "when"),
          "authenticate", List.of("apps", "when", "block", "require"),
          "delegate", List.of("to", "allow", "on"));

  private final Cursor in;
  private final ExprParser expr;

  private Parser(Cursor in) {
    this.in = in;
    this.expr = new ExprParser(in);
  }

  /** Lexes and parses one source, reporting every problem to {@code reporter}. */
  static Ast.File parse(Reporter reporter) {
    Lexer.Result lexed = Lexer.lex(reporter);
    Parser parser = new Parser(new Cursor(lexed.tokens(), reporter));
    return new Ast.File(parser.file(), lexed.comments());
  }

  // file = { decl } EOF
  private List<Ast.Decl> file() {
    List<Ast.Decl> decls = new ArrayList<>();
    while (!in.at(Kind.EOF)) {
      int start = in.position();
      try {
        decls.add(decl());
      } catch (Cursor.Recover e) {
        expr.reset();
        skipToTopLevel(start);
      }
    }
    return decls;
  }

  private void skipToTopLevel(int declStart) {
    if (in.position() == declStart) {
      in.next();
    }
    while (!in.at(Kind.EOF) && !TOP_LEVEL.contains(in.peek().text())) {
      in.next();
    }
  }

  // decl = schema | network | condition | policy
  private Ast.Decl decl() {
    Token t = in.peek();
    if (t.kind() == Kind.IDENT) {
      switch (t.text()) {
        case "schema":
          return schema();
        case "network":
          return network();
        case "condition":
          return condition();
        case "assign":
        case "restrict":
        case "authenticate":
        case "delegate":
          return policy();
        default:
          break;
      }
    }
    throw in.fail(
        "expected `schema`, `network`, `condition`, `assign`, `restrict`, "
            + "`authenticate` or `delegate`",
        TOP_LEVEL);
  }

  // schema = "schema" "{" { NAME ":" type } "}"
  private Ast.SchemaDecl schema() {
    Token keyword = in.next();
    in.expect(Kind.LBRACE);
    List<Ast.AttrDecl> attributes = new ArrayList<>();
    while (!in.at(Kind.RBRACE)) {
      Token name = in.expect(Kind.IDENT, "an attribute name or `}`");
      in.expect(Kind.COLON);
      attributes.add(new Ast.AttrDecl(name(name), type()));
    }
    Token close = in.next();
    return new Ast.SchemaDecl(in.spanFrom(keyword.span()), attributes, close.span().start());
  }

  // type = NAME | "set" "<" NAME ">"
  private Ast.Name type() {
    Token t = in.expect(Kind.IDENT, "a type such as `string` or `int`");
    if (!t.is("set") || !in.at(Kind.LT)) {
      return name(t);
    }
    in.next();
    Token element = in.expect(Kind.IDENT, "an element type");
    in.expect(Kind.GT);
    return new Ast.Name("set<" + element.text() + ">", in.spanFrom(t.span()));
  }

  // network = "network" NAME "=" cidrs
  private Ast.NetworkDecl network() {
    Token keyword = in.next();
    Token name = in.expect(Kind.IDENT, "a network name");
    in.expect(Kind.ASSIGN);
    Ast.CidrList blocks = cidrs();
    return new Ast.NetworkDecl(in.spanFrom(keyword.span()), name(name), blocks);
  }

  // cidrs = "[" [ ADDRESS { "," ADDRESS } ] "]"
  Ast.CidrList cidrs() {
    Token open = in.peek();
    List<Ast.Name> items = in.list(this::cidr);
    return new Ast.CidrList(in.spanFrom(open.span()), items);
  }

  private Ast.Name cidr() {
    if (in.at(Kind.ADDRESS) || in.at(Kind.INT)) {
      return name(in.next());
    }
    throw in.fail("expected an address or CIDR block");
  }

  // condition = "condition" NAME "=" expr
  private Ast.ConditionDecl condition() {
    Token keyword = in.next();
    Token name = in.expect(Kind.IDENT, "a condition name");
    in.expect(Kind.ASSIGN);
    Ast.Expr body = expr.expr();
    return new Ast.ConditionDecl(in.spanFrom(keyword.span()), name(name), body);
  }

  // policy = KIND STRING [ "report-only" ] "{" { clause } "}"
  private Ast.PolicyDecl policy() {
    Token kind = in.next();
    Token id = in.expect(Kind.STRING, "a policy id in quotes");
    boolean reportOnly = in.accept("report-only");
    in.expect(Kind.LBRACE, reportOnly ? "`{`" : "`report-only` or `{`");
    List<Ast.Clause> clauses = new ArrayList<>();
    while (!in.at(Kind.RBRACE)) {
      clauses.add(clause(kind.text()));
    }
    Token close = in.next();
    return new Ast.PolicyDecl(
        in.spanFrom(kind.span()),
        name(kind),
        new Ast.Str(id.text(), id.span()),
        reportOnly,
        clauses,
        close.span().start());
  }

  // clause = grant | apps | allow | when | to | on | block | require
  private Ast.Clause clause(String kind) {
    List<String> allowed = CLAUSES.get(kind);
    Token t = in.peek();
    if (t.kind() != Kind.IDENT || !allowed.contains(t.text())) {
      List<String> expected = new ArrayList<>(allowed);
      expected.add("}");
      throw in.fail("expected " + ExprParser.quoteAll(expected) + " in " + kind, allowed);
    }
    in.next();
    switch (t.text()) {
      case "app":
        return grant(t);
      case "apps":
        return new Ast.AppsClause(t.span(), in.list(this::string));
      case "allow":
        return kind.equals("restrict") ? allowFrom(t) : allowActions(t);
      case "block":
        return new Ast.BlockClause(t.span());
      case "require":
        return require(t);
      default:
        Ast.Expr e = expr.expr();
        return new Ast.ExprClause(in.spanFrom(t.span()), name(t), e);
    }
  }

  // grant = "app" STRING "role" STRING
  private Ast.GrantClause grant(Token keyword) {
    Ast.Str app = string();
    in.expectWord("role");
    Ast.Str role = string();
    return new Ast.GrantClause(in.spanFrom(keyword.span()), app, role);
  }

  // allowFrom = "allow" "from" netRef { "," netRef }
  private Ast.AllowFromClause allowFrom(Token keyword) {
    in.expectWord("from");
    List<Ast.NetRef> networks = expr.netRefs();
    return new Ast.AllowFromClause(in.spanFrom(keyword.span()), networks);
  }

  // allowActions = "allow" "[" action { "," action } "]"
  private Ast.AllowActionsClause allowActions(Token keyword) {
    List<Ast.Name> actions = in.list(this::action);
    return new Ast.AllowActionsClause(in.spanFrom(keyword.span()), actions);
  }

  private Ast.Name action() {
    if (in.at(Kind.IDENT) || in.at(Kind.STAR)) {
      return name(in.next());
    }
    throw in.fail("expected an admin action such as `user.create`");
  }

  // require = "require" ( "sso" | "mfa" "[" NAME { "," NAME } "]" "within" DURATION )
  private Ast.Clause require(Token keyword) {
    if (in.accept("sso")) {
      return new Ast.RequireSsoClause(in.spanFrom(keyword.span()));
    }
    if (!in.accept("mfa")) {
      throw in.fail("expected `mfa` or `sso`", List.of("mfa", "sso"));
    }
    List<Ast.Name> factors = in.list(() -> name(in.expect(Kind.IDENT, "a factor")));
    in.expectWord("within");
    Token within = in.expect(Kind.DURATION, "a duration such as `15m` or `8h`");
    return new Ast.RequireMfaClause(
        in.spanFrom(keyword.span()), factors, new Ast.Dur(within.text(), within.span()));
  }

  private Ast.Str string() {
    Token t = in.expect(Kind.STRING, "a string");
    return new Ast.Str(t.text(), t.span());
  }

  static Ast.Name name(Token t) {
    return new Ast.Name(t.text(), t.span());
  }
}

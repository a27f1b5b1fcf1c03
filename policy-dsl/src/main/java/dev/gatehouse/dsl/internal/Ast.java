package dev.gatehouse.dsl.internal;

import dev.gatehouse.api.policy.Operator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The syntax tree of one source, as written, with the span of every node. */
final class Ast {

  private Ast() {}

  /** A parsed source: its declarations and its comments. */
  record File(List<Decl> decls, List<Comment> comments) {}

  /** A {@code #} comment and where it starts. */
  record Comment(int offset, String text) {}

  /** A name as written, such as {@code user.department} or {@code office}. */
  record Name(String text, Span span) {}

  /** A top-level declaration. */
  sealed interface Decl permits SchemaDecl, NetworkDecl, ConditionDecl, PolicyDecl {
    Span span();
  }

  /** {@code schema { name: type ... }}; {@code close} is the offset of its closing brace. */
  record SchemaDecl(Span span, List<AttrDecl> attributes, int close) implements Decl {}

  /** {@code name: type} in a schema block. */
  record AttrDecl(Name name, Name type) {}

  /** {@code network name = [cidr, ...]}. */
  record NetworkDecl(Span span, Name name, CidrList blocks) implements Decl {}

  /** {@code condition name = expr}. */
  record ConditionDecl(Span span, Name name, Expr body) implements Decl {}

  /** A policy of any kind; {@code close} is the offset of its closing brace. */
  record PolicyDecl(
      Span span, Name kind, Str id, boolean reportOnly, List<Clause> clauses, int close)
      implements Decl {}

  /** {@code [cidr, ...]}: addresses and CIDR blocks as written. */
  record CidrList(Span span, List<Name> items) {}

  /** A clause of a policy body. */
  sealed interface Clause {
    Span span();
  }

  /** {@code app "a" role "r"}. */
  record GrantClause(Span span, Str app, Str role) implements Clause {}

  /** {@code when expr}, {@code to expr} or {@code on expr}; the keyword says which. */
  record ExprClause(Span span, Name keyword, Expr expr) implements Clause {}

  /** {@code apps ["a", ...]}. */
  record AppsClause(Span span, List<Str> apps) implements Clause {}

  /** {@code allow from net, ...}. */
  record AllowFromClause(Span span, List<NetRef> networks) implements Clause {}

  /** {@code allow [action, ...]}. */
  record AllowActionsClause(Span span, List<Name> actions) implements Clause {}

  /** {@code block}. */
  record BlockClause(Span span) implements Clause {}

  /** {@code require mfa [factor, ...] within duration}. */
  record RequireMfaClause(Span span, List<Name> factors, Lit within) implements Clause {}

  /** {@code require sso}. */
  record RequireSsoClause(Span span) implements Clause {}

  /** A network where one is expected: a name, or an inline list of blocks. */
  sealed interface NetRef permits NetName, NetInline {
    Span span();
  }

  /** A network named by a {@code network} declaration. */
  record NetName(Name name) implements NetRef {
    @Override
    public Span span() {
      return name.span();
    }
  }

  /** An inline list of blocks. */
  record NetInline(CidrList blocks) implements NetRef {
    @Override
    public Span span() {
      return blocks.span();
    }
  }

  /** An expression: a condition as written. */
  sealed interface Expr permits Or, And, Not, Group, Ref, Leaf {
    Span span();
  }

  /** {@code a or b or ...}. */
  record Or(Span span, List<Expr> operands) implements Expr {}

  /** {@code a and b and ...}. */
  record And(Span span, List<Expr> operands) implements Expr {}

  /** {@code not a}. */
  record Not(Span span, Expr operand) implements Expr {}

  /** {@code (a)}: kept so that the printer writes the parentheses back. */
  record Group(Span span, Expr inner) implements Expr {}

  /** The name of a declared condition. */
  record Ref(Name name) implements Expr {
    @Override
    public Span span() {
      return name.span();
    }
  }

  /** A test of one attribute, such as {@code user.country in ["FR"]}. */
  record Leaf(Span span, Name attribute, Test test) implements Expr {}

  /** What a leaf tests. */
  sealed interface Test permits Compare, InList, InNetworks, Contains, Affix, During {}

  /** {@code op value}. */
  record Compare(Operator operator, Lit value) implements Test {}

  /** {@code in [values]}. */
  record InList(Span span, List<Lit> values) implements Test {}

  /** {@code in net, ...} with at least one named network first. */
  record InNetworks(List<NetRef> networks) implements Test {}

  /** {@code contains v}, {@code contains any [..]}, {@code contains all [..]}. */
  record Contains(dev.gatehouse.api.policy.Condition.Match match, List<Lit> values)
      implements Test {}

  /** {@code starts_with "x"} or {@code ends_with "x"}. */
  record Affix(boolean suffix, Str value) implements Test {}

  /** {@code during days hh:mm-hh:mm in "zone"}; {@code shorthand} replaces the day list. */
  record During(
      Span span, @Nullable Name shorthand, List<Name> days, Name start, Name end, Str zone)
      implements Test {}

  /** A constant. */
  sealed interface Lit permits Str, Int, Dur, Bool, Sym, Addr {
    Span span();
  }

  /** A string; {@code value} is decoded. */
  record Str(String value, Span span) implements Lit {}

  /** An int. */
  record Int(long value, Span span) implements Lit {}

  /** A duration as written, such as {@code 15m}. */
  record Dur(String text, Span span) implements Lit {}

  /** {@code true} or {@code false}. */
  record Bool(boolean value, Span span) implements Lit {}

  /** A bare symbol such as {@code high} or {@code webauthn}. */
  record Sym(String name, Span span) implements Lit {}

  /** An address or CIDR block as written. */
  record Addr(String text, Span span) implements Lit {}
}

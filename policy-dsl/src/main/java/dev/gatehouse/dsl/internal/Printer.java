package dev.gatehouse.dsl.internal;

import dev.gatehouse.api.policy.Literal;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes a syntax tree in the canonical layout: one declaration or clause per line, two-space
 * indent, single spaces, a blank line between declarations (none between consecutive networks or
 * conditions). Each comment is written on its own line before the declaration, clause or closing
 * brace that follows it, so a second run changes nothing.
 */
final class Printer {

  private final StringBuilder out = new StringBuilder();
  private final List<Ast.Comment> comments;
  private int nextComment;

  private Printer(List<Ast.Comment> comments) {
    this.comments = comments;
  }

  static String print(Ast.File file) {
    Printer p = new Printer(file.comments());
    Ast.Decl previous = null;
    for (Ast.Decl d : file.decls()) {
      if (previous != null && !(sameGroup(previous, d) && !p.hasCommentsBefore(d.span().start()))) {
        p.out.append('\n');
      }
      p.comments(d.span().start(), "");
      p.decl(d);
      previous = d;
    }
    if (previous != null && p.hasCommentsBefore(Integer.MAX_VALUE)) {
      p.out.append('\n');
    }
    p.comments(Integer.MAX_VALUE, "");
    return p.out.toString();
  }

  private static boolean sameGroup(Ast.Decl a, Ast.Decl b) {
    return a instanceof Ast.NetworkDecl && b instanceof Ast.NetworkDecl
        || a instanceof Ast.ConditionDecl && b instanceof Ast.ConditionDecl;
  }

  private boolean hasCommentsBefore(int offset) {
    return nextComment < comments.size() && comments.get(nextComment).offset() < offset;
  }

  private void comments(int before, String indent) {
    while (hasCommentsBefore(before)) {
      out.append(indent).append(comments.get(nextComment++).text()).append('\n');
    }
  }

  private void decl(Ast.Decl d) {
    if (d instanceof Ast.SchemaDecl s) {
      out.append("schema {\n");
      for (Ast.AttrDecl a : s.attributes()) {
        comments(a.name().span().start(), "  ");
        out.append("  ").append(a.name().text()).append(": ").append(a.type().text()).append('\n');
      }
      comments(s.close(), "  ");
      out.append("}\n");
    } else if (d instanceof Ast.NetworkDecl n) {
      out.append("network ")
          .append(n.name().text())
          .append(" = ")
          .append(cidrs(n.blocks()))
          .append('\n');
    } else if (d instanceof Ast.ConditionDecl c) {
      out.append("condition ")
          .append(c.name().text())
          .append(" = ")
          .append(expr(c.body()))
          .append('\n');
    } else {
      policy((Ast.PolicyDecl) d);
    }
  }

  private void policy(Ast.PolicyDecl p) {
    out.append(p.kind().text()).append(' ').append(literal(p.id()));
    out.append(p.reportOnly() ? " report-only {\n" : " {\n");
    for (Ast.Clause c : p.clauses()) {
      comments(c.span().start(), "  ");
      out.append("  ").append(clause(c)).append('\n');
    }
    comments(p.close(), "  ");
    out.append("}\n");
  }

  static String clause(Ast.Clause c) {
    if (c instanceof Ast.GrantClause g) {
      return "app " + literal(g.app()) + " role " + literal(g.role());
    } else if (c instanceof Ast.ExprClause e) {
      return e.keyword().text() + " " + expr(e.expr());
    } else if (c instanceof Ast.AppsClause a) {
      return "apps " + list(a.apps(), Printer::literal);
    } else if (c instanceof Ast.AllowFromClause a) {
      return "allow from " + netRefs(a.networks());
    } else if (c instanceof Ast.AllowActionsClause a) {
      return "allow " + list(a.actions(), Ast.Name::text);
    } else if (c instanceof Ast.RequireMfaClause m) {
      return "require mfa " + list(m.factors(), Ast.Name::text) + " within " + literal(m.within());
    }
    return c instanceof Ast.BlockClause ? "block" : "require sso";
  }

  static String expr(Ast.Expr e) {
    if (e instanceof Ast.Or o) {
      return o.operands().stream()
          .map(x -> operand(x, x instanceof Ast.Or))
          .collect(Collectors.joining(" or "));
    } else if (e instanceof Ast.And a) {
      return a.operands().stream()
          .map(x -> operand(x, x instanceof Ast.Or || x instanceof Ast.And))
          .collect(Collectors.joining(" and "));
    } else if (e instanceof Ast.Not n) {
      return "not "
          + operand(n.operand(), n.operand() instanceof Ast.Or || n.operand() instanceof Ast.And);
    } else if (e instanceof Ast.Group g) {
      return "(" + expr(g.inner()) + ")";
    } else if (e instanceof Ast.Ref r) {
      return r.name().text();
    }
    Ast.Leaf leaf = (Ast.Leaf) e;
    return leaf.attribute().text() + " " + test(leaf.test());
  }

  private static String operand(Ast.Expr e, boolean parenthesize) {
    return parenthesize ? "(" + expr(e) + ")" : expr(e);
  }

  private static String test(Ast.Test t) {
    if (t instanceof Ast.Compare c) {
      return c.operator().symbol() + " " + literal(c.value());
    } else if (t instanceof Ast.InList in) {
      return "in " + list(in.values(), Printer::literal);
    } else if (t instanceof Ast.InNetworks in) {
      return "in " + netRefs(in.networks());
    } else if (t instanceof Ast.Contains c) {
      return switch (c.match()) {
        case ONE -> "contains " + literal(c.values().get(0));
        case ANY -> "contains any " + list(c.values(), Printer::literal);
        case ALL -> "contains all " + list(c.values(), Printer::literal);
      };
    } else if (t instanceof Ast.Affix a) {
      return (a.suffix() ? "ends_with " : "starts_with ") + literal(a.value());
    }
    Ast.During d = (Ast.During) t;
    String days = d.shorthand() != null ? d.shorthand().text() : list(d.days(), Ast.Name::text);
    return "during "
        + days
        + " "
        + d.start().text()
        + "-"
        + d.end().text()
        + " in "
        + literal(d.zone());
  }

  private static String netRefs(List<Ast.NetRef> refs) {
    return refs.stream()
        .map(
            r -> r instanceof Ast.NetName n ? n.name().text() : cidrs(((Ast.NetInline) r).blocks()))
        .collect(Collectors.joining(", "));
  }

  private static String cidrs(Ast.CidrList list) {
    return list(list.items(), Ast.Name::text);
  }

  private static <T> String list(List<T> items, Function<T, String> show) {
    return items.stream().map(show).collect(Collectors.joining(", ", "[", "]"));
  }

  static String literal(Ast.Lit lit) {
    if (lit instanceof Ast.Str s) {
      return new Literal.Str(s.value()).toString();
    } else if (lit instanceof Ast.Int i) {
      return Long.toString(i.value());
    } else if (lit instanceof Ast.Dur d) {
      return d.text();
    } else if (lit instanceof Ast.Bool b) {
      return Boolean.toString(b.value());
    } else if (lit instanceof Ast.Sym s) {
      return s.name();
    }
    return ((Ast.Addr) lit).text();
  }
}

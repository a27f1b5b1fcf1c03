package dev.gatehouse.dsl.internal;

import dev.gatehouse.api.Attribute;
import dev.gatehouse.api.AttributeType;
import dev.gatehouse.api.Schema;
import dev.gatehouse.api.policy.Condition;
import dev.gatehouse.api.policy.ConditionChecker;
import dev.gatehouse.api.policy.ConditionProblem;
import dev.gatehouse.api.policy.Literal;
import dev.gatehouse.api.policy.Network;
import dev.gatehouse.api.policy.TimeWindow;
import dev.gatehouse.dsl.DiagnosticCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Lowers expressions to model conditions, resolving names and checking types with the model's own
 * {@link ConditionChecker}. Every method returns null after reporting an error, and carries on with
 * the siblings so that all errors are found.
 */
final class ExprLowering {

  private static final Network PLACEHOLDER = Network.inline("0.0.0.0/0");

  private final Schema schema;
  private final Declarations declarations;

  /** The expanded size of every policy condition lowered so far, for the set-wide limit. */
  private long policyConditions;

  /**
   * Adds a policy condition's expanded size to the set's total; returns false once the total passes
   * {@link ConditionChecker#MAX_TOTAL_EXPANDED_SIZE}.
   */
  boolean countPolicyCondition(long expandedSize) {
    boolean within = policyConditions <= ConditionChecker.MAX_TOTAL_EXPANDED_SIZE;
    policyConditions = ConditionChecker.saturatedAdd(policyConditions, expandedSize);
    return !within || policyConditions <= ConditionChecker.MAX_TOTAL_EXPANDED_SIZE;
  }

  ExprLowering(Schema schema, Declarations declarations) {
    this.schema = schema;
    this.declarations = declarations;
  }

  boolean isAttribute(String name) {
    return schema.attribute(name).isPresent();
  }

  @Nullable Condition lower(Ast.Expr e, Reporter r) {
    if (e instanceof Ast.Group g) {
      return lower(g.inner(), r);
    } else if (e instanceof Ast.Not n) {
      Condition operand = lower(n.operand(), r);
      return operand == null ? null : new Condition.Not(operand);
    } else if (e instanceof Ast.And a) {
      List<Condition> operands = lowerAll(a.operands(), r);
      return operands == null ? null : new Condition.And(operands);
    } else if (e instanceof Ast.Or o) {
      List<Condition> operands = lowerAll(o.operands(), r);
      return operands == null ? null : new Condition.Or(operands);
    } else if (e instanceof Ast.Ref ref) {
      return declarations.condition(ref.name(), r);
    }
    return leaf((Ast.Leaf) e, r);
  }

  private @Nullable List<Condition> lowerAll(List<Ast.Expr> exprs, Reporter r) {
    List<Condition> out = new ArrayList<>();
    boolean ok = true;
    for (Ast.Expr operand : exprs) {
      Condition c = lower(operand, r);
      ok &= c != null;
      out.add(c);
    }
    return ok ? out : null;
  }

  private @Nullable Condition leaf(Ast.Leaf leaf, Reporter r) {
    String name = leaf.attribute().text();
    Attribute attribute = schema.attribute(name).orElse(null);
    if (attribute == null) {
      r.modelError(
          DiagnosticCode.UNKNOWN_ATTRIBUTE, leaf.attribute().span(), schema.unknownMessage(name));
      return null;
    }
    Condition.Leaf c = build(leaf, attribute, r);
    if (c == null) {
      return null;
    }
    ConditionProblem problem = ConditionChecker.checkLeaf(schema, c);
    if (problem == null) {
      return inRange(leaf, attribute, r) ? c : null;
    }
    switch (problem.kind()) {
      case UNKNOWN_SYMBOL:
        r.modelError(DiagnosticCode.UNKNOWN_SYMBOL, literalSpan(leaf, problem), problem.message());
        break;
      case UNKNOWN_FACTOR:
        r.modelError(DiagnosticCode.UNKNOWN_FACTOR, literalSpan(leaf, problem), problem.message());
        break;
      case UNKNOWN_ATTRIBUTE:
        r.modelError(DiagnosticCode.UNKNOWN_ATTRIBUTE, leaf.attribute().span(), problem.message());
        break;
      default:
        r.modelError(DiagnosticCode.TYPE_MISMATCH, leaf.span(), problem.message());
    }
    return null;
  }

  /** Reports each int constant outside the attribute's range, such as 0..100 for a score. */
  private static boolean inRange(Ast.Leaf leaf, Attribute attribute, Reporter r) {
    boolean ok = true;
    for (Ast.Lit lit : literals(leaf.test())) {
      if (lit instanceof Ast.Int i && !attribute.type().accepts(i.value())) {
        ok = false;
        r.error(
            DiagnosticCode.TYPE_MISMATCH,
            lit.span(),
            "`"
                + i.value()
                + "` is out of range for `"
                + attribute.name()
                + "`, which is "
                + article(attribute.type()));
      }
    }
    return ok;
  }

  /** Returns the message for a name that is not an attribute, with a suggestion if one is near. */
  String unknownAttribute(String name) {
    return schema.unknownMessage(name);
  }

  /** Returns the span of the constant a problem is about, or the whole leaf. */
  private static Span literalSpan(Ast.Leaf leaf, ConditionProblem problem) {
    for (Ast.Lit lit : literals(leaf.test())) {
      if (lit instanceof Ast.Sym s && new Literal.Symbol(s.name()).equals(problem.literal())
          || lit instanceof Ast.Str s2 && new Literal.Str(s2.value()).equals(problem.literal())) {
        return lit.span();
      }
    }
    return leaf.span();
  }

  private static List<Ast.Lit> literals(Ast.Test test) {
    if (test instanceof Ast.Compare c) {
      return List.of(c.value());
    } else if (test instanceof Ast.InList in) {
      return in.values();
    } else if (test instanceof Ast.Contains c) {
      return c.values();
    }
    return List.of();
  }

  private Condition.@Nullable Leaf build(Ast.Leaf leaf, Attribute attribute, Reporter r) {
    String name = attribute.name();
    Ast.Test test = leaf.test();
    if (test instanceof Ast.Compare c) {
      Literal value = literal(c.value(), attribute, r);
      return value == null ? null : new Condition.Compare(name, c.operator(), value);
    } else if (test instanceof Ast.InList in) {
      return inList(leaf, in, attribute, r);
    } else if (test instanceof Ast.InNetworks in) {
      if (attribute.type().kind() != AttributeType.Kind.IP) {
        return new Condition.InNetwork(name, List.of(PLACEHOLDER));
      }
      List<Network> networks = declarations.networks(in.networks(), r);
      return networks == null ? null : new Condition.InNetwork(name, networks);
    } else if (test instanceof Ast.Contains c) {
      List<Literal> values = literals(c.values(), attribute, r);
      return values == null ? null : new Condition.Contains(name, c.match(), values);
    } else if (test instanceof Ast.Affix a) {
      return new Condition.Affix(name, a.suffix(), a.value().value());
    }
    TimeWindow window = Values.window((Ast.During) test, r);
    return window == null ? null : new Condition.InWindow(name, window);
  }

  private Condition.@Nullable Leaf inList(
      Ast.Leaf leaf, Ast.InList in, Attribute attribute, Reporter r) {
    if (in.values().isEmpty()) {
      r.error(
          DiagnosticCode.EMPTY_LIST,
          in.span(),
          "`in` needs at least one value",
          "an empty list matches nothing");
      return null;
    }
    if (attribute.type().kind() != AttributeType.Kind.IP) {
      List<Literal> values = literals(in.values(), attribute, r);
      return values == null ? null : new Condition.In(attribute.name(), values);
    }
    List<Ast.Name> items = new ArrayList<>();
    for (Ast.Lit lit : in.values()) {
      if (!(lit instanceof Ast.Addr || lit instanceof Ast.Int)) {
        r.error(
            DiagnosticCode.TYPE_MISMATCH,
            lit.span(),
            "`"
                + attribute.name()
                + "` is an ip, but "
                + Printer.literal(lit)
                + " is not an address",
            "list addresses or CIDR blocks, such as `[10.0.0.0/8]`");
        return null;
      }
      items.add(new Ast.Name(Printer.literal(lit), lit.span()));
    }
    Network network = Values.network("", new Ast.CidrList(in.span(), items), r);
    return network == null ? null : new Condition.InNetwork(attribute.name(), List.of(network));
  }

  private @Nullable List<Literal> literals(List<Ast.Lit> lits, Attribute attribute, Reporter r) {
    List<Literal> out = new ArrayList<>();
    boolean ok = true;
    for (Ast.Lit lit : lits) {
      Literal value = literal(lit, attribute, r);
      ok &= value != null;
      out.add(value);
    }
    return ok ? out : null;
  }

  private static @Nullable Literal literal(Ast.Lit lit, Attribute attribute, Reporter r) {
    if (lit instanceof Ast.Str s) {
      return new Literal.Str(s.value());
    } else if (lit instanceof Ast.Int i) {
      return new Literal.Int(i.value());
    } else if (lit instanceof Ast.Bool b) {
      return new Literal.Bool(b.value());
    } else if (lit instanceof Ast.Sym s) {
      return new Literal.Symbol(s.name());
    } else if (lit instanceof Ast.Dur d) {
      Duration duration = Values.duration(d, r);
      return duration == null ? null : new Literal.Dur(duration);
    }
    String text = ((Ast.Addr) lit).text();
    String name = attribute.name();
    if (attribute.type().kind() == AttributeType.Kind.IP) {
      r.modelError(
          DiagnosticCode.TYPE_MISMATCH,
          lit.span(),
          "`" + name + "` is an ip; test it with `in`, such as `" + name + " in [" + text + "]`");
    } else {
      r.error(
          DiagnosticCode.TYPE_MISMATCH,
          lit.span(),
          "`" + name + "` is " + article(attribute.type()) + ", but `" + text + "` is an address");
    }
    return null;
  }

  static String article(AttributeType type) {
    String t = type.toString();
    return (t.startsWith("int") || t.startsWith("ip") ? "an " : "a ") + t;
  }
}

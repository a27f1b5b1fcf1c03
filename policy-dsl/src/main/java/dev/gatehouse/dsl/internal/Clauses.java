package dev.gatehouse.dsl.internal;

import dev.gatehouse.api.policy.Condition;
import dev.gatehouse.api.policy.ConditionChecker;
import dev.gatehouse.dsl.DiagnosticCode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** The clauses of one policy, with the checks of which must, may and may not appear together. */
final class Clauses {

  private final Ast.PolicyDecl policy;
  private final Reporter reporter;

  Clauses(Ast.PolicyDecl policy, Reporter reporter) {
    this.policy = policy;
    this.reporter = reporter;
  }

  /** Returns the clause's keyword as a message names it, such as {@code require mfa}. */
  static String keyword(Ast.Clause c) {
    if (c instanceof Ast.GrantClause) {
      return "app";
    } else if (c instanceof Ast.ExprClause e) {
      return e.keyword().text();
    } else if (c instanceof Ast.AppsClause) {
      return "apps";
    } else if (c instanceof Ast.AllowFromClause) {
      return "allow from";
    } else if (c instanceof Ast.AllowActionsClause) {
      return "allow";
    } else if (c instanceof Ast.BlockClause) {
      return "block";
    } else if (c instanceof Ast.RequireMfaClause) {
      return "require mfa";
    }
    return "require sso";
  }

  /** Reports repeated, missing and conflicting clauses; returns whether there were none. */
  boolean check() {
    boolean ok = true;
    Map<String, Ast.Clause> seen = new HashMap<>();
    for (Ast.Clause c : policy.clauses()) {
      String k = keyword(c);
      if (!k.equals("app") && seen.putIfAbsent(k, c) != null) {
        ok = false;
        reporter.error(
            DiagnosticCode.DUPLICATE_CLAUSE,
            c.span(),
            "`" + k + "` appears twice in " + name(),
            c instanceof Ast.ExprClause ? "combine the conditions with `and`" : "remove one");
      }
    }
    String kind = policy.kind().text();
    ok &=
        switch (kind) {
          case "assign" -> require("app", "app \"name\" role \"role\"");
          case "restrict" -> require("allow from", "allow from NETWORK");
          case "delegate" ->
              require("to", "to CONDITION") & require("allow", "allow [ACTION, ...]");
          default -> authenticateClauses();
        };
    return ok;
  }

  private boolean authenticateClauses() {
    Ast.Clause block = first("block");
    Ast.Clause require =
        policy.clauses().stream()
            .filter(c -> keyword(c).startsWith("require"))
            .findFirst()
            .orElse(null);
    if (block == null && require == null) {
      missing(
          "`block` or `require`",
          "add `block`, `require mfa [...] within ...` or " + "`require sso`");
      return false;
    }
    if (block != null && require != null) {
      Ast.Clause later = block.span().start() > require.span().start() ? block : require;
      reporter.error(
          DiagnosticCode.CONFLICTING_CLAUSES,
          later.span(),
          "`block` cannot be combined with `require` in " + name(),
          "a blocked request is denied outright; remove one of them");
      return false;
    }
    return true;
  }

  private boolean require(String keyword, String example) {
    if (first(keyword) != null) {
      return true;
    }
    missing("`" + keyword + "`", "add `" + example + "`");
    return false;
  }

  private void missing(String what, String help) {
    reporter.error(
        DiagnosticCode.MISSING_CLAUSE,
        policy.kind().span().to(policy.id().span()),
        name() + " has no " + what + " clause",
        help);
  }

  private String name() {
    return policy.kind().text() + " `" + policy.id().value() + "`";
  }

  /** Returns the first clause with the keyword, or null. */
  Ast.@Nullable Clause first(String keyword) {
    return policy.clauses().stream()
        .filter(c -> keyword(c).equals(keyword))
        .findFirst()
        .orElse(null);
  }

  /** Returns the first clause of a type, or null. */
  <T extends Ast.Clause> @Nullable T one(Class<T> type) {
    List<T> all = all(type);
    return all.isEmpty() ? null : all.get(0);
  }

  /** Returns the clauses of a type, in order. */
  <T extends Ast.Clause> List<T> all(Class<T> type) {
    return policy.clauses().stream()
        .filter(type::isInstance)
        .map(type::cast)
        .collect(Collectors.toList());
  }

  /** Returns the lowered condition of a keyword's clause, always-true when absent, or null. */
  @Nullable Condition condition(String keyword, ExprLowering lowering, Reporter r) {
    Ast.Clause c = first(keyword);
    if (c == null) {
      return Condition.ALWAYS;
    }
    Condition lowered = lowering.lower(((Ast.ExprClause) c).expr(), r);
    if (lowered == null) {
      return null;
    }
    long size = ConditionChecker.expandedSize(lowered);
    if (size > ConditionChecker.MAX_EXPANDED_SIZE) {
      r.error(
          DiagnosticCode.CONDITION_TOO_LARGE,
          c.span(),
          "the `" + keyword + "` condition " + Declarations.tooLarge(),
          "name fewer copies of the same condition, or restate it without repeating them");
      return null;
    }
    if (!lowering.countPolicyCondition(size)) {
      // Reported once, at the condition that passes the limit.
      r.error(
          DiagnosticCode.CONDITION_TOO_LARGE,
          c.span(),
          "with this `"
              + keyword
              + "` condition the policies' conditions expand to more than "
              + String.format(
                  java.util.Locale.ROOT, "%,d", ConditionChecker.MAX_TOTAL_EXPANDED_SIZE)
              + " tests and operators in all",
          "name fewer copies of the same condition in the policies");
      return null;
    }
    return lowered;
  }
}

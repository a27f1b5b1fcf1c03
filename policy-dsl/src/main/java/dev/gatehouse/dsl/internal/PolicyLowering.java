package dev.gatehouse.dsl.internal;

import dev.gatehouse.api.Factor;
import dev.gatehouse.api.internal.Suggestions;
import dev.gatehouse.api.policy.AssignPolicy;
import dev.gatehouse.api.policy.AuthenticatePolicy;
import dev.gatehouse.api.policy.Condition;
import dev.gatehouse.api.policy.DelegatePolicy;
import dev.gatehouse.api.policy.Grant;
import dev.gatehouse.api.policy.Network;
import dev.gatehouse.api.policy.Policy;
import dev.gatehouse.api.policy.RestrictPolicy;
import dev.gatehouse.api.policy.SourceRef;
import dev.gatehouse.dsl.DiagnosticCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Lowers policy declarations to model policies: checks ids (unique across all sources), clause
 * counts and combinations, apps, factors and actions, and lowers their conditions.
 */
final class PolicyLowering {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:/-]{1,200}");
  private static final Pattern ACTION =
      Pattern.compile("\\*|[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)*(\\.\\*)?");

  private record Seen(Reporter reporter, Span span) {}

  private final ExprLowering lowering;
  private final Declarations declarations;
  private final Map<String, Seen> ids = new HashMap<>();

  PolicyLowering(ExprLowering lowering, Declarations declarations) {
    this.lowering = lowering;
    this.declarations = declarations;
  }

  /** Returns the policy, or null after reporting every problem in it. */
  @Nullable Policy lower(Ast.PolicyDecl p, Reporter r) {
    Clauses clauses = new Clauses(p, r);
    boolean ok = checkId(p, r) & clauses.check();
    Condition when = clauses.condition("when", lowering, r);
    ok &= when != null;
    SourceRef source =
        new SourceRef(
            r.source().name(),
            r.source().line(p.span().start()),
            r.source().column(p.span().start()));
    // The kind's own checks run even when the id or clauses are wrong, so that all are reported;
    // a null condition tells them not to build the policy.
    Condition checked = ok ? when : null;
    return switch (p.kind().text()) {
      case "assign" -> assign(p, clauses, checked, source, r);
      case "restrict" -> restrict(p, clauses, checked, source, r);
      case "authenticate" -> authenticate(p, clauses, checked, source, r);
      default -> delegate(p, clauses, ok, source, r);
    };
  }

  private boolean checkId(Ast.PolicyDecl p, Reporter r) {
    String id = p.id().value();
    if (!ID.matcher(id).matches()) {
      r.error(
          DiagnosticCode.INVALID_POLICY_ID,
          p.id().span(),
          "invalid policy id `" + id + "`",
          "use 1 to 200 letters, digits, `-`, `_`, `.`, `:` or `/`");
      return false;
    }
    Seen first = ids.putIfAbsent(id, new Seen(r, p.id().span()));
    if (first != null) {
      r.error(
          DiagnosticCode.DUPLICATE_POLICY_ID,
          p.id().span(),
          "policy id `"
              + id
              + "` is already used at "
              + Declarations.where(first.reporter(), first.span()),
          "policy ids must be unique across all files of a policy set");
      return false;
    }
    return true;
  }

  private @Nullable Policy assign(
      Ast.PolicyDecl p, Clauses c, @Nullable Condition when, SourceRef source, Reporter r) {
    List<Grant> grants = new ArrayList<>();
    boolean ok = true;
    for (Ast.GrantClause g : c.all(Ast.GrantClause.class)) {
      ok &= nonEmpty(g.app(), "app", r) & nonEmpty(g.role(), "role", r);
      if (ok) {
        grants.add(new Grant(g.app().value(), g.role().value()));
      }
    }
    if (c.first("when") == null) {
      Warnings.assignWithoutWhen(p, r);
    } else if (when != null) {
      Warnings.neverMatches(p, c.first("when"), when, r);
    }
    if (!ok || when == null || grants.isEmpty()) {
      return null;
    }
    return new AssignPolicy(p.id().value(), grants, when, p.reportOnly(), source);
  }

  private @Nullable Policy restrict(
      Ast.PolicyDecl p, Clauses c, @Nullable Condition when, SourceRef source, Reporter r) {
    List<String> apps = apps(c, r);
    Ast.AllowFromClause allow = c.one(Ast.AllowFromClause.class);
    List<Network> networks = allow == null ? null : declarations.networks(allow.networks(), r);
    if (when != null && c.first("when") != null) {
      Warnings.neverMatches(p, c.first("when"), when, r);
    }
    if (apps == null || networks == null || when == null) {
      return null;
    }
    return new RestrictPolicy(p.id().value(), apps, networks, when, p.reportOnly(), source);
  }

  private @Nullable Policy authenticate(
      Ast.PolicyDecl p, Clauses c, @Nullable Condition when, SourceRef source, Reporter r) {
    List<String> apps = apps(c, r);
    Ast.RequireMfaClause mfa = c.one(Ast.RequireMfaClause.class);
    List<Factor> factors = mfa == null ? List.of() : factors(mfa, r);
    Duration within = mfa == null ? Duration.ZERO : Values.duration((Ast.Dur) mfa.within(), r);
    if (within != null && mfa != null && within.isZero()) {
      r.error(
          DiagnosticCode.INVALID_DURATION,
          mfa.within().span(),
          "`within` needs a positive duration",
          "write a duration such as `15m`");
      within = null;
    }
    if (when != null && c.first("when") != null) {
      Warnings.neverMatches(p, c.first("when"), when, r);
    }
    if (apps == null || factors == null || within == null || when == null) {
      return null;
    }
    boolean block = c.one(Ast.BlockClause.class) != null;
    boolean sso = c.one(Ast.RequireSsoClause.class) != null;
    if (block == (sso || !factors.isEmpty())) {
      return null;
    }
    return new AuthenticatePolicy(
        p.id().value(), apps, when, block, sso, factors, within, p.reportOnly(), source);
  }

  private @Nullable Policy delegate(
      Ast.PolicyDecl p, Clauses c, boolean ok, SourceRef source, Reporter r) {
    Condition to = c.condition("to", lowering, r);
    Condition on = c.condition("on", lowering, r);
    Ast.AllowActionsClause allow = c.one(Ast.AllowActionsClause.class);
    List<String> actions = allow == null ? null : actions(allow, r);
    for (String keyword : List.of("to", "on")) {
      Condition cond = keyword.equals("to") ? to : on;
      if (cond != null && c.first(keyword) != null) {
        Warnings.neverMatches(p, c.first(keyword), cond, r);
      }
    }
    if (!ok || to == null || on == null || actions == null) {
      return null;
    }
    return new DelegatePolicy(p.id().value(), to, actions, on, p.reportOnly(), source);
  }

  private static @Nullable List<String> apps(Clauses c, Reporter r) {
    Ast.AppsClause clause = c.one(Ast.AppsClause.class);
    if (clause == null) {
      return List.of();
    }
    if (clause.apps().isEmpty()) {
      r.error(
          DiagnosticCode.EMPTY_LIST,
          clause.span(),
          "`apps` lists no app",
          "leave out `apps` to cover every request, or list the apps");
      return null;
    }
    boolean ok = true;
    List<String> apps = new ArrayList<>();
    for (Ast.Str app : clause.apps()) {
      ok &= nonEmpty(app, "app", r);
      apps.add(app.value());
    }
    return ok ? apps : null;
  }

  private static boolean nonEmpty(Ast.Str s, String what, Reporter r) {
    if (s.value().isEmpty()) {
      r.error(DiagnosticCode.EMPTY_NAME, s.span(), what + " name is empty");
      return false;
    }
    return true;
  }

  private static @Nullable List<Factor> factors(Ast.RequireMfaClause mfa, Reporter r) {
    if (mfa.factors().isEmpty()) {
      r.error(
          DiagnosticCode.EMPTY_LIST,
          mfa.span(),
          "`require mfa` lists no factor",
          "list the factors that satisfy it, such as `[webauthn, totp]`");
      return null;
    }
    List<Factor> factors = new ArrayList<>();
    for (Ast.Name name : mfa.factors()) {
      Factor f = Factor.fromId(name.text()).orElse(null);
      if (f == null) {
        r.error(
            DiagnosticCode.UNKNOWN_FACTOR,
            name.span(),
            "unknown factor `" + name.text() + "`",
            Suggestions.nearest(name.text(), Factor.ids())
                .map(s -> "did you mean `" + s + "`?")
                .orElse("use one of " + String.join(", ", Factor.ids())));
      }
      factors.add(f);
    }
    return factors.contains(null) ? null : factors;
  }

  private static @Nullable List<String> actions(Ast.AllowActionsClause allow, Reporter r) {
    if (allow.actions().isEmpty()) {
      r.error(
          DiagnosticCode.EMPTY_LIST,
          allow.span(),
          "`allow` lists no action",
          "list admin actions such as `[user.create]`");
      return null;
    }
    List<String> actions = new ArrayList<>();
    for (Ast.Name action : allow.actions()) {
      if (!ACTION.matcher(action.text()).matches()) {
        r.error(
            DiagnosticCode.INVALID_ACTION,
            action.span(),
            "invalid admin action `" + action.text() + "`",
            "use a dotted lowercase name like `user.create`, or a wildcard like `user.*`");
      }
      actions.add(action.text());
    }
    return actions.stream().allMatch(a -> ACTION.matcher(a).matches()) ? actions : null;
  }
}

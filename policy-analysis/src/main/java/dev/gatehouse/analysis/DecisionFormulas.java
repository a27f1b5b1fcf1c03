package dev.gatehouse.analysis;

import dev.gatehouse.api.Factor;
import dev.gatehouse.api.policy.AssignPolicy;
import dev.gatehouse.api.policy.AuthenticatePolicy;
import dev.gatehouse.api.policy.DelegatePolicy;
import dev.gatehouse.api.policy.Grant;
import dev.gatehouse.api.policy.Policy;
import dev.gatehouse.api.policy.PolicySet;
import dev.gatehouse.api.policy.RestrictPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.logicng.formulas.Formula;
import org.logicng.formulas.FormulaFactory;

/**
 * The decision of one policy set as formulas over an {@link Encoding}, following DESIGN §4 and the
 * engine's combiner: whether it denies, which requirements it leaves unmet (by what they ask, not
 * by which policy asks), and which roles it gives. Report-only policies decide nothing.
 */
final class DecisionFormulas {

  final Formula deny;

  /** An enforced assign gives the requested app, or a delegate allows the admin action. */
  final Formula granted;

  final Formula challenge;

  /** Unmet requirements by {@link Demands#key}. */
  final Map<String, Formula> unmet = new TreeMap<>();

  /** Roles given in the requested app, by role. */
  final Map<String, Formula> roles = new TreeMap<>();

  private final Encoding e;
  private final FormulaFactory f;

  DecisionFormulas(Encoding e, PolicySet set) {
    this.e = e;
    this.f = e.f;
    Formula access = isAction("access");
    Formula admin = f.and(e.present("request.action"), f.not(access), f.not(isAction("signin")));
    List<Formula> grants = new ArrayList<>();
    List<Formula> denies = new ArrayList<>();
    denies.add(f.not(e.present("request.action"))); // nothing is decided without an action
    denies.add(f.and(access, f.not(e.present("app"))));
    Map<String, List<Formula>> unmetBy = new TreeMap<>();
    Map<String, List<Formula>> rolesBy = new TreeMap<>();
    for (Policy p : set.policies()) {
      if (p.reportOnly()) {
        continue;
      }
      if (p instanceof AssignPolicy a) {
        Formula when = e.encode(a.when()).isTrue();
        for (Grant g : a.grants()) {
          Formula gives = f.and(access, app(g.app()), when);
          grants.add(gives);
          rolesBy.computeIfAbsent(g.role(), r -> new ArrayList<>()).add(gives);
        }
      } else if (p instanceof DelegatePolicy d) {
        Formula allowed = e.valueIs("request.action", action -> d.allows((String) action));
        grants.add(f.and(admin, allowed, e.encode(d.to()).isTrue(), e.encode(d.on()).isTrue()));
      } else if (p instanceof RestrictPolicy r) {
        Formula applies = f.and(relevant(r.apps(), access), f.not(e.encode(r.when()).isFalse()));
        Formula allowed =
            e.valueIs(
                "request.ip",
                ip ->
                    r.allow().stream()
                        .anyMatch(
                            n ->
                                n.blocks().stream()
                                    .anyMatch(b -> b.contains((dev.gatehouse.api.IpAddress) ip))));
        denies.add(f.and(applies, f.not(allowed)));
      } else {
        AuthenticatePolicy a = (AuthenticatePolicy) p;
        Formula applies = f.and(relevant(a.apps(), access), f.not(e.encode(a.when()).isFalse()));
        if (a.block()) {
          denies.add(applies);
          continue;
        }
        if (a.requireSso()) {
          unmetBy
              .computeIfAbsent(Demands.SSO, k -> new ArrayList<>())
              .add(f.and(applies, f.not(e.member("auth.methods", Factor.SSO.id()))));
        }
        if (!a.mfa().isEmpty()) {
          unmetBy
              .computeIfAbsent(Demands.mfa(a.mfa(), a.within()), k -> new ArrayList<>())
              .add(f.and(applies, f.not(mfaMet(a))));
        }
      }
    }
    granted = f.or(grants);
    denies.add(f.and(access, e.present("app"), f.not(granted)));
    denies.add(f.and(admin, f.not(granted)));
    deny = f.or(denies);
    unmetBy.forEach((k, v) -> unmet.put(k, f.or(v)));
    rolesBy.forEach((k, v) -> roles.put(k, f.or(v)));
    challenge = f.and(f.not(deny), f.or(unmet.values()));
  }

  /** The requests a restrict or authenticate policy applies to: covered, and not ruled out. */
  Formula applies(Policy p) {
    List<String> apps = p instanceof RestrictPolicy r ? r.apps() : ((AuthenticatePolicy) p).apps();
    return f.and(
        relevant(apps, isAction("access")), f.not(e.encode(p.conditions().get(0)).isFalse()));
  }

  /** The requests on which the enforced assign policy {@code a} grants {@code g}. */
  Formula grants(AssignPolicy a, Grant g) {
    return f.and(isAction("access"), app(g.app()), e.encode(a.when()).isTrue());
  }

  Formula isAction(String action) {
    return e.valueIs("request.action", action::equals);
  }

  Formula app(String app) {
    return e.valueIs("app", app::equals);
  }

  /** Whether a policy scoped to {@code apps} covers the request (all requests when unscoped). */
  private Formula relevant(List<String> apps, Formula access) {
    if (apps.isEmpty()) {
      return f.verum();
    }
    return f.and(access, e.valueIs("app", apps::contains));
  }

  private Formula mfaMet(AuthenticatePolicy a) {
    List<Formula> factors = new ArrayList<>();
    for (Factor factor : a.mfa()) {
      factors.add(e.member("auth.methods", factor.id()));
    }
    return f.and(
        e.present("auth.methods"),
        e.present("auth.time"),
        e.present("request.time"),
        f.or(factors),
        e.freshWithin(a.within()));
  }

  /** The formula that holds exactly on the requests {@code a} and {@code b} decide differently. */
  static Formula differ(FormulaFactory f, DecisionFormulas a, DecisionFormulas b) {
    List<Formula> other = new ArrayList<>();
    other.add(f.not(f.equivalence(a.challenge, b.challenge)));
    List<Formula> demands = new ArrayList<>();
    for (String key : union(a.unmet, b.unmet)) {
      demands.add(f.not(f.equivalence(get(f, a.unmet, key), get(f, b.unmet, key))));
    }
    other.add(f.and(a.challenge, b.challenge, f.or(demands)));
    for (String role : union(a.roles, b.roles)) {
      other.add(f.not(f.equivalence(get(f, a.roles, role), get(f, b.roles, role))));
    }
    return f.or(
        f.not(f.equivalence(a.deny, b.deny)), f.and(f.not(a.deny), f.not(b.deny), f.or(other)));
  }

  private static java.util.Set<String> union(Map<String, Formula> a, Map<String, Formula> b) {
    java.util.Set<String> keys = new java.util.TreeSet<>(a.keySet());
    keys.addAll(b.keySet());
    return keys;
  }

  private static Formula get(FormulaFactory f, Map<String, Formula> map, String key) {
    Formula v = map.get(key);
    return v == null ? f.falsum() : v;
  }
}

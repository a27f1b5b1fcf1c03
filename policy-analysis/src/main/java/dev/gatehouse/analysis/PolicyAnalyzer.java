package dev.gatehouse.analysis;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Decision;
import dev.gatehouse.api.Effect;
import dev.gatehouse.api.Entitlement;
import dev.gatehouse.api.IpAddress;
import dev.gatehouse.api.policy.AssignPolicy;
import dev.gatehouse.api.policy.AuthenticatePolicy;
import dev.gatehouse.api.policy.Condition;
import dev.gatehouse.api.policy.DelegatePolicy;
import dev.gatehouse.api.policy.Grant;
import dev.gatehouse.api.policy.Network;
import dev.gatehouse.api.policy.Policy;
import dev.gatehouse.api.policy.PolicySet;
import dev.gatehouse.api.policy.RestrictPolicy;
import dev.gatehouse.engine.CompiledPolicies;
import dev.gatehouse.engine.PolicyEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.logicng.formulas.Formula;
import org.logicng.formulas.FormulaFactory;

/**
 * Finds what is wrong or risky in one policy set, proving each finding with the solver: redundant
 * assignments, restrictions that never apply, pairs of restrictions that leave an app unreachable,
 * apps and roles reachable without MFA, delegations that reach the administrators of wider ones,
 * and delegations that allow changing delegations or policies. Each witness request was decided by
 * the compiled engine as the finding says; each query has a time budget, and a query that runs out
 * is reported as undecided, never as a finding.
 *
 * <pre>{@code
 * for (Finding f : PolicyAnalyzer.analyze(policies, Duration.ofSeconds(1), Duration.ofMinutes(2))) {
 *   System.out.println(f.kind() + " " + f.policies() + ": " + f.message());
 * }
 * }</pre>
 */
public final class PolicyAnalyzer {

  private final CompiledPolicies engine;
  private final PolicySet set;
  private final Encoding e;
  private final FormulaFactory f;
  private final DecisionFormulas decision;
  private final Solver solver;
  private final long perQuery;
  private final long deadline;
  private final List<Finding> findings = new ArrayList<>();
  private final Map<Finding.Kind, List<String>> unasked =
      new java.util.EnumMap<>(Finding.Kind.class);

  private PolicyAnalyzer(CompiledPolicies engine, Duration perQuery, Duration total) {
    this.engine = engine;
    this.set = engine.policySet();
    this.e = PolicyProver.encoding(asTargets(set), set);
    this.f = e.f;
    this.decision = new DecisionFormulas(e, set);
    this.solver = new Solver(e);
    this.perQuery = perQuery.toMillis();
    this.deadline = System.currentTimeMillis() + total.toMillis();
  }

  /**
   * Analyzes {@code policies}.
   *
   * @param policies the compiled policies
   * @param perQuery the time each solver query may take
   * @param total the time all queries together may take; the queries left when it runs out are
   *     reported as undecided
   * @return the findings, by kind, then in the order of the policies
   * @throws NullPointerException if an argument is null
   */
  public static List<Finding> analyze(
      CompiledPolicies policies, Duration perQuery, Duration total) {
    requireNonNull(policies, "policies");
    requireNonNull(perQuery, "perQuery");
    requireNonNull(total, "total");
    PolicyAnalyzer a = new PolicyAnalyzer(policies, perQuery, total);
    a.redundantAssigns();
    a.neverApplies();
    a.disjointNetworks();
    a.noMfa();
    a.delegationEscalation();
    a.metaActions();
    a.summarizeUnasked();
    return List.copyOf(a.findings);
  }

  /**
   * The prefixes of admin actions that change delegations or policies themselves: whoever may
   * perform one can widen their own rights beyond what their delegation says.
   */
  static final List<String> META_ACTIONS = List.of("admin.", "policy.", "delegation.");

  /**
   * Each delegation's administrators read as targets, so the encoding knows their values; and the
   * meta-action prefixes, so that a delegation allowing `*` can be asked about them.
   */
  private static List<Condition> asTargets(PolicySet set) {
    List<Condition> out = new ArrayList<>();
    META_ACTIONS.forEach(m -> out.add(Condition.startsWith("request.action", m)));
    for (DelegatePolicy d : set.policies(DelegatePolicy.class)) {
      Targets.asTarget(d.to(), set.schema()).ifPresent(out::add);
    }
    return out;
  }

  /**
   * A delegation whose administrators may act on a target who is an administrator of another
   * delegation allowing actions beyond theirs (a helpdesk that can reset the MFA of the admins
   * above it).
   */
  private void delegationEscalation() {
    List<DelegatePolicy> delegates =
        set.policies(DelegatePolicy.class).stream().filter(d -> !d.reportOnly()).toList();
    for (DelegatePolicy low : delegates) {
      for (DelegatePolicy high : delegates) {
        List<String> beyond =
            e.strings("request.action").stream()
                .filter(a -> high.allows(a) && !low.allows(a))
                .toList();
        Optional<Condition> highTarget = Targets.asTarget(high.to(), set.schema());
        if (low == high || beyond.isEmpty() || highTarget.isEmpty()) {
          continue;
        }
        List<String> ids = List.of(low.id(), high.id());
        String question = "can `" + low.id() + "` act on an administrator of `" + high.id() + "`";
        if (spent()) {
          notAsked(Finding.Kind.DELEGATION_ESCALATION, question);
          continue;
        }
        Formula query =
            f.and(
                decision.granted,
                e.valueIs("request.action", a -> low.allows((String) a)),
                e.encode(low.to()).isTrue(),
                e.encode(low.on()).isTrue(),
                e.encode(highTarget.get()).isTrue());
        Solver.Answer a =
            ask(
                Finding.Kind.DELEGATION_ESCALATION,
                ids,
                question,
                query,
                r -> escalates(r, low, high),
                false);
        if (a != null && a.request() != null) {
          found(
              Finding.Kind.DELEGATION_ESCALATION,
              ids,
              "`"
                  + low.id()
                  + "` lets its"
                  + " administrators act on administrators of `"
                  + high.id()
                  + "`, who may do more"
                  + " (such as `"
                  + beyond.get(0)
                  + "`)",
              List.of(a.request()));
        }
      }
    }
  }

  /**
   * A delegation whose administrators may perform an action that changes delegations or policies
   * ({@link #META_ACTIONS}): through it they can act beyond the delegation itself.
   */
  private void metaActions() {
    for (DelegatePolicy d : set.policies(DelegatePolicy.class)) {
      if (d.reportOnly()
          || e.strings("request.action").stream().noneMatch(a -> d.allows(a) && isMeta(a))) {
        continue;
      }
      List<String> ids = List.of(d.id());
      String question = "can `" + d.id() + "` change delegations or policies";
      if (spent()) {
        notAsked(Finding.Kind.DELEGATION_ESCALATION, question);
        continue;
      }
      Formula query =
          f.and(
              decision.granted,
              e.valueIs("request.action", a -> d.allows((String) a) && isMeta((String) a)),
              e.encode(d.to()).isTrue(),
              e.encode(d.on()).isTrue());
      Solver.Answer a =
          ask(
              Finding.Kind.DELEGATION_ESCALATION,
              ids,
              question,
              query,
              r -> changesPolicies(r, d),
              false);
      if (a != null && a.request() != null) {
        found(
            Finding.Kind.DELEGATION_ESCALATION,
            ids,
            "`"
                + d.id()
                + "` lets its"
                + " administrators perform `"
                + a.request().value("request.action").orElse("")
                + "`, which changes delegations or policies: they can give themselves more than `"
                + d.id()
                + "` allows",
            List.of(a.request()));
      }
    }
  }

  private static boolean isMeta(String action) {
    return META_ACTIONS.stream().anyMatch(action::startsWith);
  }

  /** The engine permits the request's meta action, and through {@code d}. */
  private boolean changesPolicies(AccessRequest r, DelegatePolicy d) {
    String action = r.value("request.action").map(Object::toString).orElse("");
    Decision decided = engine.evaluate(r);
    return isMeta(action)
        && d.allows(action)
        && decided.effect() != Effect.DENY
        && decided.matched().contains(d.id());
  }

  /**
   * The engine permits the action under {@code low}, and the engine, given the target's attributes
   * as a user's, finds {@code high}'s administrator condition true.
   */
  private boolean escalates(AccessRequest r, DelegatePolicy low, DelegatePolicy high) {
    Decision d = engine.evaluate(r);
    if (d.effect() == Effect.DENY || !d.matched().contains(low.id())) {
      return false;
    }
    PolicySet.Builder probe = PolicySet.builder(set.schema());
    set.networks().values().forEach(probe::network);
    CompiledPolicies admins =
        PolicyEngine.compile(
            probe
                .add(AssignPolicy.builder("probe").grant("probe", "probe").when(high.to()).build())
                .build());
    AccessRequest.Builder asUser = AccessRequest.builder(set.schema());
    r.values()
        .forEach(
            (name, value) -> {
              if (name.startsWith("target.")
                  && set.schema().attribute("user." + name.substring(7)).isPresent()) {
                setValue(asUser, "user." + name.substring(7), value);
              }
            });
    return !admins.entitlements(asUser.build()).isEmpty();
  }

  @SuppressWarnings("unchecked")
  private static void setValue(AccessRequest.Builder b, String name, Object value) {
    if (value instanceof java.util.Set<?> s) {
      b.set(name, (java.util.Collection<String>) s);
    } else if (value instanceof Long n) {
      b.set(name, (long) n);
    } else if (value instanceof Boolean v) {
      b.set(name, (boolean) v);
    } else if (value instanceof java.time.Instant t) {
      b.set(name, t);
    } else if (value instanceof Duration t) {
      b.set(name, t);
    } else {
      b.set(name, value.toString());
    }
  }

  /** Asks one query; returns the answer, or records it as undecided and returns null. */
  private Solver.Answer ask(
      Finding.Kind kind,
      List<String> policies,
      String question,
      Formula query,
      Predicate<AccessRequest> confirmed,
      boolean complete) {
    long left = Math.min(perQuery, deadline - System.currentTimeMillis());
    if (left <= 0) {
      notAsked(kind, question);
      return null;
    }
    Solver.Answer answer = solver.ask(query, left, confirmed, complete);
    if (answer.request() == null && !answer.proved()) {
      findings.add(
          new Finding(
              kind,
              ProofResult.Verdict.UNDECIDED,
              policies,
              "undecided (" + answer.why() + "): " + question,
              List.of()));
      return null;
    }
    return answer;
  }

  /** Whether the total budget is spent: later questions are only counted. */
  private boolean spent() {
    return System.currentTimeMillis() >= deadline;
  }

  /** Counts a question left unasked when the total budget ran out, keeping the first. */
  private void notAsked(Finding.Kind kind, String question) {
    unasked.computeIfAbsent(kind, k -> new ArrayList<>()).add(question);
  }

  /** One undecided finding per kind for the questions the total budget left unasked. */
  private void summarizeUnasked() {
    unasked.forEach(
        (kind, questions) ->
            findings.add(
                new Finding(
                    kind,
                    ProofResult.Verdict.UNDECIDED,
                    List.of(),
                    "undecided (out of time): "
                        + questions.size()
                        + (questions.size() == 1 ? " question" : " questions")
                        + " not asked, the first: "
                        + questions.get(0),
                    List.of())));
  }

  private void found(
      Finding.Kind kind, List<String> policies, String message, List<AccessRequest> witnesses) {
    findings.add(new Finding(kind, ProofResult.Verdict.PROVED, policies, message, witnesses));
  }

  private void redundantAssigns() {
    Map<Grant, List<AssignPolicy>> byGrant = new LinkedHashMap<>();
    for (AssignPolicy a : set.policies(AssignPolicy.class)) {
      if (!a.reportOnly()) {
        a.grants().forEach(g -> byGrant.computeIfAbsent(g, k -> new ArrayList<>()).add(a));
      }
    }
    for (AssignPolicy a : set.policies(AssignPolicy.class)) {
      if (a.reportOnly() || a.grants().size() != 1) {
        continue; // one grant each keeps "always also given" a single question
      }
      Grant g = a.grants().get(0);
      List<AssignPolicy> others = new ArrayList<>(byGrant.get(g));
      others.remove(a);
      if (others.isEmpty()) {
        continue;
      }
      List<Formula> otherGrants = new ArrayList<>();
      others.forEach(o -> otherGrants.add(decision.grants(o, g)));
      List<String> ids = new ArrayList<>(List.of(a.id()));
      others.forEach(o -> ids.add(o.id()));
      Solver.Answer alone =
          ask(
              Finding.Kind.REDUNDANT_ASSIGN,
              ids,
              "does `" + a.id() + "` ever grant `" + g.app() + "`/`" + g.role() + "` alone",
              f.and(decision.grants(a, g), f.not(f.or(otherGrants))),
              r -> grantedBy(r, g).equals(Set.of(a.id())),
              false);
      if (alone == null || alone.request() != null) {
        continue;
      }
      Solver.Answer example =
          ask(
              Finding.Kind.REDUNDANT_ASSIGN,
              ids,
              "does `" + a.id() + "` ever grant `" + g.app() + "`/`" + g.role() + "`",
              decision.grants(a, g),
              r -> grantedBy(r, g).contains(a.id()),
              false);
      if (example != null && example.request() != null) {
        found(
            Finding.Kind.REDUNDANT_ASSIGN,
            ids,
            "`"
                + a.id()
                + "` grants `"
                + g.app()
                + "`/`"
                + g.role()
                + "` only to users who also get it from "
                + String.join(", ", others.stream().map(o -> "`" + o.id() + "`").toList()),
            List.of(example.request()));
      }
    }
  }

  private Set<String> grantedBy(AccessRequest r, Grant g) {
    for (Entitlement ent : engine.entitlements(r)) {
      if (ent.app().equals(g.app()) && ent.role().equals(g.role())) {
        return new TreeSet<>(ent.policies());
      }
    }
    return Set.of();
  }

  private void neverApplies() {
    for (Policy p : set.policies()) {
      if (!(p instanceof RestrictPolicy) && !(p instanceof AuthenticatePolicy)) {
        continue;
      }
      Solver.Answer a =
          ask(
              Finding.Kind.NEVER_APPLIES,
              List.of(p.id()),
              "does `" + p.id() + "` apply to some request",
              decision.applies(p),
              r -> true,
              true);
      if (a != null && a.proved()) {
        found(
            Finding.Kind.NEVER_APPLIES,
            List.of(p.id()),
            "`"
                + p.id()
                + "` applies to no"
                + " request that has every attribute; it applies only when one is missing",
            List.of());
      }
    }
  }

  private void disjointNetworks() {
    List<RestrictPolicy> restricts =
        set.policies(RestrictPolicy.class).stream().filter(r -> !r.reportOnly()).toList();
    for (int i = 0; i < restricts.size(); i++) {
      for (int j = i + 1; j < restricts.size(); j++) {
        RestrictPolicy a = restricts.get(i);
        RestrictPolicy b = restricts.get(j);
        if (overlap(a.allow(), b.allow()) || !shareApp(a, b)) {
          continue;
        }
        List<String> ids = List.of(a.id(), b.id());
        Solver.Answer both =
            ask(
                Finding.Kind.DISJOINT_NETWORKS,
                ids,
                "do `" + a.id() + "` and `" + b.id() + "` both apply to some user",
                f.and(
                    decision.granted,
                    e.encode(a.when()).isTrue(),
                    e.encode(b.when()).isTrue(),
                    decision.applies(a),
                    decision.applies(b)),
                r -> deniedByNetwork(r, a, b),
                true);
        if (both != null && both.request() != null) {
          found(
              Finding.Kind.DISJOINT_NETWORKS,
              ids,
              "`"
                  + a.id()
                  + "` and `"
                  + b.id()
                  + "` allow disjoint networks: a user both cover reaches `"
                  + both.request().value("app").orElse("")
                  + "` from nowhere",
              List.of(both.request()));
        }
      }
    }
  }

  private static boolean shareApp(RestrictPolicy a, RestrictPolicy b) {
    return a.apps().isEmpty()
        || b.apps().isEmpty()
        || a.apps().stream().anyMatch(b.apps()::contains);
  }

  /** Whether any address is in both lists of networks. */
  private static boolean overlap(List<Network> a, List<Network> b) {
    for (Network x : a) {
      for (Network y : b) {
        for (var bx : x.blocks()) {
          for (var by : y.blocks()) {
            if (bx.contains(by) || by.contains(bx)) {
              return true;
            }
          }
        }
      }
    }
    return false;
  }

  /** Both restrictions deny the request, whichever of their networks it comes from. */
  private boolean deniedByNetwork(AccessRequest r, RestrictPolicy a, RestrictPolicy b) {
    for (RestrictPolicy from : List.of(a, b)) {
      IpAddress ip = from.allow().get(0).blocks().get(0).first();
      Decision d = engine.evaluate(r.toBuilder().set("request.ip", ip.toString()).build());
      if (d.effect() != Effect.DENY
          || d.reasons().stream()
              .noneMatch(reason -> reason.code().id().equals("network_not_allowed"))) {
        return false;
      }
    }
    return true;
  }

  private void noMfa() {
    List<AuthenticatePolicy> mfa =
        set.policies(AuthenticatePolicy.class).stream()
            .filter(a -> !a.reportOnly() && !a.block() && !a.mfa().isEmpty())
            .toList();
    List<Formula> noneApplies = new ArrayList<>();
    mfa.forEach(a -> noneApplies.add(f.not(decision.applies(a))));
    Formula unchallenged =
        solver.define(
            "unchallenged",
            f.and(f.not(decision.deny), f.not(decision.challenge), f.and(noneApplies)));
    Set<String> apps = new TreeSet<>();
    set.policies(AssignPolicy.class).forEach(a -> a.grants().forEach(g -> apps.add(g.app())));
    for (String app : apps) {
      Solver.Answer a =
          ask(
              Finding.Kind.NO_MFA,
              List.of(),
              "can some user reach `" + app + "` without MFA",
              f.and(decision.isAction("access"), decision.app(app), unchallenged),
              r -> permittedWithoutMfa(r, mfa),
              false);
      if (a != null && a.request() != null) {
        found(
            Finding.Kind.NO_MFA,
            List.of(),
            "some user reaches `" + app + "` with no MFA requirement at all",
            List.of(a.request()));
      }
    }
    for (String role : privilegedRoles(mfa)) {
      Solver.Answer a =
          ask(
              Finding.Kind.NO_MFA,
              List.of(),
              "can a user with role `" + role + "` sign in without MFA",
              f.and(decision.isAction("signin"), e.member("user.roles", role), unchallenged),
              r -> permittedWithoutMfa(r, mfa),
              false);
      if (a != null && a.request() != null) {
        found(
            Finding.Kind.NO_MFA,
            List.of(),
            "a user with role `" + role + "` signs in with no MFA requirement at all",
            List.of(a.request()));
      }
    }
  }

  /** The roles the MFA policies single out: the authors deemed them worth a stronger sign-in. */
  private Set<String> privilegedRoles(List<AuthenticatePolicy> mfa) {
    Domains d = new Domains(set.schema());
    mfa.forEach(a -> d.collect(a.when()));
    Set<String> roles = new TreeSet<>();
    for (Domains.Uses u : d.all()) {
      if (u.attribute.name().equals("user.roles")) {
        roles.addAll(u.elements);
      }
    }
    return roles;
  }

  private boolean permittedWithoutMfa(AccessRequest r, List<AuthenticatePolicy> mfa) {
    Decision d = engine.evaluate(r);
    Set<String> ids = new TreeSet<>();
    mfa.forEach(a -> ids.add(a.id()));
    return d.effect() == Effect.PERMIT && d.matched().stream().noneMatch(ids::contains);
  }
}

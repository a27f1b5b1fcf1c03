package dev.gatehouse.analysis;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.api.Decision;
import dev.gatehouse.api.Factor;
import dev.gatehouse.api.policy.AssignPolicy;
import dev.gatehouse.api.policy.AuthenticatePolicy;
import dev.gatehouse.api.policy.Condition;
import dev.gatehouse.api.policy.DelegatePolicy;
import dev.gatehouse.api.policy.Policy;
import dev.gatehouse.api.policy.PolicySet;
import dev.gatehouse.api.policy.RestrictPolicy;
import dev.gatehouse.engine.CompiledPolicies;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Proves things about policy sets with a SAT solver (LogicNG's MiniSat) over an exact encoding of
 * their conditions. Every witness it returns was decided by the compiled engine and behaves as
 * claimed; when the budget runs out it says so rather than guess.
 *
 * <pre>{@code
 * ProofResult r = PolicyProver.equivalence(oldPolicies, newPolicies, Duration.ofSeconds(10));
 * if (r.verdict() == ProofResult.Verdict.REFUTED) {
 *   AccessRequest differs = r.witness().orElseThrow();
 * }
 * }</pre>
 */
public final class PolicyProver {

  private PolicyProver() {}

  /**
   * Decides whether {@code a} and {@code b} decide every possible request alike: the same effect,
   * unless both deny the same roles, and when both challenge the same requirements.
   *
   * @param a the first policies (the old ones)
   * @param b the second policies (the new ones)
   * @param budget the time the solver may take
   * @return proved equivalent, refuted by one request on which they differ, or undecided
   * @throws IllegalArgumentException if the two were compiled against different schemas
   */
  public static ProofResult equivalence(CompiledPolicies a, CompiledPolicies b, Duration budget) {
    requireNonNull(budget, "budget");
    PolicyDiff.between(a, b); // checks the schemas
    Encoding e = encoding(a.policySet(), b.policySet());
    DecisionFormulas da = new DecisionFormulas(e, a.policySet());
    DecisionFormulas db = new DecisionFormulas(e, b.policySet());
    Solver.Answer answer =
        Solver.find(
            e,
            DecisionFormulas.differ(e.f, da, db),
            budget.toMillis(),
            r -> Demands.change(a.evaluate(r), b.evaluate(r)) != null);
    if (answer.request() != null) {
      Decision before = a.evaluate(answer.request());
      Decision after = b.evaluate(answer.request());
      return ProofResult.refuted(
          answer.request(),
          before,
          after,
          "the policies decide this request differently: " + Demands.change(before, after));
    }
    return answer.proved()
        ? ProofResult.proved("the policies decide every request alike")
        : ProofResult.undecided(answer.why());
  }

  /** The encoding of requests over what either set can tell apart. */
  static Encoding encoding(PolicySet... sets) {
    return encoding(List.of(), sets);
  }

  /** The encoding of requests over what the sets and {@code extra} conditions tell apart. */
  static Encoding encoding(List<Condition> extra, PolicySet... sets) {
    Domains d = new Domains(sets[0].schema());
    extra.forEach(d::collect);
    d.of("request.action").strings.addAll(Set.of("access", "signin"));
    d.of("app");
    d.of("request.ip");
    Set<Long> durations = new TreeSet<>();
    for (PolicySet set : sets) {
      for (Policy p : set.policies()) {
        p.conditions().forEach(d::collect);
        collect(d, p, durations);
      }
    }
    return new Encoding(d, durations);
  }

  private static void collect(Domains d, Policy p, Set<Long> durations) {
    if (p instanceof AssignPolicy a) {
      a.grants().forEach(g -> d.of("app").strings.add(g.app()));
    } else if (p instanceof RestrictPolicy r) {
      d.of("app").strings.addAll(r.apps());
      d.networks(r.allow());
    } else if (p instanceof AuthenticatePolicy a) {
      d.of("app").strings.addAll(a.apps());
      if (a.requireSso()) {
        d.of("auth.methods").elements.add(Factor.SSO.id());
      }
      if (!a.mfa().isEmpty()) {
        a.mfa().forEach(factor -> d.of("auth.methods").elements.add(factor.id()));
        d.of("auth.time");
        d.of("request.time");
        durations.add(a.within().toMillis());
      }
    } else if (p instanceof DelegatePolicy del) {
      for (String action : del.actions()) {
        if (action.endsWith(".*")) {
          d.of("request.action").prefixes.add(action.substring(0, action.length() - 1));
        } else if (!action.equals("*")) {
          d.of("request.action").strings.add(action);
        }
      }
    }
  }
}

package dev.gatehouse.analysis;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.policy.Condition;
import dev.gatehouse.api.policy.DelegatePolicy;
import dev.gatehouse.api.policy.Policy;
import dev.gatehouse.api.policy.PolicySet;
import dev.gatehouse.engine.reference.ReferenceEvaluator;
import dev.gatehouse.engine.reference.Tri;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records which policies, and which parts of their conditions, a set of test requests made true,
 * false and unknown. Every value comes from the reference interpreter ({@link
 * ReferenceEvaluator#considered} and {@link ReferenceEvaluator#condition}), so coverage means what
 * evaluation means. Policies are told apart by value (id, conditions and source), so test files
 * that load the same policy file add up. Not thread-safe.
 *
 * <pre>{@code
 * PolicyCoverage coverage = new PolicyCoverage();
 * coverage.include(set);             // a policy no request reaches still counts as uncovered
 * coverage.record(set, request);     // once per test case
 * CoverageReport report = coverage.report();
 * }</pre>
 */
public final class PolicyCoverage {

  private final Map<Policy, Tally> tallies = new LinkedHashMap<>();
  private final Map<PolicySet, ReferenceEvaluator> evaluators = new IdentityHashMap<>();
  private int cases;

  /** Creates an empty record. */
  public PolicyCoverage() {}

  /**
   * Counts every policy of {@code set} in the report, covered or not.
   *
   * @param set the policies a test file loads
   */
  public void include(PolicySet set) {
    requireNonNull(set, "set");
    evaluators.computeIfAbsent(set, ReferenceEvaluator::new);
    for (Policy p : set.policies()) {
      tallies.computeIfAbsent(p, Tally::new);
    }
  }

  /**
   * Records one test request against {@code set}: each policy the evaluation reads and each part of
   * its conditions.
   *
   * @param set the policies the request is decided by
   * @param request a request built against the set's schema
   */
  public void record(PolicySet set, AccessRequest request) {
    requireNonNull(request, "request");
    include(set);
    cases++;
    for (Policy p : evaluators.get(set).considered(request)) {
      tallies.get(p).record(request);
    }
  }

  /**
   * Returns what was recorded so far.
   *
   * @return the report
   */
  public CoverageReport report() {
    List<CoverageReport.PolicyResult> results = new ArrayList<>();
    for (Tally t : tallies.values()) {
      results.add(t.result());
    }
    return new CoverageReport(cases, results);
  }

  /** One policy's counts, and those of the parts of its conditions in source order. */
  private static final class Tally {
    private final Policy policy;
    private final List<Node> nodes = new ArrayList<>();
    private final int[] whole = new int[3];
    private int considered;

    Tally(Policy policy) {
      this.policy = policy;
      if (policy instanceof DelegatePolicy d) {
        walk("to", d.to(), 0);
        walk("on", d.on(), 0);
      } else {
        walk("when", policy.conditions().get(0), 0);
      }
    }

    /** Lists the parts; a named condition stands for its body, and `always` has none. */
    private void walk(String clause, Condition c, int depth) {
      if (c instanceof Condition.Named named) {
        walk(clause, named.body(), depth);
        return;
      }
      if (c instanceof Condition.Always) {
        return;
      }
      nodes.add(new Node(clause, depth, c));
      if (c instanceof Condition.And and) {
        and.operands().forEach(o -> walk(clause, o, depth + 1));
      } else if (c instanceof Condition.Or or) {
        or.operands().forEach(o -> walk(clause, o, depth + 1));
      } else if (c instanceof Condition.Not not) {
        walk(clause, not.operand(), depth + 1);
      }
    }

    void record(AccessRequest request) {
      considered++;
      Tri all = Tri.TRUE;
      for (Condition c : policy.conditions()) {
        all = all.and(ReferenceEvaluator.condition(c, request));
      }
      whole[all.ordinal()]++;
      for (Node n : nodes) {
        n.counts[ReferenceEvaluator.condition(n.condition, request).ordinal()]++;
      }
    }

    CoverageReport.PolicyResult result() {
      List<CoverageReport.Part> parts = new ArrayList<>();
      for (Node n : nodes) {
        parts.add(
            new CoverageReport.Part(
                n.clause, n.depth, kind(n.condition), n.condition.toString(), counts(n.counts)));
      }
      return new CoverageReport.PolicyResult(
          policy.id(), policy.kind(), policy.source(), considered, counts(whole), parts);
    }

    private static CoverageReport.Counts counts(int[] c) {
      return new CoverageReport.Counts(
          c[Tri.TRUE.ordinal()], c[Tri.FALSE.ordinal()], c[Tri.UNKNOWN.ordinal()]);
    }

    private static String kind(Condition c) {
      if (c instanceof Condition.And) {
        return "and";
      } else if (c instanceof Condition.Or) {
        return "or";
      } else if (c instanceof Condition.Not) {
        return "not";
      }
      return "test";
    }
  }

  /** One part of a condition and how often it was false, true and unknown, by {@link Tri}. */
  private static final class Node {
    final String clause;
    final int depth;
    final Condition condition;
    final int[] counts = new int[3];

    Node(String clause, int depth, Condition condition) {
      this.clause = clause;
      this.depth = depth;
      this.condition = condition;
    }
  }
}

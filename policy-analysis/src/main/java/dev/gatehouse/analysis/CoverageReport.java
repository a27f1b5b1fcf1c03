package dev.gatehouse.analysis;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.api.policy.SourceRef;
import java.util.List;

/**
 * What a set of test cases exercised, from {@link PolicyCoverage#report()}: for each policy how
 * often its condition came out true, false and unknown, and the same for each part of it.
 *
 * @param cases the number of requests recorded
 * @param policies every policy seen, in the order first seen
 */
public record CoverageReport(int cases, List<PolicyResult> policies) {

  /**
   * Copies the list.
   *
   * @param cases the number of requests recorded
   * @param policies every policy seen
   */
  public CoverageReport {
    policies = List.copyOf(policies);
  }

  /**
   * Returns the policies no case made apply: whose condition no case made true.
   *
   * @return the uncovered policies, in report order
   */
  public List<PolicyResult> uncovered() {
    return policies.stream().filter(p -> !p.covered()).toList();
  }

  /**
   * Returns the share of policies covered, in percent; 100 when there is no policy.
   *
   * @return the policy coverage in percent
   */
  public double percent() {
    return percent(policies.size() - uncovered().size(), policies.size());
  }

  /**
   * Returns how many outcomes parts of conditions can have: two (true, false) per part.
   *
   * @return twice the number of condition parts
   */
  public int outcomes() {
    return policies.stream().mapToInt(p -> 2 * p.parts().size()).sum();
  }

  /**
   * Returns how many of the {@link #outcomes()} some case produced.
   *
   * @return the outcomes seen
   */
  public int outcomesSeen() {
    return policies.stream()
        .flatMap(p -> p.parts().stream())
        .mapToInt(n -> (n.counts().whenTrue() > 0 ? 1 : 0) + (n.counts().whenFalse() > 0 ? 1 : 0))
        .sum();
  }

  /**
   * Returns the share of {@link #outcomes()} seen, in percent; 100 when there is none.
   *
   * @return the condition coverage in percent
   */
  public double outcomePercent() {
    return percent(outcomesSeen(), outcomes());
  }

  private static double percent(int part, int whole) {
    return whole == 0 ? 100.0 : 100.0 * part / whole;
  }

  /**
   * How often something came out true, false and unknown.
   *
   * @param whenTrue the cases that made it true
   * @param whenFalse the cases that made it false
   * @param unknown the cases that left it unknown, for lack of an attribute
   */
  public record Counts(int whenTrue, int whenFalse, int unknown) {}

  /**
   * One policy's coverage.
   *
   * @param id the policy id
   * @param kind the policy kind: {@code assign}, {@code restrict}, ...
   * @param source where it was written
   * @param considered the cases whose decision read its conditions
   * @param counts how its whole condition came out in those cases (a delegation's {@code to} and
   *     {@code on} together)
   * @param parts each leaf test and each {@code and}, {@code or}, {@code not} of its conditions, in
   *     source order
   */
  public record PolicyResult(
      String id, String kind, SourceRef source, int considered, Counts counts, List<Part> parts) {

    /**
     * Checks the components and copies the list.
     *
     * @param id the policy id
     * @param kind the policy kind
     * @param source where it was written
     * @param considered the cases that read it
     * @param counts how its condition came out
     * @param parts the parts of its conditions
     */
    public PolicyResult {
      requireNonNull(id, "id");
      requireNonNull(kind, "kind");
      requireNonNull(source, "source");
      requireNonNull(counts, "counts");
      parts = List.copyOf(parts);
    }

    /**
     * Returns whether some case made the policy's condition true.
     *
     * @return whether the policy is covered
     */
    public boolean covered() {
      return counts.whenTrue() > 0;
    }
  }

  /**
   * One part of a condition: a leaf test or an {@code and}, {@code or}, {@code not}.
   *
   * @param clause {@code when}, or {@code to} or {@code on} for a delegation
   * @param depth 0 for the whole clause, 1 for its operands, ...
   * @param kind {@code test}, {@code and}, {@code or} or {@code not}
   * @param text the part as the language writes it
   * @param counts how it came out in the cases that read its policy
   */
  public record Part(String clause, int depth, String kind, String text, Counts counts) {}
}

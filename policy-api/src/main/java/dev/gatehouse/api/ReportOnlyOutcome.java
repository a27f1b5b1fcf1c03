package dev.gatehouse.api;

import static java.util.Objects.requireNonNull;

/**
 * What a {@code report-only} policy that applied to a request would have done had it been enforced.
 *
 * @param policy the policy id
 * @param effect PERMIT when it would have allowed or granted, DENY or CHALLENGE otherwise
 */
public record ReportOnlyOutcome(String policy, Effect effect) {

  /**
   * Checks the components.
   *
   * @param policy the policy id
   * @param effect what the policy would have done
   */
  public ReportOnlyOutcome {
    requireNonNull(policy, "policy");
    requireNonNull(effect, "effect");
  }

  @Override
  public String toString() {
    return policy + "=" + effect;
  }
}

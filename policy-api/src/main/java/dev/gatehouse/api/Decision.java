package dev.gatehouse.api;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The answer to an {@link AccessRequest}: the effect and everything that explains it.
 *
 * <p>Decisions are immutable and may be shared: the engine returns the same instance for every
 * request that reaches the same precomputed outcome.
 *
 * @param effect PERMIT, DENY or CHALLENGE
 * @param reasons every failing check, not only the first; empty for PERMIT
 * @param requirements the unmet authentication requirements of a CHALLENGE
 * @param roles the user's roles in the app, sorted
 * @param matched the ids of the enforced policies that applied to the request, sorted
 * @param reportOnly what each applying {@code report-only} policy would have done, by policy id
 */
public record Decision(
    Effect effect,
    List<Reason> reasons,
    List<Requirement> requirements,
    List<String> roles,
    List<String> matched,
    List<ReportOnlyOutcome> reportOnly) {

  /**
   * Checks the components and copies the lists.
   *
   * @param effect the effect
   * @param reasons every failing check
   * @param requirements the unmet requirements
   * @param roles the user's roles in the app
   * @param matched the ids of the matching policies
   * @param reportOnly whether the policy is only recorded, never enforced
   */
  public Decision {
    requireNonNull(effect, "effect");
    reasons = List.copyOf(reasons);
    requirements = List.copyOf(requirements);
    roles = List.copyOf(roles);
    matched = List.copyOf(matched);
    reportOnly = List.copyOf(reportOnly);
    if (effect == Effect.CHALLENGE && requirements.isEmpty()) {
      throw new IllegalArgumentException("a CHALLENGE needs at least one requirement");
    }
  }

  /**
   * {@return a DENY with one reason and nothing else, for requests that cannot be evaluated}
   *
   * @param reason the reason for the denial
   */
  public static Decision deny(Reason reason) {
    return new Decision(Effect.DENY, List.of(reason), List.of(), List.of(), List.of(), List.of());
  }

  /** {@return whether access is allowed as is} */
  public boolean isPermitted() {
    return effect == Effect.PERMIT;
  }
}

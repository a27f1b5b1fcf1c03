package dev.gatehouse.api;

import static java.util.Objects.requireNonNull;

/**
 * One failing check of a decision.
 *
 * @param code what kind of check failed
 * @param policy the id of the policy the check belongs to, or empty when no policy is to blame
 *     (such as {@code not_assigned})
 * @param message one lowercase line for a person
 */
public record Reason(ReasonCode code, String policy, String message) {

  /**
   * Checks the components.
   *
   * @param code the kind of check that failed
   * @param policy the id of the policy to blame, or empty
   * @param message one lowercase line for a person
   */
  public Reason {
    requireNonNull(code, "code");
    requireNonNull(policy, "policy");
    requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return code.id() + (policy.isEmpty() ? "" : " [" + policy + "]") + ": " + message;
  }
}

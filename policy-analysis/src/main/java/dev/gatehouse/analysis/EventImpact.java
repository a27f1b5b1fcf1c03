package dev.gatehouse.analysis;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.api.Decision;

/**
 * A recorded event whose decision the policy change alters, with the decision on each side (their
 * reasons, unmet requirements and matching policies say why).
 *
 * @param event the event's label, such as {@code sign-ins.jsonl:12}
 * @param user the user of the event, or empty when the request names none
 * @param change how the decision changes, such as {@code PERMIT → CHALLENGE}
 * @param before the decision of the old policies
 * @param after the decision of the new policies
 */
public record EventImpact(
    String event, String user, String change, Decision before, Decision after) {

  /**
   * Checks the components.
   *
   * @param event the event label
   * @param user the user id, or empty
   * @param change how the decision changes
   * @param before the old decision
   * @param after the new decision
   */
  public EventImpact {
    requireNonNull(event, "event");
    requireNonNull(user, "user");
    requireNonNull(change, "change");
    requireNonNull(before, "before");
    requireNonNull(after, "after");
  }
}

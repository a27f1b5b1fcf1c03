package dev.gatehouse.decisionlog;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.api.Decision;

/**
 * A decision and the id under which it was logged; put the id in the response or the trace so a
 * user's complaint can be matched to its log record.
 *
 * @param id the decision id
 * @param decision the decision
 * @param logged whether a record was handed to the sink (a PERMIT may be sampled out)
 */
public record LoggedDecision(String id, Decision decision, boolean logged) {

  /**
   * Checks the components.
   *
   * @param id the decision id
   * @param decision the decision
   * @param logged whether a record was handed to the sink
   */
  public LoggedDecision {
    requireNonNull(id, "id");
    requireNonNull(decision, "decision");
  }
}

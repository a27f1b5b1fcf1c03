package dev.gatehouse.decisionlog;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Decision;
import java.time.Instant;

/**
 * One decision as logged: what was asked, what was answered, when and on which policies.
 *
 * @param id the decision id, also returned to the host
 * @param time when the decision was made
 * @param revision the revision of the policy set that made it (see {@link DecisionLogger})
 * @param request the request as evaluated, unmasked; {@link DecisionLogFormat} masks it
 * @param decision the decision
 */
public record DecisionRecord(
    String id, Instant time, long revision, AccessRequest request, Decision decision) {

  /**
   * Checks the components.
   *
   * @param id the decision id
   * @param time the time
   * @param revision the revision
   * @param request the request
   * @param decision the decision
   */
  public DecisionRecord {
    requireNonNull(id, "id");
    requireNonNull(time, "time");
    requireNonNull(request, "request");
    requireNonNull(decision, "decision");
  }
}

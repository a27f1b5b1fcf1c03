package dev.gatehouse.analysis;

import java.util.List;

/**
 * The impact of a policy change: the summary, then each user whose entitlements change and each
 * event whose decision changes, in the order they were given.
 *
 * @param summary the counts
 * @param users the users who gain or lose something
 * @param events the events whose decision changes
 */
public record ImpactReport(
    ImpactSummary summary, List<UserImpact> users, List<EventImpact> events) {

  /**
   * Copies the lists.
   *
   * @param summary the counts
   * @param users the users who gain or lose
   * @param events the changed events
   */
  public ImpactReport {
    java.util.Objects.requireNonNull(summary, "summary");
    users = List.copyOf(users);
    events = List.copyOf(events);
  }
}

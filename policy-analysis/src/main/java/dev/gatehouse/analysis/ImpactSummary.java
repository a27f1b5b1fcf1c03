package dev.gatehouse.analysis;

import java.util.Map;
import java.util.TreeMap;

/**
 * The counts of an impact report, shown before its details.
 *
 * @param users the users compared
 * @param usersGaining the users who gain at least one entitlement
 * @param usersLosing the users who lose at least one entitlement
 * @param entitlementsGained the entitlements gained, over all users
 * @param entitlementsLost the entitlements lost, over all users
 * @param events the events replayed
 * @param eventsChanged the events whose decision changes
 * @param changes the changed events by kind of change ({@code PERMIT → DENY}: 3), sorted by kind
 */
public record ImpactSummary(
    int users,
    int usersGaining,
    int usersLosing,
    long entitlementsGained,
    long entitlementsLost,
    long events,
    long eventsChanged,
    Map<String, Long> changes) {

  /**
   * Copies the map, sorted by kind of change.
   *
   * @param users the users compared
   * @param usersGaining the users who gain
   * @param usersLosing the users who lose
   * @param entitlementsGained the entitlements gained
   * @param entitlementsLost the entitlements lost
   * @param events the events replayed
   * @param eventsChanged the events that change
   * @param changes the changed events by kind
   */
  public ImpactSummary {
    changes = java.util.Collections.unmodifiableMap(new TreeMap<>(changes));
  }

  /**
   * Returns whether the change alters anything a user would notice.
   *
   * @return whether some user gains or loses an entitlement or some event's decision changes
   */
  public boolean changesSomething() {
    return usersGaining > 0 || usersLosing > 0 || eventsChanged > 0;
  }
}

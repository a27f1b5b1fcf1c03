package dev.gatehouse.analysis;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.api.Entitlement;
import java.util.List;

/**
 * What a policy change does to one user of the directory: the apps and roles gained and lost.
 *
 * @param user the user's {@code user.id}
 * @param gained the entitlements the new policies give and the old did not, each with the new
 *     policies that grant it, sorted by app and role
 * @param lost the entitlements the old policies gave and the new do not, each with the old policies
 *     that granted it, sorted by app and role
 */
public record UserImpact(String user, List<Entitlement> gained, List<Entitlement> lost) {

  /**
   * Checks the components and copies the lists.
   *
   * @param user the user id
   * @param gained the entitlements gained
   * @param lost the entitlements lost
   */
  public UserImpact {
    requireNonNull(user, "user");
    gained = List.copyOf(gained);
    lost = List.copyOf(lost);
  }
}

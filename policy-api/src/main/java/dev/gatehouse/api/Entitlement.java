package dev.gatehouse.api;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * An app and a role in it that a user gets, with the {@code assign} policies that grant it.
 *
 * @param app the app id
 * @param role the role in the app
 * @param policies the ids of the granting policies, sorted
 */
public record Entitlement(String app, String role, List<String> policies) {

  /**
   * Checks the components and copies the list.
   *
   * @param app the app id
   * @param role the role
   * @param policies the ids of the granting policies
   */
  public Entitlement {
    requireNonNull(app, "app");
    requireNonNull(role, "role");
    policies = List.copyOf(policies);
  }

  @Override
  public String toString() {
    return app + "/" + role + " " + policies;
  }
}

package dev.gatehouse.api.policy;

import static java.util.Objects.requireNonNull;

/**
 * An app and the role in it that an {@code assign} policy gives.
 *
 * @param app the app id
 * @param role the role
 */
public record Grant(String app, String role) {

  /**
   * Checks the components.
   *
   * @param app the app id
   * @param role the role
   */
  public Grant {
    requireNonNull(app, "app");
    requireNonNull(role, "role");
    if (app.isEmpty() || role.isEmpty()) {
      throw new IllegalArgumentException("a grant needs a non-empty app and role");
    }
  }

  @Override
  public String toString() {
    return "app " + new Literal.Str(app) + " role " + new Literal.Str(role);
  }
}

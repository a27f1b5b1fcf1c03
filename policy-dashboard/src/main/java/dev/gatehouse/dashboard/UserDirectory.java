package dev.gatehouse.dashboard;

import java.util.Map;

/**
 * Tells the dashboard who a user is: the {@code user.*} attributes of a user id, such as {@code
 * user.department}. The dashboard decides whether an administrator may see a user's sign-ins with
 * these attributes as the action's {@code target.*}, and replays report-only policies with them.
 *
 * <pre>{@code
 * UserDirectory directory = id -> Map.of("user.department", departments.get(id));
 * }</pre>
 */
@FunctionalInterface
public interface UserDirectory {

  /**
   * Returns the attributes of {@code userId} by {@code user.*} name, empty if unknown. Values are
   * strings, numbers, booleans or collections of strings.
   *
   * @param userId the user id
   * @return the user's attributes, empty if unknown
   */
  Map<String, ?> attributes(String userId);

  /**
   * Returns the directory that knows no one: targets carry no attributes, so only a delegation
   * without an {@code on} condition lets an administrator see sign-ins.
   *
   * @return the directory that knows no one
   */
  static UserDirectory none() {
    return userId -> Map.of();
  }
}

package dev.gatehouse.api.policy;

import java.util.regex.Pattern;

/**
 * One policy of a {@link PolicySet}: {@link AssignPolicy}, {@link RestrictPolicy}, {@link
 * AuthenticatePolicy} or {@link DelegatePolicy}.
 */
public sealed interface Policy
    permits AssignPolicy, RestrictPolicy, AuthenticatePolicy, DelegatePolicy {

  /** {@return the policy id, unique in its set} */
  String id();

  /** {@return whether the policy is evaluated and recorded but never enforced} */
  boolean reportOnly();

  /** {@return where the policy was written, or {@link SourceRef#NONE}} */
  SourceRef source();

  /** {@return the policy kind as the language writes it: {@code assign}, {@code restrict},} */
  String kind();

  /**
   * Returns the policy's conditions: its {@code when}, or a delegation's {@code to} and {@code on}
   * in that order.
   *
   * @return the conditions, never empty
   */
  java.util.List<Condition> conditions();

  /**
   * Checks a policy id: non-empty printable text without quotes or control characters.
   *
   * @param id the policy id to check
   * @return the id
   * @throws IllegalArgumentException if the id is not acceptable
   */
  static String checkId(String id) {
    java.util.Objects.requireNonNull(id, "policy id");
    if (!Ids.VALID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "invalid policy id `"
              + id
              + "`: use 1 to 200 letters, digits, `-`, `_`, `.`, `:` or `/`");
    }
    return id;
  }

  /** Holds the id pattern; interfaces cannot have private fields. */
  final class Ids {
    static final Pattern VALID = Pattern.compile("[A-Za-z0-9_.:/-]{1,200}");

    private Ids() {}
  }
}

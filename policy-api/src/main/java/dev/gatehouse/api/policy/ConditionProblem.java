package dev.gatehouse.api.policy;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * Why one leaf condition does not type-check against a schema, as data: a front end picks its
 * diagnostic code from {@link #kind()} and points at {@link #literal()}, and never reads {@link
 * #message()}, so rewording a message changes nothing else.
 *
 * @param kind what is wrong
 * @param attribute the attribute the leaf tests, as written
 * @param literal the constant at fault, or null when the test as a whole is
 * @param message one lowercase line saying what is wrong
 */
public record ConditionProblem(
    Kind kind, String attribute, @Nullable Literal literal, String message) {

  /** What is wrong with a leaf condition. */
  public enum Kind {
    /** The schema has no attribute of that name. */
    UNKNOWN_ATTRIBUTE,
    /** The operator does not apply to the attribute's type, or a constant is of another type. */
    TYPE_MISMATCH,
    /** A constant is not one of the symbols of an enumerated attribute. */
    UNKNOWN_SYMBOL,
    /** A constant is not one of the authentication factors of a factor set. */
    UNKNOWN_FACTOR
  }

  /**
   * Checks the components.
   *
   * @param kind what is wrong
   * @param attribute the attribute the leaf tests
   * @param literal the constant at fault, or null
   * @param message what is wrong
   */
  public ConditionProblem {
    requireNonNull(kind, "kind");
    requireNonNull(attribute, "attribute");
    requireNonNull(message, "message");
  }
}

package dev.gatehouse.api;

import static java.util.Objects.requireNonNull;

/**
 * Thrown when a request is built with a value the schema does not allow: an unknown attribute, a
 * value of the wrong type, a malformed IP address, an unknown symbol or an out-of-range number. The
 * message names the attribute and the value.
 */
public final class InvalidRequestException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The attribute name the bad value was given for. */
  private final String attribute;

  /** The bad value as text. */
  private final String value;

  /**
   * Creates the exception for {@code attribute} and its bad {@code value}.
   *
   * @param attribute the attribute the value was given for
   * @param value the bad value as text
   * @param message the message naming the attribute and the value
   */
  public InvalidRequestException(String attribute, String value, String message) {
    super(requireNonNull(message, "message"));
    this.attribute = requireNonNull(attribute, "attribute");
    this.value = requireNonNull(value, "value");
  }

  /** {@return the name of the attribute the bad value was given for} */
  public String attribute() {
    return attribute;
  }

  /** {@return the bad value as text} */
  public String value() {
    return value;
  }
}

package dev.gatehouse.api.policy;

import java.util.List;

/**
 * Thrown when a {@link PolicySet} built in Java is invalid: it lists every problem found, not only
 * the first.
 */
public final class PolicyValidationException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The problems, one line each; {@code List.copyOf} lists are serializable. */
  @SuppressWarnings("serial")
  private final List<String> problems;

  /**
   * Creates the exception for the given problems, at least one.
   *
   * @param problems the problems, one line each
   */
  public PolicyValidationException(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  /** {@return every problem found, one lowercase line each} */
  public List<String> problems() {
    return problems;
  }
}

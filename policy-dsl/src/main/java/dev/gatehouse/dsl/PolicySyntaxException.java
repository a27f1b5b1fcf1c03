package dev.gatehouse.dsl;

import java.util.List;

/**
 * Thrown by the {@code ...OrThrow} methods of {@link PolicyDsl} when policy text has errors; it
 * carries every diagnostic, and its message is all of them rendered.
 */
public final class PolicySyntaxException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The diagnostics; a list copied from the result, serializable as an immutable list. */
  @SuppressWarnings("serial")
  private final List<Diagnostic> diagnostics;

  /**
   * Creates the exception.
   *
   * @param diagnostics every diagnostic of the text, at least one error among them
   */
  public PolicySyntaxException(List<Diagnostic> diagnostics) {
    super(ParseResult.render(diagnostics));
    this.diagnostics = List.copyOf(diagnostics);
  }

  /** Returns every diagnostic, errors and warnings. */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}

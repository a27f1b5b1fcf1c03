package dev.gatehouse.spring;

import dev.gatehouse.dsl.Diagnostic;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when the policies named by {@code gatehouse.policies} do not load at start-up; its message
 * holds every diagnostic, rendered as the CLI renders them, and the application does not start.
 */
public final class PolicyLoadException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<Diagnostic> diagnostics;

  /**
   * Creates the exception.
   *
   * @param message the message, with the rendered diagnostics
   * @param diagnostics the diagnostics, empty if the files could not be read at all
   * @param cause the cause, or null
   */
  public PolicyLoadException(
      String message, List<Diagnostic> diagnostics, @Nullable Throwable cause) {
    super(message, cause);
    this.diagnostics = List.copyOf(diagnostics);
  }

  /**
   * Returns the diagnostics.
   *
   * @return the diagnostics, empty if the files could not be read at all
   */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}

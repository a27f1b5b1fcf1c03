package dev.gatehouse.dsl;

import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Thrown by the {@code ...OrThrow} methods of {@link PolicyDsl} when policy text has errors; it
 * carries every diagnostic, and its message is the first {@value #MAX_RENDERED} of them rendered
 * (with how many more there are), built when first asked for.
 */
public final class PolicySyntaxException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * The most diagnostics the message renders. A log line or a server's error page shows the
   * message; {@link #diagnostics()} has them all.
   */
  public static final int MAX_RENDERED = 20;

  /** The diagnostics; a list copied from the result, serializable as an immutable list. */
  @SuppressWarnings("serial")
  private final List<Diagnostic> diagnostics;

  private transient volatile @Nullable String message;

  /**
   * Creates the exception.
   *
   * @param diagnostics every diagnostic of the text, at least one error among them
   */
  public PolicySyntaxException(List<Diagnostic> diagnostics) {
    super((String) null);
    this.diagnostics = List.copyOf(diagnostics);
  }

  /** {@return every diagnostic, errors and warnings} */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  /**
   * Returns the diagnostics rendered; past {@value #MAX_RENDERED} of them, the first {@value
   * #MAX_RENDERED} (errors before warnings) and a line saying how many more there are.
   *
   * @return the rendered diagnostics
   */
  @Override
  public String getMessage() {
    String m = message;
    if (m == null) {
      m = render();
      message = m;
    }
    return m;
  }

  private String render() {
    if (diagnostics.size() <= MAX_RENDERED) {
      return ParseResult.render(diagnostics);
    }
    // Errors first: a bounded message must not be filled with warnings and miss the error.
    List<Diagnostic> ordered =
        Stream.concat(
                diagnostics.stream().filter(Diagnostic::isError),
                diagnostics.stream().filter(d -> !d.isError()))
            .limit(MAX_RENDERED)
            .toList();
    String rendered = ParseResult.render(ordered);
    int more = diagnostics.size() - ordered.size();
    return more == 0
        ? rendered
        : rendered + "\nand " + more + " more " + (more == 1 ? "diagnostic" : "diagnostics") + "\n";
  }
}

package dev.gatehouse.dsl;

import static java.util.Objects.requireNonNull;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One problem found in policy text: an error, which keeps the text from becoming a policy set, or a
 * warning, which does not.
 *
 * <p>{@link #render()} gives the one format every Gatehouse tool shows:
 *
 * <pre>
 * error[unknown-attribute]: acme.policy:12:8: unknown attribute `user.departmnet`
 *   |
 * 12 |   when user.departmnet == "Finance"
 *   |        ^^^^^^^^^^^^^^^
 *   = help: did you mean `user.department`?
 * </pre>
 */
public final class Diagnostic {

  /** Whether a diagnostic stops the text from becoming a policy set. */
  public enum Severity {
    /** The text is rejected. */
    ERROR,
    /** The text is accepted, but probably does not say what its author meant. */
    WARNING;

    /** Returns the severity as shown in diagnostics: {@code error} or {@code warning}. */
    public String label() {
      return this == ERROR ? "error" : "warning";
    }
  }

  private final Severity severity;
  private final DiagnosticCode code;
  private final String source;
  private final int line;
  private final int column;
  private final int length;
  private final String message;
  private final @Nullable String help;
  private final @Nullable String lineText;

  /**
   * Creates a diagnostic.
   *
   * @param severity error or warning
   * @param code the stable code of its kind
   * @param source the source name, such as {@code acme.policy}
   * @param line the 1-based line
   * @param column the 1-based column
   * @param length the number of characters the problem spans, at least 0
   * @param message the one-line message
   * @param help a hint on the fix, or null
   * @param lineText the text of the line, shown under the message, or null to show none
   * @throws IllegalArgumentException if the line or column is below 1 or the length negative
   */
  public Diagnostic(
      Severity severity,
      DiagnosticCode code,
      String source,
      int line,
      int column,
      int length,
      String message,
      @Nullable String help,
      @Nullable String lineText) {
    this.severity = requireNonNull(severity, "severity");
    this.code = requireNonNull(code, "code");
    this.source = requireNonNull(source, "source");
    this.message = requireNonNull(message, "message");
    if (line < 1 || column < 1 || length < 0) {
      throw new IllegalArgumentException(
          "invalid position " + line + ":" + column + " (length " + length + ")");
    }
    this.line = line;
    this.column = column;
    this.length = length;
    this.help = help;
    this.lineText = lineText;
  }

  /** Returns whether this is an error or a warning. */
  public Severity severity() {
    return severity;
  }

  /** Returns the stable code of this kind of problem. */
  public DiagnosticCode code() {
    return code;
  }

  /** Returns the name of the source the problem is in. */
  public String source() {
    return source;
  }

  /** Returns the 1-based line. */
  public int line() {
    return line;
  }

  /** Returns the 1-based column. */
  public int column() {
    return column;
  }

  /** Returns the number of characters the problem spans. */
  public int length() {
    return length;
  }

  /** Returns the one-line message, lowercase and without a final period. */
  public String message() {
    return message;
  }

  /** Returns the hint on the fix, such as {@code did you mean `user.department`?}. */
  public Optional<String> help() {
    return Optional.ofNullable(help);
  }

  /** Returns whether this is an error. */
  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /**
   * Returns the diagnostic in the house format: the heading, the source line with a caret under the
   * span, and the help line if there is one. Lines are separated by {@code \n}; there is no final
   * newline.
   */
  public String render() {
    StringBuilder sb = new StringBuilder();
    sb.append(severity.label()).append('[').append(code.code()).append("]: ");
    sb.append(source).append(':').append(line).append(':').append(column).append(": ");
    sb.append(message);
    String number = Integer.toString(line);
    String pad = " ".repeat(Math.max(2, number.length()));
    if (lineText != null) {
      sb.append('\n').append(pad).append('|');
      sb.append('\n').append(" ".repeat(pad.length() - number.length())).append(number);
      sb.append(" | ").append(lineText);
      sb.append('\n').append(pad).append("| ").append(indent(lineText, column - 1));
      int carets = Math.max(1, Math.min(length, lineText.length() - (column - 1)));
      sb.append("^".repeat(carets));
    }
    if (help != null) {
      sb.append('\n').append(pad).append("= help: ").append(help);
    }
    return sb.toString();
  }

  /** Returns blanks as wide as the first {@code n} characters of the line, keeping its tabs. */
  private static String indent(String text, int n) {
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append(i < text.length() && text.charAt(i) == '\t' ? '\t' : ' ');
    }
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Diagnostic d
        && severity == d.severity
        && code == d.code
        && source.equals(d.source)
        && line == d.line
        && column == d.column
        && length == d.length
        && message.equals(d.message)
        && Objects.equals(help, d.help);
  }

  @Override
  public int hashCode() {
    return Objects.hash(code, source, line, column, message);
  }

  /** Returns the heading line, such as {@code error[unknown-attribute]: a.policy:3:8: ...}. */
  @Override
  public String toString() {
    return severity.label()
        + "["
        + code.code()
        + "]: "
        + source
        + ":"
        + line
        + ":"
        + column
        + ": "
        + message;
  }
}

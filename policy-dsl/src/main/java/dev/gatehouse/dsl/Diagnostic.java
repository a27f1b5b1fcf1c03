package dev.gatehouse.dsl;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.api.text.Printable;
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

    /** {@return the severity as shown in diagnostics: {@code error} or {@code warning}} */
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

  /** The part of the source line that is shown: all of it, or a window around the caret. */
  private final @Nullable String lineText;

  /** Where {@link #lineText} starts in the source line. */
  private final int lineFrom;

  /** Whether the source line goes on after {@link #lineText}. */
  private final boolean lineCut;

  /** The most characters of a source line shown; a longer line is shown around the caret. */
  static final int MAX_LINE_SHOWN = 120;

  /** How many characters before the caret a window of a long line starts. */
  private static final int BEFORE_CARET = 40;

  /** The most characters of a message or help line kept. */
  static final int MAX_MESSAGE = 1000;

  private Diagnostic(
      Severity severity,
      DiagnosticCode code,
      String source,
      int line,
      int column,
      int length,
      String message,
      @Nullable String help,
      @Nullable String lineText,
      int lineFrom,
      boolean lineCut) {
    this.severity = severity;
    this.code = code;
    this.source = source;
    this.line = line;
    this.column = column;
    this.length = length;
    this.message = message;
    this.help = help;
    this.lineText = lineText;
    this.lineFrom = lineFrom;
    this.lineCut = lineCut;
  }

  /**
   * Creates a diagnostic with neither a help line nor the source line; add those with {@link
   * #withHelp} and {@link #withLine}.
   *
   * <pre>{@code
   * Diagnostic d =
   *     Diagnostic.of(Severity.ERROR, DiagnosticCode.UNKNOWN_ATTRIBUTE, "acme.policy", 12, 8, 15,
   *             "unknown attribute `user.departmnet`")
   *         .withHelp("did you mean `user.department`?")
   *         .withLine("  when user.departmnet == \"Finance\"");
   * }</pre>
   *
   * @param severity error or warning
   * @param code the stable code of its kind
   * @param source the source name, such as {@code acme.policy}
   * @param line the 1-based line
   * @param column the 1-based column
   * @param length the number of characters the problem spans, at least 0
   * @param message the one-line message
   * @return the diagnostic
   * @throws IllegalArgumentException if the line or column is below 1 or the length negative
   */
  public static Diagnostic of(
      Severity severity,
      DiagnosticCode code,
      String source,
      int line,
      int column,
      int length,
      String message) {
    requireNonNull(severity, "severity");
    requireNonNull(code, "code");
    requireNonNull(source, "source");
    requireNonNull(message, "message");
    if (line < 1 || column < 1 || length < 0) {
      throw new IllegalArgumentException(
          "invalid position " + line + ":" + column + " (length " + length + ")");
    }
    // Messages quote user text: keep them on one line, visible, and bounded.
    return new Diagnostic(
        severity,
        code,
        source,
        line,
        column,
        length,
        Printable.escape(message, MAX_MESSAGE),
        null,
        null,
        0,
        false);
  }

  /**
   * Creates an error, as {@link #of} does.
   *
   * @param code the stable code of its kind
   * @param source the source name
   * @param line the 1-based line
   * @param column the 1-based column
   * @param length the number of characters the problem spans, at least 0
   * @param message the one-line message
   * @return the error
   * @throws IllegalArgumentException if the line or column is below 1 or the length negative
   */
  public static Diagnostic error(
      DiagnosticCode code, String source, int line, int column, int length, String message) {
    return of(Severity.ERROR, code, source, line, column, length, message);
  }

  /**
   * Creates a warning, as {@link #of} does.
   *
   * @param code the stable code of its kind
   * @param source the source name
   * @param line the 1-based line
   * @param column the 1-based column
   * @param length the number of characters the problem spans, at least 0
   * @param message the one-line message
   * @return the warning
   * @throws IllegalArgumentException if the line or column is below 1 or the length negative
   */
  public static Diagnostic warning(
      DiagnosticCode code, String source, int line, int column, int length, String message) {
    return of(Severity.WARNING, code, source, line, column, length, message);
  }

  /**
   * {@return this diagnostic with a hint on the fix, shown as its last line}
   *
   * @param help the hint, one line
   */
  public Diagnostic withHelp(String help) {
    return new Diagnostic(
        severity,
        code,
        source,
        line,
        column,
        length,
        message,
        Printable.escape(requireNonNull(help, "help"), MAX_MESSAGE),
        lineText,
        lineFrom,
        lineCut);
  }

  /**
   * {@return this diagnostic showing the source line under the message, with a caret under the
   * span; of a line longer than 120 characters only a window around the column is kept}
   *
   * @param lineText the text of the line
   */
  public Diagnostic withLine(String lineText) {
    requireNonNull(lineText, "lineText");
    if (lineText.length() <= MAX_LINE_SHOWN) {
      return new Diagnostic(
          severity, code, source, line, column, length, message, help, lineText, 0, false);
    }
    int caret = Math.min(column - 1, lineText.length());
    int from = Math.max(0, Math.min(caret - BEFORE_CARET, lineText.length() - MAX_LINE_SHOWN));
    int to = Math.min(lineText.length(), from + MAX_LINE_SHOWN);
    return new Diagnostic(
        severity,
        code,
        source,
        line,
        column,
        length,
        message,
        help,
        lineText.substring(from, to),
        from,
        to < lineText.length());
  }

  /** {@return whether this is an error or a warning} */
  public Severity severity() {
    return severity;
  }

  /** {@return the stable code of this kind of problem} */
  public DiagnosticCode code() {
    return code;
  }

  /** {@return the name of the source the problem is in} */
  public String source() {
    return source;
  }

  /** {@return the 1-based line} */
  public int line() {
    return line;
  }

  /** {@return the 1-based column} */
  public int column() {
    return column;
  }

  /** {@return the number of characters the problem spans} */
  public int length() {
    return length;
  }

  /** {@return the one-line message, lowercase and without a final period} */
  public String message() {
    return message;
  }

  /** {@return the hint on the fix, such as {@code did you mean `user.department`?}} */
  public Optional<String> help() {
    return Optional.ofNullable(help);
  }

  /** {@return whether this is an error} */
  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /**
   * Returns the diagnostic in the house format: the heading, the source line with a caret under the
   * span, and the help line if there is one. Lines are separated by {@code \n}; there is no final
   * newline.
   *
   * @return the rendered diagnostic
   */
  public String render() {
    StringBuilder sb = new StringBuilder();
    sb.append(severity.label()).append('[').append(code.code()).append("]: ");
    sb.append(Printable.escape(source))
        .append(':')
        .append(line)
        .append(':')
        .append(column)
        .append(": ");
    sb.append(message);
    String number = Integer.toString(line);
    String pad = " ".repeat(Math.max(2, number.length()));
    if (lineText != null) {
      int caret = Math.max(0, column - 1 - lineFrom);
      int caretEnd = Math.min(lineText.length(), caret + length);
      String before = lineText.substring(0, Math.min(caret, lineText.length()));
      String marked = caret < caretEnd ? lineText.substring(caret, caretEnd) : "";
      String lead = lineFrom > 0 ? "…" : "";
      sb.append('\n').append(pad).append('|');
      sb.append('\n').append(" ".repeat(pad.length() - number.length())).append(number);
      sb.append(" | ").append(lead).append(show(lineText)).append(lineCut ? "…" : "");
      sb.append('\n').append(pad).append("| ").append(lead.isEmpty() ? "" : " ");
      sb.append(indent(show(before))).append(" ".repeat(Math.max(0, caret - before.length())));
      sb.append("^".repeat(Math.max(1, show(marked).length())));
    }
    if (help != null) {
      sb.append('\n').append(pad).append("= help: ").append(help);
    }
    return sb.toString();
  }

  /** Returns blanks as wide as {@code shown}, keeping its tabs. */
  private static String indent(String shown) {
    StringBuilder sb = new StringBuilder(shown.length());
    for (int i = 0; i < shown.length(); i++) {
      sb.append(shown.charAt(i) == '\t' ? '\t' : ' ');
    }
    return sb.toString();
  }

  /**
   * Returns source text as shown: tabs kept, so that the caret lines up under an indented line, and
   * every other character that would not show as itself escaped.
   */
  private static String show(String text) {
    if (Printable.isPrintable(text)) {
      return text;
    }
    StringBuilder sb = new StringBuilder(text.length() + 16);
    int start = 0;
    for (int tab = text.indexOf('\t'); tab >= 0; tab = text.indexOf('\t', start)) {
      sb.append(Printable.escape(text.substring(start, tab))).append('\t');
      start = tab + 1;
    }
    return sb.append(Printable.escape(text.substring(start))).toString();
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
        + Printable.escape(source)
        + ":"
        + line
        + ":"
        + column
        + ": "
        + message;
  }
}

package dev.gatehouse.dsl.internal;

import dev.gatehouse.dsl.Diagnostic;
import dev.gatehouse.dsl.DiagnosticCode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Collects the diagnostics of one source, turning spans into lines and columns. */
final class Reporter {

  private final SourceText source;
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  Reporter(SourceText source) {
    this.source = source;
  }

  SourceText source() {
    return source;
  }

  void error(DiagnosticCode code, Span span, String message) {
    add(Diagnostic.Severity.ERROR, code, span, message, null);
  }

  void error(DiagnosticCode code, Span span, String message, @Nullable String help) {
    add(Diagnostic.Severity.ERROR, code, span, message, help);
  }

  void warning(DiagnosticCode code, Span span, String message, @Nullable String help) {
    add(Diagnostic.Severity.WARNING, code, span, message, help);
  }

  /**
   * Reports a message from the policy model, whose hint follows a semicolon ({@code ...; did you
   * mean `x`?}), with the hint moved to the help line.
   */
  void modelError(DiagnosticCode code, Span span, String message) {
    int semi = message.indexOf("; ");
    if (semi < 0) {
      error(code, span, message);
    } else {
      error(code, span, message.substring(0, semi), message.substring(semi + 2));
    }
  }

  private void add(
      Diagnostic.Severity severity,
      DiagnosticCode code,
      Span span,
      String message,
      @Nullable String help) {
    int line = source.line(span.start());
    int column = source.column(span.start());
    String text = source.lineText(line);
    int length = Math.min(span.length(), Math.max(0, text.length() - (column - 1)));
    diagnostics.add(
        new Diagnostic(severity, code, source.name(), line, column, length, message, help, text));
  }

  boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  /** Returns the diagnostics sorted by position; the sort is stable for equal positions. */
  List<Diagnostic> sorted() {
    List<Diagnostic> copy = new ArrayList<>(diagnostics);
    copy.sort(Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column));
    return copy;
  }
}

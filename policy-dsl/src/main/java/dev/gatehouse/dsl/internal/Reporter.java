package dev.gatehouse.dsl.internal;

import dev.gatehouse.dsl.Diagnostic;
import dev.gatehouse.dsl.DiagnosticCode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Collects the diagnostics of one source, turning spans into lines and columns.
 *
 * <p>What it keeps is bounded whatever the text: a run of one error repeated along a line (a line
 * of {@code !}) becomes one diagnostic over the whole run, and past {@link #MAX_DIAGNOSTICS} the
 * rest are only counted, then summed up in one last diagnostic.
 */
final class Reporter {

  /** The most diagnostics shown for one source; the rest are counted. */
  static final int MAX_DIAGNOSTICS = 100;

  private static final List<String> HINTS =
      List.of("did you mean", "expected one of", "test it with", "only ");

  /** A diagnostic before it is placed: offsets only, so that keeping one costs little. */
  private static final class Entry {
    final Diagnostic.Severity severity;
    final DiagnosticCode code;
    final int start;
    int end;
    int times = 1;
    final String message;
    final @Nullable String help;

    Entry(
        Diagnostic.Severity severity,
        DiagnosticCode code,
        Span span,
        String message,
        @Nullable String help) {
      this.severity = severity;
      this.code = code;
      this.start = span.start();
      this.end = span.end();
      this.message = message;
      this.help = help;
    }
  }

  private final SourceText source;
  private final List<Entry> entries = new ArrayList<>();
  private boolean errors;
  private int omittedErrors;
  private int omittedWarnings;
  private int firstOmitted = Integer.MAX_VALUE;

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
    // Only a known hint is split off: the message may quote user text that holds "; ".
    int semi = message.lastIndexOf("; ");
    String hint = semi < 0 ? "" : message.substring(semi + 2);
    if (HINTS.stream().anyMatch(hint::startsWith)) {
      error(code, span, message.substring(0, semi), hint);
    } else {
      error(code, span, message);
    }
  }

  private void add(
      Diagnostic.Severity severity,
      DiagnosticCode code,
      Span span,
      String message,
      @Nullable String help) {
    errors |= severity == Diagnostic.Severity.ERROR;
    Entry last = entries.isEmpty() ? null : entries.get(entries.size() - 1);
    if (last != null && repeats(last, severity, code, span, message, help)) {
      last.end = Math.max(last.end, span.end());
      last.times++;
    } else if (entries.size() < MAX_DIAGNOSTICS) {
      entries.add(new Entry(severity, code, span, message, help));
    } else {
      if (severity == Diagnostic.Severity.ERROR) {
        omittedErrors++;
      } else {
        omittedWarnings++;
      }
      firstOmitted = Math.min(firstOmitted, span.start());
    }
  }

  /** Returns whether the new diagnostic repeats {@code last} right after it on the same line. */
  private boolean repeats(
      Entry last,
      Diagnostic.Severity severity,
      DiagnosticCode code,
      Span span,
      String message,
      @Nullable String help) {
    if (last.severity != severity
        || last.code != code
        || !last.message.equals(message)
        || !Objects.equals(last.help, help)
        || span.start() < last.end) {
      return false;
    }
    String text = source.text();
    for (int i = last.end; i < span.start(); i++) {
      char c = text.charAt(i);
      if (c != ' ' && c != '\t') {
        return false;
      }
    }
    return true;
  }

  boolean hasErrors() {
    return errors;
  }

  /**
   * Returns the diagnostics sorted by position, the sort stable for equal positions, and then the
   * count of those left out, if any.
   */
  List<Diagnostic> sorted() {
    List<Diagnostic> out = new ArrayList<>(entries.size() + 1);
    for (Entry e : entries) {
      String message = e.times == 1 ? e.message : e.message + " (" + e.times + " times)";
      out.add(place(e.severity, e.code, e.start, e.end - e.start, message, e.help));
    }
    out.sort(Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column));
    if (omittedErrors + omittedWarnings > 0) {
      out.add(omitted());
    }
    return out;
  }

  private Diagnostic omitted() {
    List<String> parts = new ArrayList<>(2);
    if (omittedErrors > 0) {
      parts.add(omittedErrors + " more " + (omittedErrors == 1 ? "error" : "errors"));
    }
    if (omittedWarnings > 0) {
      parts.add(omittedWarnings + " more " + (omittedWarnings == 1 ? "warning" : "warnings"));
    }
    return Diagnostic.of(
            omittedErrors > 0 ? Diagnostic.Severity.ERROR : Diagnostic.Severity.WARNING,
            DiagnosticCode.TOO_MANY_DIAGNOSTICS,
            source.name(),
            source.line(firstOmitted),
            source.column(firstOmitted),
            0,
            "and " + String.join(" and ", parts) + ", the first here; not shown")
        .withHelp("only the first " + MAX_DIAGNOSTICS + " diagnostics of a file are shown");
  }

  private Diagnostic place(
      Diagnostic.Severity severity,
      DiagnosticCode code,
      int start,
      int spanLength,
      String message,
      @Nullable String help) {
    int line = source.line(start);
    int column = source.column(start);
    String text = source.lineText(line);
    int length = Math.min(spanLength, Math.max(0, text.length() - (column - 1)));
    Diagnostic d = Diagnostic.of(severity, code, source.name(), line, column, length, message);
    return (help == null ? d : d.withHelp(help)).withLine(text);
  }
}

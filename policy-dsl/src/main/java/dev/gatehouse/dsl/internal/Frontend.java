package dev.gatehouse.dsl.internal;

import dev.gatehouse.api.Schema;
import dev.gatehouse.api.policy.PolicySet;
import dev.gatehouse.api.text.Utf8;
import dev.gatehouse.dsl.Diagnostic;
import dev.gatehouse.dsl.DiagnosticCode;
import dev.gatehouse.dsl.ParseResult;
import dev.gatehouse.dsl.PolicySyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The language pipeline behind {@link dev.gatehouse.dsl.PolicyDsl} and {@link
 * dev.gatehouse.dsl.PolicyFormatter}: lex, parse, resolve and lower, or lex, parse and print. Not
 * an API.
 */
public final class Frontend {

  /**
   * The largest source accepted, in characters: 4 Mi, room for a generated file of 10,000 policies
   * while still refusing input that could only be a mistake or an attack.
   */
  public static final int MAX_SOURCE_CHARS = 4 << 20;

  private Frontend() {}

  /**
   * Parses sources, keyed by name in order, into one policy set over {@code base} and the
   * attributes their {@code schema} blocks declare.
   *
   * @param sources the text of each source by name, in the order to report them
   * @param base the schema to start from
   * @return the policy set or the errors, and every warning
   */
  public static ParseResult parse(Map<String, String> sources, Schema base) {
    return parse(sources, base, List.of());
  }

  /**
   * Parses sources as {@link #parse(Map, Schema)} does, with errors already found while reading
   * other sources (too large, not UTF-8), which keep the set from being built.
   *
   * @param sources the text of each source by name, in the order to report them
   * @param base the schema to start from
   * @param unreadable one error for each source that could not be read as text
   * @return the policy set or the errors, and every warning
   */
  public static ParseResult parse(
      Map<String, String> sources, Schema base, List<Diagnostic> unreadable) {
    List<Resolver.Unit> units = new ArrayList<>();
    List<Diagnostic> early = new ArrayList<>(unreadable);
    for (Map.Entry<String, String> source : sources.entrySet()) {
      String text = source.getValue();
      if (text.length() > MAX_SOURCE_CHARS) {
        early.add(tooLarge(source.getKey(), text.length()));
        continue;
      }
      Reporter reporter = new Reporter(new SourceText(source.getKey(), text));
      Ast.File file = Parser.parse(reporter);
      if (file.decls().isEmpty() && !reporter.hasErrors()) {
        reporter.warning(
            DiagnosticCode.NO_DECLARATIONS,
            new Span(0, 0),
            "`" + source.getKey() + "` declares nothing, so it enforces nothing",
            "if it should hold policies, check that its lines end in LF, CRLF or CR");
      }
      units.add(new Resolver.Unit(reporter, file));
    }
    PolicySet set = Resolver.resolve(units, base);
    List<Diagnostic> diagnostics = new ArrayList<>(early);
    units.forEach(u -> diagnostics.addAll(u.reporter().sorted()));
    return new ParseResult(early.isEmpty() ? set : null, diagnostics);
  }

  /**
   * Returns the diagnostic for bytes that are not UTF-8 text, placed at the line and column of the
   * first bad byte.
   *
   * @param name the source name
   * @param bytes the bytes of the source
   * @param e what the decoder found
   * @return the diagnostic for bytes that are not UTF-8 text
   */
  public static Diagnostic notUtf8(String name, byte[] bytes, Utf8.MalformedException e) {
    int offset = (int) e.offset();
    int start = Utf8.hasByteOrderMark(bytes) ? 3 : 0;
    // The bytes before the bad one are valid: decode them to find its line and column.
    SourceText before =
        new SourceText(
            name, new String(bytes, start, Math.max(0, offset - start), StandardCharsets.UTF_8));
    int end = before.text().length();
    return Diagnostic.error(
            DiagnosticCode.INVALID_ENCODING,
            name,
            before.line(end),
            before.column(end),
            0,
            e.getMessage())
        .withHelp("save the file as UTF-8");
  }

  /**
   * {@return the diagnostic for a file too large to hold a source within the size limit, whatever
   * it decodes to, so that it is not read}
   *
   * @param name the file name
   * @param bytes its size in bytes
   */
  public static Diagnostic fileTooLarge(String name, long bytes) {
    return Diagnostic.error(
            DiagnosticCode.FILE_TOO_LARGE,
            name,
            1,
            1,
            0,
            "source has "
                + bytes
                + " bytes, too many for the limit of "
                + MAX_SOURCE_CHARS
                + " characters")
        .withHelp("split it into several files");
  }

  /**
   * {@return the diagnostic for a source over the size limit}
   *
   * @param name the source name
   * @param size its size in characters
   */
  public static Diagnostic tooLarge(String name, long size) {
    return Diagnostic.error(
            DiagnosticCode.FILE_TOO_LARGE,
            name,
            1,
            1,
            0,
            "source has " + size + " characters, more than the limit of " + MAX_SOURCE_CHARS)
        .withHelp("split it into several files");
  }

  /**
   * Returns the text in the canonical layout.
   *
   * @param name the source name, for diagnostics
   * @param text the policy text
   * @return the formatted text
   * @throws PolicySyntaxException if the text has a syntax error; names and types are not checked
   */
  public static String format(String name, String text) {
    if (text.length() > MAX_SOURCE_CHARS) {
      throw new PolicySyntaxException(List.of(tooLarge(name, text.length())));
    }
    Reporter reporter = new Reporter(new SourceText(name, text));
    Ast.File file = Parser.parse(reporter);
    if (reporter.hasErrors()) {
      throw new PolicySyntaxException(reporter.sorted());
    }
    return Printer.print(file);
  }
}

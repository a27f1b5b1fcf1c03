package dev.gatehouse.dsl.internal;

import dev.gatehouse.api.internal.Suggestions;
import dev.gatehouse.dsl.DiagnosticCode;
import dev.gatehouse.dsl.internal.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** A position in a token list, with the helpers every parser rule uses. */
final class Cursor {

  /** The longest list the language accepts, to protect the host from huge inputs. */
  static final int MAX_LIST = 10_000;

  /** Thrown to abandon a declaration after its first syntax error has been reported. */
  static final class Recover extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Recover() {
      super(null, null, false, false);
    }
  }

  private final List<Token> tokens;
  private final Reporter reporter;
  private int pos;

  Cursor(List<Token> tokens, Reporter reporter) {
    this.tokens = tokens;
    this.reporter = reporter;
  }

  Reporter reporter() {
    return reporter;
  }

  Token peek() {
    return tokens.get(pos);
  }

  Token peek(int ahead) {
    return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
  }

  boolean at(Kind kind) {
    return peek().kind() == kind;
  }

  Token next() {
    Token t = tokens.get(pos);
    if (t.kind() != Kind.EOF) {
      pos++;
    }
    return t;
  }

  /** Consumes the identifier {@code word} if it comes next. */
  boolean accept(String word) {
    if (peek().is(word)) {
      next();
      return true;
    }
    return false;
  }

  Token expect(Kind kind) {
    return expect(kind, kind.description());
  }

  Token expect(Kind kind, String what) {
    if (!at(kind)) {
      throw fail("expected " + what);
    }
    return next();
  }

  Token expectWord(String word) {
    if (!peek().is(word)) {
      throw fail("expected `" + word + "`");
    }
    return next();
  }

  /**
   * Reports {@code expected ..., found ...} at the next token and returns the exception to throw.
   */
  Recover fail(String expected) {
    return fail(expected, null);
  }

  /** As {@link #fail(String)}, suggesting the nearest of {@code words} to a misspelt word. */
  Recover fail(String expected, @Nullable List<String> words) {
    Token t = peek();
    String help =
        t.kind() == Kind.IDENT && words != null
            ? Suggestions.nearest(t.text(), words)
                .map(s -> "did you mean `" + s + "`?")
                .orElse(null)
            : null;
    reporter.error(
        DiagnosticCode.UNEXPECTED_TOKEN, t.span(), expected + ", found " + t.describe(), help);
    return new Recover();
  }

  /** Parses {@code [item, item, ...]}, possibly empty, no longer than {@link #MAX_LIST}. */
  <T> List<T> list(Supplier<T> item) {
    Token open = expect(Kind.LBRACKET);
    List<T> items = new ArrayList<>();
    if (at(Kind.RBRACKET)) {
      next();
      return items;
    }
    do {
      if (items.size() == MAX_LIST) {
        reporter.error(
            DiagnosticCode.LIST_TOO_LONG,
            open.span(),
            "list has more than " + MAX_LIST + " items",
            "split it, or name parts of it");
        throw new Recover();
      }
      items.add(item.get());
    } while (at(Kind.COMMA) && next() != null);
    expect(Kind.RBRACKET, "`,` or `]`");
    return items;
  }

  /** Returns the span from {@code start} to the end of the last consumed token. */
  Span spanFrom(Span start) {
    Token last = tokens.get(Math.max(0, pos - 1));
    return new Span(start.start(), Math.max(start.end(), last.span().end()));
  }

  /** Returns whether the next token is the first of its line. */
  boolean startsLine() {
    int end = pos == 0 ? 0 : tokens.get(pos - 1).span().end();
    String text = reporter.source().text();
    for (int i = end; i < peek().span().start(); i++) {
      if (SourceText.isLineEnd(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  int position() {
    return pos;
  }
}

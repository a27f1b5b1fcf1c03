package dev.gatehouse.dsl.internal;

import dev.gatehouse.api.text.Printable;
import dev.gatehouse.dsl.DiagnosticCode;
import dev.gatehouse.dsl.internal.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Splits policy text into tokens and comments. Reports bad characters, strings and escapes, and
 * carries on after each so that every problem of a file is found.
 */
final class Lexer {

  private static final Map<String, Kind> TWO_CHARS =
      Map.of("==", Kind.EQ, "!=", Kind.NE, "<=", Kind.LE, ">=", Kind.GE);
  private static final Map<Character, Kind> ONE_CHAR =
      Map.ofEntries(
          Map.entry('{', Kind.LBRACE),
          Map.entry('}', Kind.RBRACE),
          Map.entry('[', Kind.LBRACKET),
          Map.entry(']', Kind.RBRACKET),
          Map.entry('(', Kind.LPAREN),
          Map.entry(')', Kind.RPAREN),
          Map.entry(',', Kind.COMMA),
          Map.entry(':', Kind.COLON),
          Map.entry('-', Kind.MINUS),
          Map.entry('*', Kind.STAR),
          Map.entry('=', Kind.ASSIGN),
          Map.entry('<', Kind.LT),
          Map.entry('>', Kind.GT));

  private final String text;
  private final Reporter reporter;
  private final List<Token> tokens = new ArrayList<>();
  private final List<Ast.Comment> comments = new ArrayList<>();
  private int pos;

  private Lexer(Reporter reporter) {
    this.text = reporter.source().text();
    this.reporter = reporter;
  }

  /** The tokens of a source, ending with {@link Kind#EOF}, and its comments. */
  record Result(List<Token> tokens, List<Ast.Comment> comments) {}

  static Result lex(Reporter reporter) {
    Lexer lexer = new Lexer(reporter);
    lexer.run();
    return new Result(List.copyOf(lexer.tokens), List.copyOf(lexer.comments));
  }

  private void run() {
    refuseHiddenText();
    if (text.startsWith("\uFEFF")) {
      pos = 1; // a byte order mark says nothing in UTF-8 text
    }
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        pos++;
      } else if (c == '#') {
        comment();
      } else if (c == '"') {
        string();
      } else if (isDigit(c) || (c == ':' && peek(1) == ':')) {
        number();
      } else if (isIdentStart(c)) {
        word();
      } else {
        punctuation(c);
      }
    }
    tokens.add(new Token(Kind.EOF, "", new Span(text.length(), text.length())));
  }

  /**
   * Reports each run of characters that make a file read otherwise than it parses: bidirectional
   * controls, which reorder what an editor shows (Trojan Source), and U+0085, U+2028 and U+2029,
   * which some editors show as line breaks while the language does not end a line at them (a
   * comment would run on over what looks like code).
   */
  private void refuseHiddenText() {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isBidiControl(c)) {
        reporter.error(
            DiagnosticCode.BIDI_CONTROL,
            new Span(i, i + 1),
            String.format("bidirectional control character U+%04X", (int) c),
            "remove it: it makes the text read otherwise than it is parsed;"
                + " inside a string write it as an escape such as `\\u{202e}`");
      } else if (isUnicodeLineBreak(c)) {
        reporter.error(
            DiagnosticCode.UNICODE_LINE_BREAK,
            new Span(i, i + 1),
            String.format("U+%04X is not a line end in policy text", (int) c),
            "end lines with LF, CRLF or CR; inside a string write it as an escape such as"
                + " `\\u{2028}`");
      }
    }
  }

  static boolean isBidiControl(char c) {
    return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
  }

  static boolean isUnicodeLineBreak(char c) {
    return c == '\u0085' || c == '\u2028' || c == '\u2029';
  }

  private void comment() {
    int start = pos;
    while (pos < text.length() && !SourceText.isLineEnd(text.charAt(pos))) {
      pos++;
    }
    comments.add(new Ast.Comment(start, text.substring(start, pos).stripTrailing()));
  }

  private void string() {
    int start = pos++;
    StringBuilder value = new StringBuilder();
    while (pos < text.length()
        && text.charAt(pos) != '"'
        && !SourceText.isLineEnd(text.charAt(pos))) {
      char c = text.charAt(pos);
      if (c == '\\') {
        escape(value);
      } else {
        value.append(c);
        pos++;
      }
    }
    if (pos >= text.length() || text.charAt(pos) != '"') {
      reporter.error(
          DiagnosticCode.UNTERMINATED_STRING,
          new Span(start, pos),
          "unterminated string",
          "close it with `\"` on the same line");
    } else {
      pos++;
    }
    tokens.add(new Token(Kind.STRING, value.toString(), new Span(start, pos)));
  }

  private void escape(StringBuilder value) {
    int start = pos;
    char e = peek(1);
    pos += 2;
    switch (e) {
      case '"' -> value.append('"');
      case '\\' -> value.append('\\');
      case 'n' -> value.append('\n');
      case 't' -> value.append('\t');
      case 'r' -> value.append('\r');
      case 'u' -> unicode(start, value);
      default -> {
        pos = Math.min(pos, text.length());
        if (SourceText.isLineEnd(e) || e == 0) {
          pos = start + 1;
        }
        reporter.error(
            DiagnosticCode.BAD_ESCAPE,
            new Span(start, pos),
            "unknown escape `" + text.substring(start, pos).strip() + "` in string",
            "use `\\\"`, `\\\\`, `\\n`, `\\t`, `\\r` or `\\u{...}`");
      }
    }
  }

  /** Reads {@code \\u{1F600}} (1 to 6 hex digits) after the {@code \\u}. */
  private void unicode(int start, StringBuilder value) {
    int close = peek(0) == '{' ? text.indexOf('}', pos) : -1;
    String digits = close < 0 ? "" : text.substring(pos + 1, close);
    boolean hex =
        !digits.isEmpty()
            && digits.length() <= 6
            && digits.chars().allMatch(ch -> Character.digit(ch, 16) >= 0);
    int code = hex ? Integer.parseInt(digits, 16) : -1;
    if (!hex || !Character.isValidCodePoint(code) || (code >= 0xD800 && code <= 0xDFFF)) {
      boolean sameString = close >= 0 && digits.length() <= 8 && digits.matches("[^\"\n]*");
      int end = sameString ? close + 1 : pos;
      pos = end;
      reporter.error(
          DiagnosticCode.BAD_ESCAPE,
          new Span(start, end),
          "invalid unicode escape `" + text.substring(start, end) + "`",
          "write a code point as `\\u{` 1 to 6 hex digits `}`, such as `\\u{e9}`");
      return;
    }
    value.appendCodePoint(code);
    pos = close + 1;
  }

  /** Reads an int, duration, time of day or address: all start with a digit (or {@code ::}). */
  private void number() {
    int start = pos;
    String word = scanAddressChars();
    long colons = word.chars().filter(ch -> ch == ':').count();
    Kind kind;
    if (colons >= 2 || word.indexOf('.') >= 0 || word.indexOf('/') >= 0) {
      kind = Kind.ADDRESS;
    } else if (colons == 1) {
      kind = Kind.TIME;
    } else if (word.chars().allMatch(Lexer::isDigit)) {
      kind = Kind.INT;
    } else {
      kind = Kind.DURATION;
    }
    tokens.add(new Token(kind, word, new Span(start, pos)));
  }

  private String scanAddressChars() {
    int start = pos;
    while (pos < text.length() && isAddressChar(text.charAt(pos))) {
      pos++;
    }
    // A trailing colon belongs to the grammar, as in `user.x: int`, not to the word.
    while (pos > start + 1 && text.charAt(pos - 1) == ':' && text.charAt(pos - 2) != ':') {
      pos--;
    }
    return text.substring(start, pos);
  }

  /** Reads a name such as {@code user.department}, {@code report-only} or {@code user.*}. */
  private void word() {
    int start = pos;
    String candidate = scanAddressChars();
    if (candidate.chars().filter(ch -> ch == ':').count() >= 2 && isHexAddress(candidate)) {
      tokens.add(new Token(Kind.ADDRESS, candidate, new Span(start, pos)));
      return;
    }
    pos = start;
    segment();
    while (true) {
      if (peek(0) == '-' && isLetter(peek(1))) {
        pos++;
        segment();
      } else if (peek(0) == '.' && (isIdentPart(peek(1)) || peek(1) == '*')) {
        pos++;
        if (peek(0) == '*') {
          pos++;
          break;
        }
        segment();
      } else {
        break;
      }
    }
    tokens.add(new Token(Kind.IDENT, text.substring(start, pos), new Span(start, pos)));
  }

  private void segment() {
    while (pos < text.length() && isIdentPart(text.charAt(pos))) {
      pos++;
    }
  }

  private void punctuation(char c) {
    int start = pos;
    Kind two = TWO_CHARS.get(text.substring(pos, Math.min(pos + 2, text.length())));
    Kind kind = two != null ? two : ONE_CHAR.get(c);
    if (kind == null && (text.startsWith("&&", pos) || text.startsWith("||", pos))) {
      // Written by people used to C, Java or SQL dialects: name the word the language uses.
      boolean and = c == '&';
      pos += 2;
      reporter.error(
          DiagnosticCode.UNEXPECTED_CHARACTER,
          new Span(start, pos),
          "unexpected `" + (and ? "&&" : "||") + "`",
          and ? "write `and` to require both conditions" : "write `or` to accept either condition");
      return;
    }
    if (kind == null) {
      int cp = text.codePointAt(pos);
      pos += Character.charCount(cp);
      if (isBidiControl(c) || isUnicodeLineBreak(c)) {
        return; // reported already, wherever it stands
      }
      String shown =
          Printable.isUnsafe(cp) || Character.isWhitespace(cp)
              ? String.format("U+%04X", cp) + (cp == 0xFEFF ? " (byte order mark)" : "")
              : "`" + new String(Character.toChars(cp)) + "`";
      reporter.error(
          DiagnosticCode.UNEXPECTED_CHARACTER,
          new Span(start, pos),
          "unexpected character " + shown,
          help(c));
      return;
    }
    pos += two != null ? 2 : 1;
    tokens.add(new Token(kind, text.substring(start, pos), new Span(start, pos)));
  }

  private static @Nullable String help(char c) {
    switch (c) {
      case '!':
        return "write `not` for negation, or `!=` for inequality";
      case '&':
        return "write `and` to require both conditions";
      case '|':
        return "write `or` to accept either condition";
      default:
        return null;
    }
  }

  private char peek(int ahead) {
    int i = pos + ahead;
    return i < text.length() ? text.charAt(i) : 0;
  }

  private static boolean isHexAddress(String s) {
    return s.chars()
        .allMatch(ch -> Character.digit(ch, 16) >= 0 || ch == ':' || ch == '.' || ch == '/');
  }

  private static boolean isAddressChar(char c) {
    return isIdentPart(c) || c == '.' || c == ':' || c == '/';
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isIdentStart(char c) {
    return isLetter(c) || c == '_';
  }

  private static boolean isIdentPart(char c) {
    return isIdentStart(c) || isDigit(c);
  }
}

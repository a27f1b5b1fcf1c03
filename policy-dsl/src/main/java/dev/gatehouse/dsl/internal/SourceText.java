package dev.gatehouse.dsl.internal;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * The text of one source and its name; maps offsets to 1-based lines and columns on demand. A line
 * ends at LF, CRLF or a lone CR, as editors show it.
 */
final class SourceText {

  private final String name;
  private final String text;
  private final int[] lineStarts;

  SourceText(String name, String text) {
    this.name = requireNonNull(name, "name");
    this.text = requireNonNull(text, "text");
    int[] starts = new int[16];
    int count = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean crlf = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n';
      if (isLineEnd(c) && !crlf) {
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = i + 1;
      }
    }
    this.lineStarts = Arrays.copyOf(starts, count);
  }

  String name() {
    return name;
  }

  String text() {
    return text;
  }

  /** Returns the 1-based line holding {@code offset}. */
  int line(int offset) {
    int i = Arrays.binarySearch(lineStarts, Math.min(Math.max(offset, 0), text.length()));
    return i >= 0 ? i + 1 : -i - 1;
  }

  /** Returns the 1-based column of {@code offset}. */
  int column(int offset) {
    int o = Math.min(Math.max(offset, 0), text.length());
    return o - lineStarts[line(o) - 1] + 1;
  }

  /** Returns the text of a 1-based line, without its line break. */
  String lineText(int line) {
    int start = lineStarts[line - 1];
    int end = line < lineStarts.length ? lineStarts[line] - 1 : text.length();
    if (end > start && text.charAt(end - 1) == '\r') {
      end--;
    }
    return text.substring(start, Math.max(start, end));
  }

  /**
   * Returns whether {@code c} ends a line: LF or CR. U+0085, U+2028 and U+2029 do not; the lexer
   * refuses them, because editors disagree on whether they break a line.
   */
  static boolean isLineEnd(char c) {
    return c == '\n' || c == '\r';
  }
}

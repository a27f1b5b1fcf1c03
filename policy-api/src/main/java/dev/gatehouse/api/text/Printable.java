package dev.gatehouse.api.text;

import static java.util.Objects.requireNonNull;

/**
 * Makes user-supplied text safe to show on one line of a log, a terminal or a message: every
 * character that would break the line, move the cursor, reorder the text or hide itself is written
 * as a visible escape, a backslash, {@code u} and the hex code point in braces (such as <code>
 * &#92;u{85}</code>), the policy language's own escape syntax.
 *
 * <p>Escaped are the control characters (C0, DEL and C1, among them {@code \n}, {@code \r}, ESC and
 * U+0085 NEXT LINE), the format characters (bidirectional controls such as U+202E and U+2066,
 * zero-width characters, the byte order mark), U+2028 and U+2029, every space other than the ASCII
 * space (such as NBSP), and unpaired surrogates. Everything else, including a backslash, is kept as
 * is.
 *
 * <pre>
 * Printable.escape("bob&#92;u0085user=admin")   // "bob&#92;u{85}user=admin"
 * </pre>
 */
public final class Printable {

  private Printable() {}

  /**
   * Returns {@code text} with every unsafe character escaped; {@code text} itself when it has none,
   * so that the common case allocates nothing.
   *
   * @param text the text to show
   * @return the text with every unsafe character escaped
   */
  public static String escape(String text) {
    requireNonNull(text, "text");
    int first = firstUnsafe(text);
    if (first < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    out.append(text, 0, first);
    for (int i = first; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (isUnsafe(cp)) {
        out.append("\\u{").append(Integer.toHexString(cp)).append('}');
      } else {
        out.appendCodePoint(cp);
      }
    }
    return out.toString();
  }

  /**
   * Returns {@code text} escaped and cut to at most about {@code maxChars} characters, the cut
   * marked with how much was left out.
   *
   * @param text the text to show
   * @param maxChars the most characters of {@code text} to keep, at least 1
   * @return the escaped, bounded text
   * @throws IllegalArgumentException if {@code maxChars} is below 1
   */
  public static String escape(String text, int maxChars) {
    requireNonNull(text, "text");
    if (maxChars < 1) {
      throw new IllegalArgumentException("maxChars must be at least 1, not " + maxChars);
    }
    if (text.length() <= maxChars) {
      return escape(text);
    }
    int cut = maxChars;
    if (Character.isHighSurrogate(text.charAt(cut - 1))) {
      cut--; // never split a pair: half of it would be shown as an unpaired surrogate
    }
    return escape(text.substring(0, cut)) + "… (" + (text.length() - cut) + " more characters)";
  }

  /**
   * Returns whether {@code text} holds no character that {@link #escape(String)} would escape.
   *
   * @param text the text
   * @return whether {@code text} is shown as it is
   */
  public static boolean isPrintable(String text) {
    return firstUnsafe(requireNonNull(text, "text")) < 0;
  }

  /**
   * Returns whether the code point would be escaped: a control, format, line or paragraph
   * separator, a space other than U+0020, or a surrogate.
   *
   * @param codePoint the code point
   * @return whether the code point would be escaped
   */
  public static boolean isUnsafe(int codePoint) {
    if (codePoint >= 0x20 && codePoint < 0x7f) {
      return false; // printable ASCII, the common case
    }
    switch (Character.getType(codePoint)) {
      case Character.CONTROL:
      case Character.FORMAT:
      case Character.LINE_SEPARATOR:
      case Character.PARAGRAPH_SEPARATOR:
      case Character.SPACE_SEPARATOR:
      case Character.SURROGATE:
        return true;
      default:
        return false;
    }
  }

  private static int firstUnsafe(String text) {
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (isUnsafe(cp)) {
        return i;
      }
      i += Character.charCount(cp);
    }
    return -1;
  }
}

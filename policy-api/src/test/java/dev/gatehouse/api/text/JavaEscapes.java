package dev.gatehouse.api.text;

/** Reads the Java escapes of a test row written in an annotation, where raw characters hide. */
public final class JavaEscapes {

  private JavaEscapes() {}

  /**
   * Returns {@code s} with {@code \\uXXXX}, {@code \\n}, {@code \\r} and {@code \\t} read.
   *
   * @param s the row as written
   * @return the text it stands for
   */
  public static String unescape(String s) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\') {
        out.append(c);
      } else if (s.charAt(i + 1) == 'u') {
        out.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
        i += 5;
      } else {
        char e = s.charAt(++i);
        out.append(e == 'n' ? '\n' : e == 'r' ? '\r' : e == 't' ? '\t' : e);
      }
    }
    return out.toString();
  }
}

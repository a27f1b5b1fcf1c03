package dev.gatehouse.bundle.internal;

/** The names a bundle may hold: its two own entries and flat {@code .policy} file names. */
public final class Names {

  /** The archive entry holding the manifest. */
  public static final String MANIFEST = "gatehouse.manifest";

  /** The archive entry holding the signature over the manifest. */
  public static final String SIGNATURE = "gatehouse.sig";

  private static final int MAX_NAME_CHARS = 128;

  private Names() {}

  /**
   * Returns whether {@code name} may name a policy file in a bundle: a flat name of letters,
   * digits, {@code .}, {@code _} and {@code -}, starting with a letter or digit and ending in
   * {@code .policy}. Paths, {@code ..} and hidden files cannot pass, so no name can reach outside
   * wherever a bundle is unpacked.
   */
  public static boolean isPolicyFile(String name) {
    if (name.isEmpty() || name.length() > MAX_NAME_CHARS || !name.endsWith(".policy")) {
      return false;
    }
    char first = name.charAt(0);
    boolean alphanumeric =
        (first >= 'a' && first <= 'z')
            || (first >= 'A' && first <= 'Z')
            || (first >= '0' && first <= '9');
    if (name.contains("..") || !alphanumeric) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '_'
              || c == '-';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** Quotes {@code name} for a message, shortened, with control characters shown as {@code ?}. */
  public static String quote(String name) {
    String shown = name.length() > 60 ? name.substring(0, 60) + "..." : name;
    StringBuilder out = new StringBuilder("`");
    for (int i = 0; i < shown.length(); i++) {
      char c = shown.charAt(i);
      out.append(Character.isISOControl(c) ? '?' : c);
    }
    return out.append('`').toString();
  }
}

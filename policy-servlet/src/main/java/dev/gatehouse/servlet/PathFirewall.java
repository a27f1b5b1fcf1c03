package dev.gatehouse.servlet;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Refuses raw request paths that the container and the application may map differently, as Spring
 * Security's {@code StrictHttpFirewall} does. The filter decides on the path the container
 * normalised ({@code /payroll/../mail/x} becomes {@code /mail/x}), while an application that routes
 * on {@code getRequestURI()} sees the raw one; a path that normalises to something else would be
 * decided for one app and served by another.
 */
final class PathFirewall {

  private PathFirewall() {}

  /**
   * Returns what makes the raw path unsafe to map, or null when it is safe: a {@code .} or {@code
   * ..} segment, an empty segment ({@code //}), a {@code ;} path parameter, a backslash, an encoded
   * {@code /}, {@code .}, {@code \}, {@code %} or NUL, or a control character.
   */
  static @Nullable String problem(String rawPath) {
    if (rawPath.indexOf(';') >= 0) {
      return "path parameter";
    }
    if (rawPath.contains("//")) {
      return "empty path segment";
    }
    if (rawPath.indexOf('\\') >= 0) {
      return "backslash";
    }
    for (int i = 0; i < rawPath.length(); i++) {
      char c = rawPath.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        return "control character";
      }
    }
    String lower = rawPath.toLowerCase(Locale.ROOT);
    for (String encoded : new String[] {"%2f", "%2e", "%5c", "%25", "%00"}) {
      if (lower.contains(encoded)) {
        return "encoded `" + encoded.toUpperCase(Locale.ROOT) + "`";
      }
    }
    for (String segment : rawPath.split("/", -1)) {
      if (segment.equals(".") || segment.equals("..")) {
        return "dot segment";
      }
    }
    return null;
  }
}

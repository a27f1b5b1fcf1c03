package dev.gatehouse.servlet;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Maps request paths to what they access, with servlet-style patterns: an exact path such as {@code
 * /signin}, or a prefix such as {@code /mail/*} (which also matches {@code /mail}). An exact
 * pattern wins over prefixes, and the longest prefix wins among them.
 */
final class AppMapping {

  /** What a path accesses: an app, or the org sign-in when {@code app} is null. */
  record Target(@Nullable String app, String action) {

    static Target access(String app) {
      return new Target(app, "access");
    }

    static Target signin() {
      return new Target(null, "signin");
    }
  }

  private final Map<String, Target> exact;
  private final List<Map.Entry<String, Target>> prefixes;

  AppMapping(Map<String, Target> patterns) {
    Map<String, Target> exactPaths = new LinkedHashMap<>();
    List<Map.Entry<String, Target>> prefixPaths = new ArrayList<>();
    for (Map.Entry<String, Target> e : patterns.entrySet()) {
      String pattern = e.getKey();
      if (pattern.endsWith("/*")) {
        prefixPaths.add(Map.entry(pattern.substring(0, pattern.length() - 2), e.getValue()));
      } else {
        exactPaths.put(pattern, e.getValue());
      }
    }
    prefixPaths.sort(
        Comparator.comparingInt((Map.Entry<String, Target> e) -> e.getKey().length()).reversed());
    this.exact = Map.copyOf(exactPaths);
    this.prefixes = List.copyOf(prefixPaths);
  }

  /** Throws unless {@code pattern} is {@code /exact/path} or {@code /prefix/*} or {@code /*}. */
  static String checkPattern(String pattern) {
    requireNonNull(pattern, "pattern");
    if (!pattern.startsWith("/")) {
      throw new IllegalArgumentException("path pattern `" + pattern + "` does not start with `/`");
    }
    int star = pattern.indexOf('*');
    if (star >= 0 && (star != pattern.length() - 1 || !pattern.endsWith("/*"))) {
      throw new IllegalArgumentException(
          "path pattern `" + pattern + "` may hold `*` only as a final `/*`");
    }
    return pattern;
  }

  /** Returns the target of a decoded, normalised request path, if any pattern matches it. */
  Optional<Target> match(String path) {
    Target target = exact.get(path);
    if (target != null) {
      return Optional.of(target);
    }
    for (Map.Entry<String, Target> prefix : prefixes) {
      String p = prefix.getKey();
      if (path.equals(p) || path.startsWith(p + "/") || p.isEmpty()) {
        return Optional.of(prefix.getValue());
      }
    }
    return Optional.empty();
  }

  boolean isEmpty() {
    return exact.isEmpty() && prefixes.isEmpty();
  }

  @Override
  public String toString() {
    return "AppMapping{exact=" + exact + ", prefixes=" + prefixes + "}";
  }
}

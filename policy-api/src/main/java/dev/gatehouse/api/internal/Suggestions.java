package dev.gatehouse.api.internal;

import static java.util.Objects.requireNonNull;

import java.util.Collection;
import java.util.Optional;

/** Finds the known name nearest to a misspelt one, for "did you mean" hints. */
public final class Suggestions {

  private Suggestions() {}

  /**
   * {@return the candidate closest to {@code name} by edit distance, if one is close enough to be a
   * plausible misspelling (at most a third of the name's length, and at least one edit)} A
   * candidate that differs from {@code name} in case alone comes first, however long the name.
   *
   * @param name the misspelt name
   * @param candidates the known names
   */
  public static Optional<String> nearest(String name, Collection<String> candidates) {
    requireNonNull(name, "name");
    for (String candidate : candidates) {
      // `TOTP` for `totp`: a difference of case alone is the likeliest mistake of all.
      if (!candidate.equals(name) && candidate.equalsIgnoreCase(name)) {
        return Optional.of(candidate);
      }
    }
    int limit = Math.max(1, name.length() / 3);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = distance(name, candidate, limit);
      // Ties go to the first candidate so that suggestions are stable.
      if (distance <= limit && distance < bestDistance && !candidate.equals(name)) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return Optional.ofNullable(best);
  }

  /** Optimal-string-alignment distance; transposed letters are the commonest typo. */
  static int distance(String a, String b, int limit) {
    if (Math.abs(a.length() - b.length()) > limit) {
      return Integer.MAX_VALUE;
    }
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int best = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          best = Math.min(best, d[i - 2][j - 2] + 1);
        }
        d[i][j] = best;
      }
    }
    return d[a.length()][b.length()];
  }
}

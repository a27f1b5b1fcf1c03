package dev.gatehouse.monitor;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Turns the user id an attacker typed into the id the history is kept under, so that {@code Alice},
 * {@code ALICE} and {@code alice\u200b} count as one user.
 *
 * <p>The default ({@link #standard()}) applies Unicode NFKC, drops format characters (zero-width
 * spaces and joiners, bidirectional marks), folds case and trims white space. A confusable skeleton
 * (Unicode TR 39, which would also merge {@code alic\u0435} with a Cyrillic {@code е}) is not built
 * in: it merges ids that are distinct accounts at the identity provider, so one user's failures
 * would count against another; plug one in here if the identity provider folds ids the same way,
 * for example with ICU4J's {@code SpoofChecker.getSkeleton}.
 */
@FunctionalInterface
public interface UserIdNormalizer {

  /**
   * Returns the canonical form of {@code userId}.
   *
   * @param userId the user id as given
   * @return the canonical form, which the caller rejects if empty
   */
  String normalize(String userId);

  /** {@return the normaliser that leaves ids as they are} */
  static UserIdNormalizer identity() {
    return userId -> userId;
  }

  /**
   * Returns the default normaliser: NFKC, format characters removed, case folded, trimmed.
   *
   * @return the default normaliser
   */
  static UserIdNormalizer standard() {
    return UserIdNormalizer::fold;
  }

  private static String fold(String userId) {
    String nfkc = Normalizer.normalize(userId, Normalizer.Form.NFKC);
    StringBuilder b = new StringBuilder(nfkc.length());
    nfkc.codePoints()
        .filter(c -> Character.getType(c) != Character.FORMAT)
        .forEach(b::appendCodePoint);
    // Upper then lower case maps the few letters whose lower forms differ (such as the Greek final
    // sigma) onto one form, which lower case alone does not; NFKC again recomposes what folding
    // decomposed.
    String folded = b.toString().toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    return Normalizer.normalize(folded, Normalizer.Form.NFKC).strip();
  }
}

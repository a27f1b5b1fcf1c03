package dev.gatehouse.monitor;

import static java.util.Objects.requireNonNull;

/**
 * One reason a sign-in looks risky, with the weight it adds to the score.
 *
 * @param signal the kind of signal
 * @param weight the points it adds to {@code risk.score}
 * @param explanation one lowercase line saying what was seen, such as {@code first sign-in from
 *     country `BR`}
 */
public record RiskSignal(SignalKind signal, int weight, String explanation) {

  /**
   * Checks the components.
   *
   * @param signal the kind of signal
   * @param weight the points it adds
   * @param explanation what was seen
   * @throws IllegalArgumentException if the weight is negative or the explanation blank
   */
  public RiskSignal {
    requireNonNull(signal, "signal");
    requireNonNull(explanation, "explanation");
    if (weight < 0) {
      throw new IllegalArgumentException("weight " + weight + " of `" + signal + "` is negative");
    }
    if (explanation.isBlank()) {
      throw new IllegalArgumentException("explanation of `" + signal + "` is blank");
    }
  }

  /**
   * Returns the signal's name, such as {@code impossible_travel}.
   *
   * @return the signal's name
   */
  public String name() {
    return signal.id();
  }

  @Override
  public String toString() {
    return signal.id() + " +" + weight + ": " + explanation;
  }
}

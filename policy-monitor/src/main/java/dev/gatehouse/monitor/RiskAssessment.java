package dev.gatehouse.monitor;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * How risky a sign-in looks, and why.
 *
 * @param score the sum of the signals' weights, capped at 100
 * @param level the level the scorer maps the score to
 * @param signals the signals that fired, in the order of {@link SignalKind}
 * @param deviceKnown whether the request's device was seen in a trusted sign-in of this user
 */
public record RiskAssessment(
    int score, RiskLevel level, List<RiskSignal> signals, boolean deviceKnown) {

  /**
   * Checks the components and copies the list.
   *
   * @param score the score
   * @param level the level
   * @param signals the signals
   * @param deviceKnown whether the device is known
   * @throws IllegalArgumentException if the score is not in 0..100
   */
  public RiskAssessment {
    requireNonNull(level, "level");
    signals = List.copyOf(signals);
    if (score < 0 || score > 100) {
      throw new IllegalArgumentException("score " + score + " is not in 0..100");
    }
  }

  /**
   * {@return whether a signal of kind {@code signal} fired}
   *
   * @param signal the kind of signal
   */
  public boolean has(SignalKind signal) {
    for (RiskSignal s : signals) {
      if (s.signal() == signal) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "risk " + level + " (" + score + ")" + (signals.isEmpty() ? "" : ": " + signals);
  }
}

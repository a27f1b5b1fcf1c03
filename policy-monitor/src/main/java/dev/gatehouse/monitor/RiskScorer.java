package dev.gatehouse.monitor;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Combines risk signals into {@code risk.score} and {@code risk.level}.
 *
 * <p>The score is the sum of the weights of the signals that fired, capped at 100. The level is the
 * highest whose threshold the score reaches: by default {@code low} from 10, {@code medium} from
 * 30, {@code high} from 50 and {@code critical} from 80, and {@code none} below 10. The default
 * weights are those of {@link SignalKind#defaultWeight()}; a weight of 0 turns a signal off.
 *
 * <pre>{@code
 * RiskScorer scorer = RiskScorer.builder()
 *     .weight(SignalKind.NEW_COUNTRY, 50)
 *     .thresholds(10, 30, 50, 90)
 *     .build();
 * }</pre>
 *
 * <p>Scorers are immutable and thread-safe.
 */
public final class RiskScorer {

  private static final RiskScorer DEFAULTS = builder().build();

  private final int[] weights;
  private final int[] thresholds;

  private RiskScorer(Builder b) {
    this.weights = new int[SignalKind.values().length];
    for (SignalKind signal : SignalKind.values()) {
      weights[signal.ordinal()] = b.weights.getOrDefault(signal, signal.defaultWeight());
    }
    this.thresholds = b.thresholds.clone();
  }

  /** {@return the scorer with the default weights and thresholds} */
  public static RiskScorer defaults() {
    return DEFAULTS;
  }

  /** {@return a builder that starts from the default weights and thresholds} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@return the weight of {@code signal}}
   *
   * @param signal the kind of signal
   */
  public int weight(SignalKind signal) {
    return weights[signal.ordinal()];
  }

  /**
   * Returns the lowest score of {@code level}.
   *
   * @param level the level
   * @return the lowest score of {@code level}; 0 for {@code none}
   */
  public int threshold(RiskLevel level) {
    return level == RiskLevel.NONE ? 0 : thresholds[level.ordinal() - 1];
  }

  /**
   * {@return the sum of the signals' weights, capped at 100}
   *
   * @param signals the signals that fired
   */
  public int score(List<RiskSignal> signals) {
    int sum = 0;
    for (RiskSignal signal : signals) {
      sum += signal.weight();
    }
    return Math.min(100, sum);
  }

  /**
   * {@return the highest level whose threshold {@code score} reaches}
   *
   * @param score a score in 0..100
   */
  public RiskLevel level(int score) {
    RiskLevel level = RiskLevel.NONE;
    for (RiskLevel candidate : RiskLevel.values()) {
      if (score >= threshold(candidate)) {
        level = candidate;
      }
    }
    return level;
  }

  /**
   * Returns the assessment of a sign-in whose signals are {@code signals}.
   *
   * @param signals the signals that fired
   * @param deviceKnown whether the device was seen before for this user
   * @return the score, the level and the signals
   */
  public RiskAssessment assess(List<RiskSignal> signals, boolean deviceKnown) {
    int score = score(signals);
    return new RiskAssessment(score, level(score), signals, deviceKnown);
  }

  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    for (SignalKind signal : SignalKind.values()) {
      parts.add(signal.id() + "=" + weight(signal));
    }
    return "RiskScorer"
        + parts
        + " thresholds low="
        + thresholds[0]
        + " medium="
        + thresholds[1]
        + " high="
        + thresholds[2]
        + " critical="
        + thresholds[3];
  }

  /**
   * Collects weights and thresholds; {@link #build()} checks them and leaves the builder reusable.
   */
  public static final class Builder {
    private final Map<SignalKind, Integer> weights = new EnumMap<>(SignalKind.class);
    private int[] thresholds = {10, 30, 50, 80};

    private Builder() {}

    /**
     * Sets the weight of a signal.
     *
     * @param signal the kind of signal
     * @param weight the points it adds, 0..100; 0 turns it off
     * @return this builder
     * @throws IllegalArgumentException if the weight is not in 0..100
     */
    public Builder weight(SignalKind signal, int weight) {
      requireNonNull(signal, "signal");
      if (weight < 0 || weight > 100) {
        throw new IllegalArgumentException(
            "weight " + weight + " of `" + signal + "` is not in 0..100");
      }
      weights.put(signal, weight);
      return this;
    }

    /**
     * Sets the lowest score of each level above {@code none}.
     *
     * @param low the lowest score of {@code low}
     * @param medium the lowest score of {@code medium}
     * @param high the lowest score of {@code high}
     * @param critical the lowest score of {@code critical}
     * @return this builder
     * @throws IllegalArgumentException unless {@code 1 <= low < medium < high < critical <= 100}
     */
    public Builder thresholds(int low, int medium, int high, int critical) {
      if (low < 1 || low >= medium || medium >= high || high >= critical || critical > 100) {
        throw new IllegalArgumentException(
            "thresholds low="
                + low
                + " medium="
                + medium
                + " high="
                + high
                + " critical="
                + critical
                + " must rise strictly within 1..100");
      }
      this.thresholds = new int[] {low, medium, high, critical};
      return this;
    }

    /** {@return the scorer} */
    public RiskScorer build() {
      return new RiskScorer(this);
    }
  }
}

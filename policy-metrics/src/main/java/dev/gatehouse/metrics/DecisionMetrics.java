package dev.gatehouse.metrics;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.api.Decision;
import dev.gatehouse.api.Effect;
import dev.gatehouse.api.Reason;
import dev.gatehouse.api.ReasonCode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Locale;

/**
 * Counts decisions in {@code gatehouse.decisions}, tagged {@code effect} ({@code permit}, {@code
 * deny}, {@code challenge}) and {@code reason} (the first reason code of the decision, or {@code
 * none}), and every reason code a decision carries in {@code gatehouse.decision.reasons}.
 *
 * <p>All counters are registered up front, one per effect and reason code, so {@link
 * #record(Decision)} only indexes arrays and adds to striped counters: it allocates nothing, hashes
 * no string and takes no lock. Instances are thread-safe.
 */
public final class DecisionMetrics {

  private static final Effect[] EFFECTS = Effect.values();
  private static final ReasonCode[] CODES = ReasonCode.values();
  private static final int NONE = CODES.length;

  /** By effect ordinal, then by reason ordinal, with {@link #NONE} last. */
  private final Counter[][] decisions;

  private final Counter[] reasons;

  private DecisionMetrics(MeterRegistry registry) {
    decisions = new Counter[EFFECTS.length][CODES.length + 1];
    for (Effect effect : EFFECTS) {
      for (int r = 0; r <= CODES.length; r++) {
        decisions[effect.ordinal()][r] =
            Counter.builder("gatehouse.decisions")
                .description("decisions returned, by effect and first reason code")
                .tag("effect", effect.name().toLowerCase(Locale.ROOT))
                .tag("reason", r == NONE ? "none" : CODES[r].id())
                .register(registry);
      }
    }
    reasons = new Counter[CODES.length];
    for (ReasonCode code : CODES) {
      reasons[code.ordinal()] =
          Counter.builder("gatehouse.decision.reasons")
              .description("reason codes carried by decisions, each counted once per decision")
              .tag("reason", code.id())
              .register(registry);
    }
  }

  /**
   * Registers the decision counters in {@code registry}.
   *
   * @param registry where the counters go
   * @return the metrics
   */
  public static DecisionMetrics register(MeterRegistry registry) {
    return new DecisionMetrics(requireNonNull(registry, "registry"));
  }

  /** {@return the decisions counted so far, summed over effects and reasons; for scrapes} */
  long count() {
    double sum = 0;
    for (Counter[] byReason : decisions) {
      for (Counter c : byReason) {
        sum += c.count();
      }
    }
    return (long) sum;
  }

  /**
   * Counts {@code decision}; allocation-free.
   *
   * @param decision a decision the engine returned
   */
  public void record(Decision decision) {
    List<Reason> list = decision.reasons();
    int n = list.size();
    int first = NONE;
    for (int i = 0; i < n; i++) {
      int code = list.get(i).code().ordinal();
      if (i == 0) {
        first = code;
      }
      reasons[code].increment();
    }
    decisions[decision.effect().ordinal()][first].increment();
  }
}

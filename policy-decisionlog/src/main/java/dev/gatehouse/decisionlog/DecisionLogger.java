package dev.gatehouse.decisionlog;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Decision;
import dev.gatehouse.api.Effect;
import dev.gatehouse.engine.PolicyEngineHolder;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Decides requests on a {@link PolicyEngineHolder} and hands a {@link DecisionRecord} of each to a
 * {@link DecisionLogSink}, returning the decision with its id.
 *
 * <pre>{@code
 * DecisionLogger decisions = DecisionLogger.builder(holder, sink).permitSampling(0.1).build();
 * LoggedDecision d = decisions.evaluate(request);
 * response.setHeader("X-Decision-Id", d.id());
 * }</pre>
 *
 * <p>Every DENY and CHALLENGE is logged; a PERMIT is logged with the configured probability. Ids
 * are a random prefix drawn when the logger is built and a sequence number, so they are unique
 * across restarts without a lock on the calling thread. The revision is the number of policy sets
 * the holder has run since the logger was built: 1 for the set running then, one more per swap.
 * Instances are thread-safe.
 */
public final class DecisionLogger {

  private final Function<AccessRequest, Decision> decider;
  private final DecisionLogSink sink;
  private final double permitRate;
  private final Clock clock;
  private final String prefix;
  private final AtomicLong sequence = new AtomicLong();
  private final AtomicLong revision = new AtomicLong(1);

  private DecisionLogger(Builder b) {
    this.decider = b.decider;
    this.sink = b.sink;
    this.permitRate = b.permitRate;
    this.clock = b.clock;
    byte[] random = new byte[8];
    new SecureRandom().nextBytes(random);
    this.prefix = HexFormat.of().formatHex(random) + "-";
    b.holder.addListener((previous, current) -> revision.incrementAndGet());
  }

  /**
   * Returns a builder logging every decision of {@code holder} to {@code sink}.
   *
   * @param holder the engine that decides
   * @param sink where the records go
   * @return a builder
   */
  public static Builder builder(PolicyEngineHolder holder, DecisionLogSink sink) {
    return new Builder(requireNonNull(holder, "holder"), requireNonNull(sink, "sink"));
  }

  /**
   * Decides {@code request}, logs the decision unless it is a PERMIT sampled out, and returns it
   * with its id.
   *
   * @param request the request
   * @return the decision and its id
   */
  public LoggedDecision evaluate(AccessRequest request) {
    Decision decision = decider.apply(request);
    String id = prefix + sequence.incrementAndGet();
    boolean log =
        decision.effect() != Effect.PERMIT
            || permitRate >= 1
            || (permitRate > 0 && ThreadLocalRandom.current().nextDouble() < permitRate);
    if (log) {
      sink.accept(new DecisionRecord(id, clock.instant(), revision.get(), request, decision));
    }
    return new LoggedDecision(id, decision, log);
  }

  /**
   * Returns the revision of the running policy set.
   *
   * @return the revision
   */
  public long revision() {
    return revision.get();
  }

  @Override
  public String toString() {
    return "DecisionLogger{revision " + revision.get() + ", permits sampled at " + permitRate + "}";
  }

  /** Configures a {@link DecisionLogger}. */
  public static final class Builder {
    private final PolicyEngineHolder holder;
    private final DecisionLogSink sink;
    private Function<AccessRequest, Decision> decider;
    private double permitRate = 1;
    private Clock clock = Clock.systemUTC();

    private Builder(PolicyEngineHolder holder, DecisionLogSink sink) {
      this.holder = holder;
      this.sink = sink;
      this.decider = holder::evaluate;
    }

    /**
     * Decides with {@code decider} instead of the holder itself, such as a metered engine's {@code
     * evaluate} on the same holder, so decisions are both counted and logged.
     *
     * @param decider decides a request on the holder's running policies
     * @return this builder
     */
    public Builder decider(Function<AccessRequest, Decision> decider) {
      this.decider = requireNonNull(decider, "decider");
      return this;
    }

    /**
     * Sets the share of PERMIT decisions logged, from 0 (none) to 1 (all, the default).
     *
     * @param rate the share, 0..1
     * @return this builder
     * @throws IllegalArgumentException if {@code rate} is not in 0..1
     */
    public Builder permitSampling(double rate) {
      if (!(rate >= 0 && rate <= 1)) {
        throw new IllegalArgumentException("permit sampling " + rate + " is not in 0..1");
      }
      permitRate = rate;
      return this;
    }

    /**
     * Sets the clock that stamps records.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the logger; it follows the holder's later swaps.
     *
     * @return the logger
     */
    public DecisionLogger build() {
      return new DecisionLogger(this);
    }
  }
}

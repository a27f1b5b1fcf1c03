package dev.gatehouse.metrics;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Decision;
import dev.gatehouse.api.policy.PolicySet;
import dev.gatehouse.engine.CompiledPolicies;
import dev.gatehouse.engine.PolicyEngineHolder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A {@link PolicyEngineHolder} seen through meters: every decision is counted by {@link
 * DecisionMetrics}, and every reload through {@link #reload(Supplier)} or {@link #swap(PolicySet)}
 * in {@code gatehouse.reloads} tagged {@code result} ({@code success} or {@code failure}).
 *
 * <pre>{@code
 * MeteredEngine engine = MeteredEngine.of(holder, registry);
 * Decision d = engine.evaluate(request);          // counted, allocation-free
 * engine.reload(() -> PolicyDsl.loadOrThrow(dir)); // a failure is counted and rethrown
 * }</pre>
 *
 * <p>With {@link #of(PolicyEngineHolder, MeterRegistry, int)}, one decision in a power of two is
 * timed in {@code gatehouse.evaluate.latency}; a thread-local random draw picks it, so the others
 * read no clock.
 *
 * <p>Gauges: {@code gatehouse.policy.revision}, the number of policy sets this holder has run since
 * it was metered (1 for the set running then, one more for each swap, whoever swapped), and {@code
 * gatehouse.policies}, the number of policies running. Instances are thread-safe.
 */
public final class MeteredEngine {

  private final PolicyEngineHolder holder;
  private final DecisionMetrics decisions;
  private final Counter reloadSuccesses;
  private final Counter reloadFailures;
  private final AtomicLong revision = new AtomicLong(1);
  private final @Nullable Timer latency;
  private final int sampleMask;

  private MeteredEngine(PolicyEngineHolder holder, MeterRegistry registry, int sampleEvery) {
    this.holder = holder;
    this.sampleMask = sampleEvery - 1;
    this.latency =
        sampleEvery == 0
            ? null
            : Timer.builder("gatehouse.evaluate.latency")
                .description("time to decide, measured on one decision in " + sampleEvery)
                .register(registry);
    this.decisions = DecisionMetrics.register(registry);
    this.reloadSuccesses = reloads(registry, "success");
    this.reloadFailures = reloads(registry, "failure");
    Gauge.builder("gatehouse.policy.revision", revision, AtomicLong::doubleValue)
        .description("policy sets run since start: 1 for the first, one more for each swap")
        .register(registry);
    Gauge.builder("gatehouse.policies", holder, h -> h.current().policySet().policies().size())
        .description("policies in the running set")
        .register(registry);
    holder.addListener((previous, current) -> revision.incrementAndGet());
  }

  private static Counter reloads(MeterRegistry registry, String result) {
    return Counter.builder("gatehouse.reloads")
        .description("policy reloads and swaps, by result")
        .tag("result", result)
        .register(registry);
  }

  /**
   * Meters {@code holder} in {@code registry}.
   *
   * @param holder the engine to meter
   * @param registry where the meters go
   * @return the metered engine
   */
  public static MeteredEngine of(PolicyEngineHolder holder, MeterRegistry registry) {
    return of(holder, registry, 0);
  }

  /**
   * Meters {@code holder} in {@code registry} and times one decision in {@code sampleEvery} in
   * {@code gatehouse.evaluate.latency}; the others read no clock.
   *
   * @param holder the engine to meter
   * @param registry where the meters go
   * @param sampleEvery a power of two: time one decision in this many; 0 times none
   * @return the metered engine
   * @throws IllegalArgumentException if {@code sampleEvery} is neither 0 nor a power of two
   */
  public static MeteredEngine of(
      PolicyEngineHolder holder, MeterRegistry registry, int sampleEvery) {
    if (sampleEvery < 0 || Integer.bitCount(sampleEvery) > 1) {
      throw new IllegalArgumentException(
          "latency sampling " + sampleEvery + " is neither 0 nor a power of two");
    }
    return new MeteredEngine(
        requireNonNull(holder, "holder"), requireNonNull(registry, "registry"), sampleEvery);
  }

  /**
   * Decides {@code request} on the running policies and counts the decision.
   *
   * @param request the request
   * @return the decision
   */
  public Decision evaluate(AccessRequest request) {
    Timer timer = latency;
    if (timer == null || (ThreadLocalRandom.current().nextInt() & sampleMask) != 0) {
      Decision decision = holder.evaluate(request);
      decisions.record(decision);
      return decision;
    }
    long start = System.nanoTime();
    Decision decision = holder.evaluate(request);
    timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    decisions.record(decision);
    return decision;
  }

  /**
   * Loads, compiles and swaps in a new set like {@link PolicyEngineHolder#reload(Supplier)},
   * counting a success or a failure; on failure the running set stays and the exception propagates.
   *
   * @param loader loads the new set
   * @return the policies now running
   */
  public CompiledPolicies reload(Supplier<PolicySet> loader) {
    return counted(() -> holder.reload(loader));
  }

  /**
   * Compiles {@code set} and swaps it in like {@link PolicyEngineHolder#swap(PolicySet)}, counting
   * a success or a failure.
   *
   * @param set the new policy set
   * @return the policies now running
   */
  public CompiledPolicies swap(PolicySet set) {
    return counted(() -> holder.swap(set));
  }

  private CompiledPolicies counted(Supplier<CompiledPolicies> change) {
    CompiledPolicies now;
    try {
      now = change.get();
    } catch (RuntimeException e) {
      reloadFailures.increment();
      throw e;
    }
    reloadSuccesses.increment();
    return now;
  }

  /** {@return the metered holder} */
  public PolicyEngineHolder holder() {
    return holder;
  }

  /**
   * Returns the revision: the number of policy sets run since this engine was metered.
   *
   * @return the revision
   */
  public long revision() {
    return revision.get();
  }

  @Override
  public String toString() {
    return "MeteredEngine{revision " + revision.get() + ", " + holder.current() + "}";
  }
}

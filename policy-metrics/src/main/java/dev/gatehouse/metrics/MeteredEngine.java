package dev.gatehouse.metrics;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Decision;
import dev.gatehouse.api.policy.PolicySet;
import dev.gatehouse.engine.CompiledPolicies;
import dev.gatehouse.engine.PolicyEngineHolder;
import dev.gatehouse.engine.SharedDecisionStats;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Set;
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
 * gatehouse.policies}, the number of policies running.
 *
 * <p>The shared-decision cache of the running set is read when scraped: {@code
 * gatehouse.decision.cache.misses} and {@code .evictions} (summed over the sets run since
 * metering), {@code .hits} (decisions counted here minus misses) and the gauge {@code .size}. The
 * engine counts only its misses, so a hit costs nothing more.
 *
 * <p>With {@link Builder#topPolicies(int)} or {@link Builder#policies(Set)}, {@code
 * gatehouse.policy.matches} tagged {@code policy} counts the decisions each of the policies that
 * matched most (or each policy named) applied to; {@link #refreshPolicyMatches()} updates them and
 * should run on a schedule, such as once per scrape interval. Instances are thread-safe.
 */
public final class MeteredEngine {

  private final PolicyEngineHolder holder;
  private final DecisionMetrics decisions;
  private final Counter reloadSuccesses;
  private final Counter reloadFailures;
  private final AtomicLong revision = new AtomicLong(1);
  private final @Nullable Timer latency;
  private final int sampleMask;
  private final @Nullable PolicyMatches matches;
  private final SharedDecisionMeters cache;

  private MeteredEngine(Builder b) {
    PolicyEngineHolder holder = b.holder;
    MeterRegistry registry = b.registry;
    int sampleEvery = b.sampleEvery;
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
    this.cache = new SharedDecisionMeters(holder, decisions);
    cache.register(registry);
    this.matches =
        b.top == 0 && b.only.isEmpty()
            ? null
            : new PolicyMatches(registry, b.top, b.only, b.tableCapacity);
    holder.addListener(
        (previous, current) -> {
          cache.retire(previous);
          revision.incrementAndGet();
        });
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
    return builder(holder, registry).build();
  }

  /**
   * Starts metering {@code holder} in {@code registry} with options.
   *
   * <pre>{@code
   * MeteredEngine engine = MeteredEngine.builder(holder, registry)
   *     .sampleEvery(64)     // time one decision in 64
   *     .topPolicies(10)     // gatehouse.policy.matches for the 10 that matched most
   *     .build();
   * scheduler.scheduleAtFixedRate(engine::refreshPolicyMatches, 15, 15, TimeUnit.SECONDS);
   * }</pre>
   *
   * @param holder the engine to meter
   * @param registry where the meters go
   * @return a builder
   */
  public static Builder builder(PolicyEngineHolder holder, MeterRegistry registry) {
    return new Builder(requireNonNull(holder, "holder"), requireNonNull(registry, "registry"));
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
    return builder(holder, registry).sampleEvery(sampleEvery).build();
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
      count(decision);
      return decision;
    }
    long start = System.nanoTime();
    Decision decision = holder.evaluate(request);
    timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    count(decision);
    return decision;
  }

  private void count(Decision decision) {
    decisions.record(decision);
    PolicyMatches m = matches;
    if (m != null) {
      m.record(decision);
    }
  }

  /**
   * Updates {@code gatehouse.policy.matches}: spreads the counts gathered since the last call over
   * policy ids and registers the series of the policies now shown, removing those that left the
   * top. Does nothing unless {@link Builder#topPolicies(int)} or {@link Builder#policies(Set)} was
   * set. Costs a pass over a table of decisions; run it on a schedule, not per decision.
   */
  public void refreshPolicyMatches() {
    PolicyMatches m = matches;
    if (m != null) {
      m.refresh();
    }
  }

  /**
   * Returns how many decisions {@code policyId} applied to, as of the last {@link
   * #refreshPolicyMatches()}; 0 when policy matches are not counted.
   *
   * @param policyId a policy id
   * @return the count at the last refresh
   */
  public long policyMatches(String policyId) {
    PolicyMatches m = matches;
    return m == null ? 0 : m.total(requireNonNull(policyId, "policyId"));
  }

  /**
   * Returns the shared-decision cache's counts summed over every policy set run since this engine
   * was metered, with the size of the running one; see {@link SharedDecisionStats}.
   *
   * @return the counts
   */
  public SharedDecisionStats sharedDecisionStats() {
    return cache.stats();
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

  /** Options for a {@link MeteredEngine}; each setter checks its argument at once. */
  public static final class Builder {
    private final PolicyEngineHolder holder;
    private final MeterRegistry registry;
    private int sampleEvery;
    private int top;
    private Set<String> only = Set.of();
    private int tableCapacity = 4096;

    private Builder(PolicyEngineHolder holder, MeterRegistry registry) {
      this.holder = holder;
      this.registry = registry;
    }

    /**
     * Times one decision in {@code sampleEvery} in {@code gatehouse.evaluate.latency}.
     *
     * @param sampleEvery a power of two; 0, the default, times none
     * @return this builder
     * @throws IllegalArgumentException if {@code sampleEvery} is neither 0 nor a power of two
     */
    public Builder sampleEvery(int sampleEvery) {
      if (sampleEvery < 0 || Integer.bitCount(sampleEvery) > 1) {
        throw new IllegalArgumentException(
            "latency sampling " + sampleEvery + " is neither 0 nor a power of two");
      }
      this.sampleEvery = sampleEvery;
      return this;
    }

    /**
     * Counts policy matches and shows the {@code n} policies that matched most in {@code
     * gatehouse.policy.matches}; at most {@code n} series, whatever the policy set.
     *
     * @param n how many policies to show, 1 to 1,000; 0, the default, counts none
     * @return this builder
     * @throws IllegalArgumentException if {@code n} is out of range or {@link #policies(Set)} was
     *     set
     */
    public Builder topPolicies(int n) {
      if (n < 0 || n > 1000) {
        throw new IllegalArgumentException("top policies " + n + " is not between 0 and 1000");
      }
      if (n > 0 && !only.isEmpty()) {
        throw new IllegalArgumentException(
            "top policies and a list of policies exclude each other");
      }
      this.top = n;
      return this;
    }

    /**
     * Counts policy matches and shows exactly these policies in {@code gatehouse.policy.matches},
     * whether or not they match.
     *
     * @param ids the policy ids to show, at most 1,000
     * @return this builder
     * @throws IllegalArgumentException if there are more than 1,000 or {@link #topPolicies(int)}
     *     was set
     */
    public Builder policies(Set<String> ids) {
      Set<String> copy = Set.copyOf(ids);
      if (copy.size() > 1000) {
        throw new IllegalArgumentException(
            copy.size() + " policies to show are more than the 1000 allowed");
      }
      if (!copy.isEmpty() && top > 0) {
        throw new IllegalArgumentException(
            "top policies and a list of policies exclude each other");
      }
      this.only = copy;
      return this;
    }

    /**
     * Sets how many distinct decisions the match table holds between refreshes; others are counted
     * by policy id, more slowly.
     *
     * @param capacity a power of two from 16 to 1,048,576 (default 4,096)
     * @return this builder
     * @throws IllegalArgumentException if {@code capacity} is not such a power of two
     */
    public Builder matchTableCapacity(int capacity) {
      if (capacity < 16 || capacity > 1 << 20 || Integer.bitCount(capacity) != 1) {
        throw new IllegalArgumentException(
            "match table capacity " + capacity + " is not a power of two from 16 to 1048576");
      }
      this.tableCapacity = capacity;
      return this;
    }

    /**
     * Registers the meters and returns the metered engine; the builder may be used again.
     *
     * @return the metered engine
     */
    public MeteredEngine build() {
      MeteredEngine engine = new MeteredEngine(this);
      engine.refreshPolicyMatches();
      return engine;
    }
  }

  @Override
  public String toString() {
    return "MeteredEngine{revision " + revision.get() + ", " + holder.current() + "}";
  }
}

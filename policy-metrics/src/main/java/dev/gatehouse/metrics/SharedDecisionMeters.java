package dev.gatehouse.metrics;

import dev.gatehouse.engine.CompiledPolicies;
import dev.gatehouse.engine.PolicyEngineHolder;
import dev.gatehouse.engine.SharedDecisionStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The meters of the shared-decision cache, {@code gatehouse.decision.cache.*}, read from {@link
 * CompiledPolicies#sharedDecisionStats()} when scraped. The counters stay monotone across swaps: a
 * set swapped out adds its last counts to a base. A scrape between the swap and that addition could
 * see less than before, so each reading is the largest seen.
 */
final class SharedDecisionMeters {
  private final PolicyEngineHolder holder;
  private final DecisionMetrics decisions;
  private final AtomicLong retiredMisses = new AtomicLong();
  private final AtomicLong retiredEvictions = new AtomicLong();
  private final AtomicLong misses = new AtomicLong();
  private final AtomicLong evictions = new AtomicLong();
  private final AtomicLong hits = new AtomicLong();

  SharedDecisionMeters(PolicyEngineHolder holder, DecisionMetrics decisions) {
    this.holder = holder;
    this.decisions = decisions;
  }

  void register(MeterRegistry registry) {
    FunctionCounter.builder("gatehouse.decision.cache.hits", this, SharedDecisionMeters::hits)
        .description("decisions found shared: decisions counted minus cache misses")
        .register(registry);
    FunctionCounter.builder("gatehouse.decision.cache.misses", this, SharedDecisionMeters::misses)
        .description("decisions combined afresh because none was shared")
        .register(registry);
    FunctionCounter.builder(
            "gatehouse.decision.cache.evictions", this, SharedDecisionMeters::evictions)
        .description("shared decisions replaced because their slots were taken")
        .register(registry);
    Gauge.builder("gatehouse.decision.cache.size", holder, SharedDecisionMeters::size)
        .description("shared decisions held by the running policy set")
        .register(registry);
  }

  private static double size(PolicyEngineHolder holder) {
    return holder.current().sharedDecisionStats().size();
  }

  void retire(CompiledPolicies previous) {
    SharedDecisionStats last = previous.sharedDecisionStats();
    retiredMisses.addAndGet(last.misses());
    retiredEvictions.addAndGet(last.evictions());
  }

  SharedDecisionStats stats() {
    SharedDecisionStats now = holder.current().sharedDecisionStats();
    long m = misses.accumulateAndGet(retiredMisses.get() + now.misses(), Math::max);
    long e = evictions.accumulateAndGet(retiredEvictions.get() + now.evictions(), Math::max);
    return new SharedDecisionStats(m, e, now.size(), now.capacity());
  }

  private double misses() {
    return stats().misses();
  }

  private double evictions() {
    return stats().evictions();
  }

  private double hits() {
    // A decision is counted after it was made, so a scrape may see its miss before its count.
    long counted = decisions.count();
    return hits.accumulateAndGet(Math.max(0, counted - stats().misses()), Math::max);
  }
}

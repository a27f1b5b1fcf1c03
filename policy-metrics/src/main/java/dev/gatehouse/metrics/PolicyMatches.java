package dev.gatehouse.metrics;

import dev.gatehouse.api.Decision;
import dev.gatehouse.api.Reason;
import dev.gatehouse.api.ReasonCode;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * Counts how often each policy matched, for the counter {@code gatehouse.policy.matches} tagged
 * {@code policy}: only the {@code top} policies that matched most, or only the ids configured, so
 * that the number of series stays bounded whatever the policy set.
 *
 * <p>The engine shares one {@link Decision} among all requests that reach the same outcome, so a
 * decision is counted once, by identity, in a small open-addressed table: one identity hash and one
 * striped add per decision, whatever the number of policies it names. Only {@link #refresh()}
 * spreads those counts over policy ids, sorts them and registers or removes series. A decision the
 * engine does not share (one naming a missing attribute) or one that finds the table crowded is
 * counted by id instead, on a slower path that allocates nothing once an id has been seen.
 *
 * <p>Each refresh forgets the decisions not seen since the previous one, folding their counts into
 * a total by id; decisions of a replaced policy set leave the table that way. A thread that reads
 * an entry just before it is folded may have its one increment lost; counts never go down.
 */
final class PolicyMatches {

  static final String NAME = "gatehouse.policy.matches";
  private static final int PROBES = 4;

  private final MeterRegistry registry;
  private final int top;
  private final Set<String> only;
  private final AtomicReferenceArray<@Nullable Entry> slots;
  private final int mask;
  private final ConcurrentHashMap<String, LongAdder> byId = new ConcurrentHashMap<>();

  /** Counts folded out of the table, by policy id; guarded by {@code this}. */
  private final Map<String, Long> folded = new HashMap<>();

  /** Series registered now, by policy id; guarded by {@code this}. */
  private final Map<String, FunctionCounter> shown = new HashMap<>();

  /** What the series read: the totals of the last refresh. */
  private volatile Map<String, Long> totals = Map.of();

  /**
   * @param top how many of the policies that matched most get a series; 0 with {@code only}
   * @param only the policy ids that get a series, whatever their counts; empty with {@code top}
   * @param capacity decisions the table holds, a power of two
   */
  PolicyMatches(MeterRegistry registry, int top, Set<String> only, int capacity) {
    this.registry = registry;
    this.top = top;
    this.only = Set.copyOf(only);
    this.slots = new AtomicReferenceArray<>(capacity);
    this.mask = capacity - 1;
  }

  /** Counts the policies {@code decision} names; allocation-free once the decision was seen. */
  void record(Decision decision) {
    List<String> matched = decision.matched();
    if (matched.isEmpty()) {
      return;
    }
    if (!shared(decision)) {
      countById(matched);
      return;
    }
    // The bits of an identity hash are already spread; the multiply keeps nearby ones apart.
    int i = System.identityHashCode(decision) * 0x9E3779B9 >>> 7;
    for (int probe = 0; probe < PROBES; probe++) {
      int slot = (i + probe) & mask;
      Entry e = slots.get(slot);
      if (e == null) {
        Entry fresh = new Entry(decision);
        if (slots.compareAndSet(slot, null, fresh)) {
          fresh.count.increment();
          return;
        }
        e = slots.get(slot);
      }
      if (e != null && e.decision == decision) {
        e.count.increment();
        return;
      }
    }
    countById(matched);
  }

  /** A decision naming a missing attribute was made for this request alone: do not keep it. */
  private static boolean shared(Decision decision) {
    List<Reason> reasons = decision.reasons();
    for (int i = 0, n = reasons.size(); i < n; i++) {
      if (reasons.get(i).code() == ReasonCode.MISSING_ATTRIBUTE) {
        return false;
      }
    }
    return true;
  }

  private void countById(List<String> matched) {
    for (int i = 0, n = matched.size(); i < n; i++) {
      String id = matched.get(i);
      LongAdder adder = byId.get(id);
      if (adder == null) {
        adder = byId.computeIfAbsent(id, k -> new LongAdder());
      }
      adder.increment();
    }
  }

  /**
   * Spreads the counts over policy ids, forgets decisions not seen since the last refresh, and
   * registers the series of the policies now shown, removing the others.
   */
  synchronized void refresh() {
    Map<String, Long> now = new HashMap<>(folded);
    for (int slot = 0; slot < slots.length(); slot++) {
      Entry e = slots.get(slot);
      if (e == null) {
        continue;
      }
      long count = e.count.sum();
      for (String id : e.decision.matched()) {
        now.merge(id, count, Long::sum);
      }
      if (count == e.seen && slots.compareAndSet(slot, e, null)) {
        for (String id : e.decision.matched()) {
          folded.merge(id, count, Long::sum);
        }
      }
      e.seen = count;
    }
    byId.forEach((id, adder) -> now.merge(id, adder.sum(), Long::sum));
    Map<String, Long> before = totals;
    // Never report less than before, so that a series reads as a counter.
    before.forEach((id, n) -> now.merge(id, n, Math::max));
    totals = Map.copyOf(now);
    show(chosen(now));
  }

  private Set<String> chosen(Map<String, Long> now) {
    if (!only.isEmpty()) {
      return only;
    }
    List<Map.Entry<String, Long>> ranked = new ArrayList<>(now.entrySet());
    ranked.removeIf(e -> e.getValue() == 0);
    // Most matches first; ties in id order, so that the same counts show the same series.
    ranked.sort(
        Map.Entry.<String, Long>comparingByValue()
            .reversed()
            .thenComparing(Map.Entry.comparingByKey()));
    Set<String> ids = new HashSet<>();
    for (int k = 0; k < Math.min(top, ranked.size()); k++) {
      ids.add(ranked.get(k).getKey());
    }
    return ids;
  }

  private void show(Set<String> ids) {
    shown
        .entrySet()
        .removeIf(
            e -> {
              if (ids.contains(e.getKey())) {
                return false;
              }
              registry.remove(e.getValue());
              return true;
            });
    for (String id : ids) {
      shown.computeIfAbsent(
          id,
          k ->
              FunctionCounter.builder(NAME, this, m -> m.totals.getOrDefault(k, 0L))
                  .description(
                      "decisions each shown policy applied to (the top ones, or those set)")
                  .tag("policy", k)
                  .register(registry));
    }
  }

  /** {@return the total of {@code id} at the last refresh} */
  long total(String id) {
    return totals.getOrDefault(id, 0L);
  }

  /** One shared decision and how many times it was returned. */
  private static final class Entry {
    final Decision decision;
    final LongAdder count = new LongAdder();

    /** The count at the previous refresh; read and written by {@link #refresh()} only. */
    long seen;

    Entry(Decision decision) {
      this.decision = decision;
    }
  }
}

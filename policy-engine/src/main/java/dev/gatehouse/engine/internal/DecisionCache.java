package dev.gatehouse.engine.internal;

import dev.gatehouse.api.Decision;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * The leaves of the decision structure: each distinct outcome list maps to one shared, immutable
 * {@link Decision}. Built on first use and bounded: a fixed number of slots, a short probe, and
 * replacement when full, so that memory stays bounded whatever the requests. A lookup that hits
 * allocates nothing; a miss combines the outcomes afresh.
 *
 * <p>Statistics are kept on the slow paths only: misses, entries stored and entries replaced. A hit
 * writes nothing, so that threads deciding alike never contend for a counter's cache line; hits are
 * lookups minus misses, for whoever counts lookups.
 */
final class DecisionCache {

  private static final int PROBES = 4;

  private final AtomicReferenceArray<@Nullable Entry> slots;
  private final int mask;
  private final LongAdder misses = new LongAdder();
  private final LongAdder evictions = new LongAdder();

  /** Slots filled: exact, since an entry is never removed, only replaced. */
  private final AtomicInteger filled = new AtomicInteger();

  DecisionCache(int capacity) {
    int size = Integer.highestOneBit(Math.max(16, capacity - 1)) << 1;
    this.slots = new AtomicReferenceArray<>(size);
    this.mask = size - 1;
  }

  @Nullable Decision get(Outcomes o, long signature) {
    int i = (int) signature & mask;
    for (int probe = 0; probe < PROBES; probe++) {
      Entry e = slots.get((i + probe) & mask);
      if (e == null) {
        // Entries are never removed, so nothing lies past an empty slot.
        misses.increment();
        return null;
      }
      if (e.signature == signature && o.sameAs(e.key)) {
        return e.decision;
      }
    }
    misses.increment();
    return null;
  }

  void put(Outcomes o, long signature, Decision decision) {
    Entry entry = new Entry(signature, o.key(), decision);
    int i = (int) signature & mask;
    for (int probe = 0; probe < PROBES; probe++) {
      if (slots.compareAndSet((i + probe) & mask, null, entry)) {
        filled.incrementAndGet();
        return;
      }
    }
    // All probed slots are taken: replace one chosen by the signature's high bits, so that two
    // outcome lists that meet in a full window evict different entries rather than each other.
    slots.set((i + (int) (signature >>> 60 & (PROBES - 1))) & mask, entry);
    evictions.increment();
  }

  int size() {
    return filled.get();
  }

  int capacity() {
    return slots.length();
  }

  long misses() {
    return misses.sum();
  }

  long evictions() {
    return evictions.sum();
  }

  private static final class Entry {
    final long signature;
    final int[] key;
    final Decision decision;

    Entry(long signature, int[] key, Decision decision) {
      this.signature = signature;
      this.key = key;
      this.decision = decision;
    }
  }
}

package dev.gatehouse.engine.internal;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** An immutable open-addressing map from {@code long} to {@code int[]}: lookups never box. */
final class LongIntsMap {

  private final long[] keys;
  private final int[] @Nullable [] values;
  private final int mask;

  LongIntsMap(Map<Long, int[]> entries) {
    int capacity = Integer.highestOneBit(Math.max(4, entries.size() * 2 + 1)) << 1;
    this.keys = new long[capacity];
    this.values = new int[capacity][];
    this.mask = capacity - 1;
    for (Map.Entry<Long, int[]> e : entries.entrySet()) {
      int i = index(e.getKey());
      while (values[i] != null) {
        i = (i + 1) & mask;
      }
      keys[i] = e.getKey();
      values[i] = e.getValue();
    }
  }

  int @Nullable [] get(long key) {
    int i = index(key);
    while (values[i] != null) {
      if (keys[i] == key) {
        return values[i];
      }
      i = (i + 1) & mask;
    }
    return null;
  }

  private int index(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }
}

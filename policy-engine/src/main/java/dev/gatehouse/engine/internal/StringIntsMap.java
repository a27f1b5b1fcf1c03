package dev.gatehouse.engine.internal;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An immutable open-addressing map from strings to {@code int[]}. Hashes sit in their own array, so
 * a miss is decided without touching any key, and a hit reads one key: fewer cache misses than
 * {@link java.util.HashMap}, whose every probe goes through a node object.
 */
final class StringIntsMap {

  private final int[] hashes;
  private final @Nullable String[] keys;
  private final int[] @Nullable [] values;
  private final int mask;

  StringIntsMap(Map<String, int[]> entries) {
    int capacity = Integer.highestOneBit(Math.max(4, entries.size() * 2 + 1)) << 1;
    this.hashes = new int[capacity];
    this.keys = new String[capacity];
    this.values = new int[capacity][];
    this.mask = capacity - 1;
    for (Map.Entry<String, int[]> e : entries.entrySet()) {
      int h = spread(e.getKey().hashCode());
      int i = h & mask;
      while (keys[i] != null) {
        i = (i + 1) & mask;
      }
      hashes[i] = h;
      keys[i] = e.getKey();
      values[i] = e.getValue();
    }
  }

  int @Nullable [] get(String key) {
    int h = spread(key.hashCode());
    int i = h & mask;
    String k;
    while ((k = keys[i]) != null) {
      if (hashes[i] == h && (k == key || k.equals(key))) {
        return values[i];
      }
      i = (i + 1) & mask;
    }
    return null;
  }

  private static int spread(int h) {
    return (h ^ (h >>> 16)) * 0x9E3779B1;
  }
}

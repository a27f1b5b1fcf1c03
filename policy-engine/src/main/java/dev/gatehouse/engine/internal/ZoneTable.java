package dev.gatehouse.engine.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;

/**
 * A zone's UTC offsets as a sorted table of transitions from 1970 to 2100, so that converting an
 * instant to local time is a binary search with no allocation. Instants outside the table fall back
 * to the zone rules.
 */
final class ZoneTable {

  private static final long FROM = 0L;
  private static final long UNTIL = Instant.parse("2100-01-01T00:00:00Z").getEpochSecond();

  private final ZoneRules rules;

  /** Epoch seconds at which each offset starts; the first entry is {@link #FROM}. */
  private final long[] starts;

  private final int[] offsets;

  ZoneTable(ZoneId zone) {
    this.rules = zone.getRules();
    List<long[]> table = new ArrayList<>();
    table.add(new long[] {FROM, rules.getOffset(Instant.ofEpochSecond(FROM)).getTotalSeconds()});
    ZoneOffsetTransition t = rules.nextTransition(Instant.ofEpochSecond(FROM));
    while (t != null && t.toEpochSecond() < UNTIL) {
      table.add(new long[] {t.toEpochSecond(), t.getOffsetAfter().getTotalSeconds()});
      t = rules.nextTransition(t.getInstant());
    }
    this.starts = table.stream().mapToLong(e -> e[0]).toArray();
    this.offsets = table.stream().mapToInt(e -> (int) e[1]).toArray();
  }

  /** Returns the offset from UTC, in seconds, at {@code epochMillis}. */
  int offsetSeconds(long epochMillis) {
    long s = Math.floorDiv(epochMillis, 1000L);
    if (s < FROM || s >= UNTIL) {
      return rules.getOffset(Instant.ofEpochMilli(epochMillis)).getTotalSeconds();
    }
    int low = 0;
    int high = starts.length - 1;
    while (low < high) {
      int mid = (low + high + 1) >>> 1;
      if (starts[mid] <= s) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    return offsets[low];
  }
}

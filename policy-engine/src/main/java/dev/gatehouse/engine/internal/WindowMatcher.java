package dev.gatehouse.engine.internal;

import dev.gatehouse.api.policy.TimeWindow;
import java.time.DayOfWeek;

/** A {@link TimeWindow} precomputed to a day mask and millisecond bounds in a zone table. */
final class WindowMatcher {

  private static final long DAY_MS = 86_400_000L;

  private final ZoneTable zone;
  private final int dayMask;
  private final long startMs;
  private final long endMs;
  private final boolean wraps;

  WindowMatcher(TimeWindow window, ZoneTable zone) {
    this.zone = zone;
    int mask = 0;
    for (DayOfWeek d : window.days()) {
      mask |= 1 << (d.getValue() - 1);
    }
    this.dayMask = mask;
    this.startMs = window.start().toNanoOfDay() / 1_000_000L;
    this.endMs = window.end().toNanoOfDay() / 1_000_000L;
    this.wraps = window.wrapsMidnight();
  }

  boolean contains(long epochMillis) {
    // Day and time of day are shifted separately: adding the offset to the instant itself
    // would overflow near the ends of the millisecond range and land on another weekday.
    long day = Math.floorDiv(epochMillis, DAY_MS);
    long ms = Math.floorMod(epochMillis, DAY_MS) + zone.offsetSeconds(epochMillis) * 1000L;
    if (ms < 0) {
      ms += DAY_MS;
      day--;
    } else if (ms >= DAY_MS) {
      ms -= DAY_MS;
      day++;
    }
    // 1970-01-01 was a Thursday; with Monday as 0 that is day 3 of the week.
    int dow = (int) Math.floorMod(day + 3, 7L);
    boolean today = (dayMask & (1 << dow)) != 0;
    if (!wraps) {
      return today && ms >= startMs && ms < endMs;
    }
    boolean yesterday = (dayMask & (1 << ((dow + 6) % 7))) != 0;
    return (today && ms >= startMs) || (yesterday && ms < endMs);
  }
}

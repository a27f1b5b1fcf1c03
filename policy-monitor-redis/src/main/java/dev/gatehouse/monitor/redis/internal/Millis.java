package dev.gatehouse.monitor.redis.internal;

import java.time.Instant;

/**
 * Instants as the epoch milliseconds Redis stores, clamped to the range of a {@code long}: an event
 * or a window past either end counts as at that end, instead of failing the write or the assessment
 * with an overflow.
 */
final class Millis {

  private static final Instant MIN = Instant.ofEpochMilli(Long.MIN_VALUE);
  private static final Instant MAX = Instant.ofEpochMilli(Long.MAX_VALUE);

  private Millis() {}

  static long of(Instant time) {
    if (time.isBefore(MIN)) {
      return Long.MIN_VALUE;
    }
    return time.isAfter(MAX) ? Long.MAX_VALUE : time.toEpochMilli();
  }
}

package dev.gatehouse.monitor.internal;

import java.time.Instant;
import java.util.Arrays;

/**
 * The small capped arrays of the per-user and per-address state, copied on write: appending drops
 * the oldest past the cap, and counting a time window clamps instants to epoch milliseconds.
 */
final class CappedArrays {

  private static final Instant MIN = Instant.ofEpochMilli(Long.MIN_VALUE);
  private static final Instant MAX = Instant.ofEpochMilli(Long.MAX_VALUE);

  private CappedArrays() {}

  /**
   * Returns {@code array} plus {@code value} at the end, dropping the oldest beyond {@code cap}.
   */
  static <T> T[] append(T[] array, T value, int cap) {
    if (cap == 0) {
      return array;
    }
    int keep = Math.min(array.length, cap - 1);
    T[] copy = Arrays.copyOfRange(array, array.length - keep, array.length + 1);
    copy[keep] = value;
    return copy;
  }

  /**
   * Returns {@code array} plus {@code value} at the end, dropping the oldest beyond {@code cap}.
   */
  static long[] append(long[] array, long value, int cap) {
    int keep = Math.min(array.length, cap - 1);
    long[] copy = Arrays.copyOfRange(array, array.length - keep, array.length + 1);
    copy[keep] = value;
    return copy;
  }

  /** Returns {@code array} itself if it holds {@code value}, else {@link #append} of it. */
  static String[] remember(String[] array, String value, int cap) {
    return contains(array, value) ? array : append(array, value, cap);
  }

  static boolean contains(String[] array, String value) {
    for (String s : array) {
      if (s.equals(value)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns {@code time} in epoch milliseconds, clamped to the range of a {@code long}: a window
   * reaching past either end of that range counts every stored value on that side, instead of
   * failing the assessment.
   */
  static long millis(Instant time) {
    if (time.isBefore(MIN)) {
      return Long.MIN_VALUE;
    }
    return time.isAfter(MAX) ? Long.MAX_VALUE : time.toEpochMilli();
  }

  /** Counts the values in {@code [from, to]}, clamped as {@link #millis}; unsorted is fine. */
  static int countBetween(long[] array, Instant from, Instant to) {
    return countBetween(array, millis(from), millis(to));
  }

  /** Counts the values in {@code [from, to]}; the array need not be sorted. */
  static int countBetween(long[] array, long from, long to) {
    int n = 0;
    for (long v : array) {
      if (v >= from && v <= to) {
        n++;
      }
    }
    return n;
  }
}

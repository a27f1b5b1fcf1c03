package dev.gatehouse.monitor.internal;

import java.util.Arrays;

/** Copy-on-write helpers for the small capped arrays of the per-user and per-address state. */
final class Arrays2 {

  private Arrays2() {}

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

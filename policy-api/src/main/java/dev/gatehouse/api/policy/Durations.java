package dev.gatehouse.api.policy;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Durations as the policy language writes them: {@code 30s}, {@code 15m}, {@code 8h}, {@code 30d}.
 */
public final class Durations {

  private Durations() {}

  /**
   * {@return {@code d} in the largest unit that divides it exactly, such as {@code 8h}}
   *
   * @param d the duration
   */
  public static String format(Duration d) {
    requireNonNull(d, "duration");
    long s = d.getSeconds();
    if (d.getNano() != 0) {
      return d.toMillis() + "ms";
    }
    if (s != 0 && s % 86_400 == 0) {
      return s / 86_400 + "d";
    }
    if (s != 0 && s % 3_600 == 0) {
      return s / 3_600 + "h";
    }
    if (s != 0 && s % 60 == 0) {
      return s / 60 + "m";
    }
    return s + "s";
  }
}

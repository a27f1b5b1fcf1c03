package dev.gatehouse.engine.internal;

/**
 * When an MFA factor counts as fresh: the one rule both evaluators apply to {@code request.time}
 * and {@code auth.time}. The age is computed without overflow, and an authentication from the
 * future is fresh only within the allowed clock skew, so that no value of either attribute can turn
 * into "fresh".
 */
public final class Freshness {

  /** The age of an authentication whose true age does not fit in a {@code long}. */
  public static final long UNKNOWABLE = Long.MAX_VALUE;

  private Freshness() {}

  /**
   * Returns {@code time - authTime} in milliseconds, or {@link #UNKNOWABLE} when the difference
   * overflows (then the true age is beyond any {@code within} and any skew, in one direction or the
   * other).
   */
  public static long age(long time, long authTime) {
    long age = time - authTime;
    // Overflow iff the operands have different signs and the result's sign differs from time's.
    return ((time ^ authTime) & (time ^ age)) < 0 ? UNKNOWABLE : age;
  }

  /**
   * Returns whether an authentication {@code age} milliseconds old satisfies a requirement of
   * {@code withinMillis}, allowing {@code skewMillis} of clock skew into the future.
   */
  public static boolean fresh(long age, long withinMillis, long skewMillis) {
    return age != UNKNOWABLE && age <= withinMillis && age >= -skewMillis;
  }
}

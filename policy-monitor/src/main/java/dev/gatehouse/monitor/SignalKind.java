package dev.gatehouse.monitor;

import java.util.Locale;

/** The kinds of risk signal the monitor derives from the sign-in history, with default weights. */
public enum SignalKind {
  /** Failed sign-ins for the user within the failure window reached the user threshold. */
  USER_FAILURES(50),
  /** Failed sign-ins from the client address within the failure window reached the IP threshold. */
  IP_FAILURES(50),
  /** The device has never been used in a trusted sign-in by this user. */
  NEW_DEVICE(20),
  /** The country has never been seen in a trusted sign-in by this user. */
  NEW_COUNTRY(30),
  /** The user has never signed in at this hour of day or the hours next to it. */
  UNUSUAL_HOUR(10),
  /** Reaching here from the last trusted sign-in would need an implausible speed. */
  IMPOSSIBLE_TRAVEL(60),
  /** The client address is in a configured blocklist network. */
  BLOCKED_IP(80);

  private final int defaultWeight;

  SignalKind(int defaultWeight) {
    this.defaultWeight = defaultWeight;
  }

  /**
   * Returns the weight {@link RiskScorer#defaults()} gives this signal.
   *
   * @return the weight the default scorer gives this signal
   */
  public int defaultWeight() {
    return defaultWeight;
  }

  /**
   * Returns the signal's name as shown in explanations, such as {@code new_device}.
   *
   * @return the signal's name as shown in explanations
   */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return id();
  }
}

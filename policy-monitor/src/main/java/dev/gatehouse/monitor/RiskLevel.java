package dev.gatehouse.monitor;

import java.util.Locale;

/** The ordered values of {@code risk.level}, lowest first. */
public enum RiskLevel {
  /** No signal fired. */
  NONE,
  /** A weak signal, such as an unusual hour. */
  LOW,
  /** A signal worth a look, such as a new country. */
  MEDIUM,
  /** Strong signals: challenge the sign-in. */
  HIGH,
  /** Signals that suggest an attack: block or challenge with the strongest factor. */
  CRITICAL;

  /**
   * Returns the level as written in policies, such as {@code high}.
   *
   * @return the level as written in policies
   */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return id();
  }
}

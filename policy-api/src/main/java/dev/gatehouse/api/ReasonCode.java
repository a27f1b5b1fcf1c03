package dev.gatehouse.api;

import java.util.Locale;

/** Why a decision is not a plain PERMIT; stable codes that hosts and tests can match on. */
public enum ReasonCode {
  /** No {@code assign} policy gives the user the app. */
  NOT_ASSIGNED,
  /** A {@code restrict} policy covering the app does not allow the client address. */
  NETWORK_NOT_ALLOWED,
  /** An {@code authenticate … block} policy matched. */
  BLOCKED,
  /**
   * An {@code authenticate} policy requires a factor the session lacks or satisfied too long ago.
   */
  MFA_REQUIRED,
  /** An {@code authenticate} policy requires that access came through single sign-on. */
  SSO_REQUIRED,
  /** No {@code delegate} policy allows this admin action on this target. */
  NOT_DELEGATED,
  /** A condition read an attribute the request lacks, so it could not grant. */
  MISSING_ATTRIBUTE,
  /** The engine met an internal error and failed closed. */
  INTERNAL_ERROR;

  /** {@return the code as written in decisions and test files, such as {@code not_assigned}} */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return id();
  }
}

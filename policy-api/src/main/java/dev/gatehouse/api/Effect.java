package dev.gatehouse.api;

/** The outcome of a decision. */
public enum Effect {
  /** Access is allowed. */
  PERMIT,
  /** Access is refused; the decision's reasons say why. */
  DENY,
  /** Access is allowed once the unmet requirements (MFA, SSO) are satisfied. */
  CHALLENGE
}

package dev.gatehouse.bench.peers;

import dev.gatehouse.api.Decision;
import dev.gatehouse.api.ReasonCode;

/**
 * The question an engine answers about a request: the whole decision, or the part of it a peer can
 * express. Each question derives its answer from a Gatehouse {@link Decision}, which is what the
 * cross-check compares a peer's answer with.
 */
public enum Question {
  /** The whole decision: effect, reasons, requirements, roles, matched and report-only policies. */
  DECISION {
    @Override
    public Object of(Decision d) {
      return d;
    }
  },
  /** The effect only: PERMIT, DENY or CHALLENGE. */
  EFFECT {
    @Override
    public Object of(Decision d) {
      return d.effect();
    }
  },
  /** Whether the user is assigned the app and connects from a network every restriction allows. */
  ASSIGNED_AND_NETWORK {
    @Override
    public Object of(Decision d) {
      return d.reasons().stream()
          .noneMatch(
              r ->
                  r.code() == ReasonCode.NOT_ASSIGNED
                      || r.code() == ReasonCode.NETWORK_NOT_ALLOWED);
    }
  },
  /** Whether some {@code assign} policy gives the user the app. */
  ASSIGNED {
    @Override
    public Object of(Decision d) {
      return d.reasons().stream().noneMatch(r -> r.code() == ReasonCode.NOT_ASSIGNED);
    }
  };

  /**
   * Returns this question's answer as the Gatehouse decision {@code d} gives it.
   *
   * @param d a decision of the compiled engine
   * @return the answer, compared with {@link Object#equals} to a peer's
   */
  public abstract Object of(Decision d);
}

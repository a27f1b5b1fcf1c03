package dev.gatehouse.spring;

import dev.gatehouse.api.Decision;
import dev.gatehouse.api.Effect;
import dev.gatehouse.servlet.Responses;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authorization.AuthorizationDecision;

/**
 * Spring Security's view of a Gatehouse decision: granted for a PERMIT, and carrying the decision
 * (or the refusal code, when the request could not be decided) to {@link
 * GatehouseAccessDeniedHandler}.
 */
public final class GatehouseAuthorizationDecision extends AuthorizationDecision {

  private static final long serialVersionUID = 1L;

  private final transient @Nullable Decision decision;

  /** The reason codes, or the refusal code, named in the problem body. */
  @SuppressWarnings("serial") // always a List.copyOf list, which is serializable
  private final List<String> codes;

  private GatehouseAuthorizationDecision(
      boolean granted, @Nullable Decision decision, List<String> codes) {
    super(granted);
    this.decision = decision;
    this.codes = List.copyOf(codes);
  }

  /**
   * Returns Spring Security's view of {@code decision}.
   *
   * @param decision the decision of the running policies
   * @return the view, granted if and only if {@code decision} permits
   */
  public static GatehouseAuthorizationDecision of(Decision decision) {
    return new GatehouseAuthorizationDecision(
        decision.isPermitted(), decision, Responses.codes(decision));
  }

  /**
   * Returns a denial of a request that could not be decided, such as {@code unmapped_path}.
   *
   * @param code the refusal code named in the problem body
   * @return the denial
   */
  public static GatehouseAuthorizationDecision refused(String code) {
    return new GatehouseAuthorizationDecision(false, null, List.of(code));
  }

  /**
   * Returns the decision of the policies, or empty if the request was refused before evaluation.
   *
   * @return the decision, or empty
   */
  public Optional<Decision> decision() {
    return Optional.ofNullable(decision);
  }

  /**
   * Returns whether the policies asked for a stronger or more recent sign-in.
   *
   * @return whether the decision is a CHALLENGE
   */
  public boolean isChallenge() {
    return decision != null && decision.effect() == Effect.CHALLENGE;
  }

  /**
   * Returns the reason codes, or the refusal code.
   *
   * @return the codes named in the problem body
   */
  public List<String> codes() {
    return codes;
  }

  @Override
  public String toString() {
    return "GatehouseAuthorizationDecision[granted=" + isGranted() + ", codes=" + codes + "]";
  }
}

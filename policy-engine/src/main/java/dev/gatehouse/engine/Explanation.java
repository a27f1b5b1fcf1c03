package dev.gatehouse.engine;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.api.Decision;

/**
 * A decision with a readable account of how it was reached.
 *
 * @param decision the decision
 * @param text the account: the effect and reasons, then each relevant policy with its conditions
 *     evaluated against the request's values
 */
public record Explanation(Decision decision, String text) {

  /**
   * Checks the components.
   *
   * @param decision the decision
   * @param text the account
   */
  public Explanation {
    requireNonNull(decision, "decision");
    requireNonNull(text, "text");
  }

  @Override
  public String toString() {
    return text;
  }
}

package dev.gatehouse.bench.peers;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Decision;
import dev.gatehouse.api.policy.PolicySet;
import dev.gatehouse.engine.reference.ReferenceEvaluator;

/**
 * The reference interpreter, a linear scan over every policy: the baseline, answering with the
 * whole decision.
 */
public final class ReferencePeer implements Peer {

  private final ReferenceEvaluator evaluator;

  /**
   * Interprets {@code set}.
   *
   * @param set the policies
   */
  public ReferencePeer(PolicySet set) {
    this.evaluator = new ReferenceEvaluator(set);
  }

  @Override
  public String name() {
    return "reference";
  }

  @Override
  public Question question() {
    return Question.DECISION;
  }

  @Override
  public Object prepare(AccessRequest request) {
    return request;
  }

  @Override
  public Object decide(Object prepared) {
    return evaluator.evaluate((AccessRequest) prepared);
  }

  @Override
  public Object answer(Object decided) {
    return (Decision) decided;
  }
}

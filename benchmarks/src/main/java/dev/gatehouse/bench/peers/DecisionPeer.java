package dev.gatehouse.bench.peers;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Decision;
import dev.gatehouse.api.policy.PolicySet;
import dev.gatehouse.engine.CompiledPolicies;
import dev.gatehouse.engine.reference.ReferenceEvaluator;
import java.util.function.Function;

/**
 * An engine of this project answering with the whole decision: the compiled engine, or the
 * reference interpreter (a linear scan over every policy, the baseline).
 */
public final class DecisionPeer implements Peer {

  private final String name;
  private final Function<AccessRequest, Decision> evaluate;

  private DecisionPeer(String name, Function<AccessRequest, Decision> evaluate) {
    this.name = name;
    this.evaluate = evaluate;
  }

  /**
   * Returns the compiled engine as a peer.
   *
   * @param engine the compiled policies
   * @return the peer named {@code gatehouse}
   */
  public static DecisionPeer gatehouse(CompiledPolicies engine) {
    return new DecisionPeer("gatehouse", engine::evaluate);
  }

  /**
   * Returns the reference interpreter of {@code set} as a peer.
   *
   * @param set the policies
   * @return the peer named {@code reference}
   */
  public static DecisionPeer reference(PolicySet set) {
    return new DecisionPeer("reference", new ReferenceEvaluator(set)::evaluate);
  }

  @Override
  public String name() {
    return name;
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
    return evaluate.apply((AccessRequest) prepared);
  }

  @Override
  public Object answer(Object decided) {
    return (Decision) decided;
  }
}

package dev.gatehouse.bench.peers;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Decision;
import dev.gatehouse.engine.CompiledPolicies;

/** Gatehouse's compiled engine, answering with the whole decision. */
public final class GatehousePeer implements Peer {

  private final CompiledPolicies engine;

  /**
   * Wraps a compiled engine.
   *
   * @param engine the compiled policies
   */
  public GatehousePeer(CompiledPolicies engine) {
    this.engine = engine;
  }

  @Override
  public String name() {
    return "gatehouse";
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
    return engine.evaluate((AccessRequest) prepared);
  }

  @Override
  public Object answer(Object decided) {
    return (Decision) decided;
  }
}

package dev.gatehouse.bench.peers;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Decision;
import dev.gatehouse.api.Schema;
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
  private final Schema schema;
  private final Function<AccessRequest, Decision> evaluate;

  private DecisionPeer(String name, Schema schema, Function<AccessRequest, Decision> evaluate) {
    this.name = name;
    this.schema = schema;
    this.evaluate = evaluate;
  }

  /**
   * Returns the compiled engine as a peer.
   *
   * @param engine the compiled policies
   * @return the peer named {@code gatehouse}
   */
  public static DecisionPeer gatehouse(CompiledPolicies engine) {
    return new DecisionPeer("gatehouse", engine.schema(), engine::evaluate);
  }

  /**
   * Returns the reference interpreter of {@code set} as a peer.
   *
   * @param set the policies
   * @return the peer named {@code reference}
   */
  public static DecisionPeer reference(PolicySet set) {
    return new DecisionPeer("reference", set.schema(), new ReferenceEvaluator(set)::evaluate);
  }

  /**
   * Builds the Gatehouse request for what a host holds, as a host does on every call: the one place
   * the benchmarks build requests from host values, so that a change to the request-building API is
   * measured by changing this method alone.
   *
   * @param schema the schema of the policies
   * @param h the host's request
   * @return the request
   */
  static AccessRequest request(Schema schema, HostRequest h) {
    AccessRequest.Builder b =
        AccessRequest.builder(schema)
            .set("user.id", h.userId())
            .set("user.email", h.email())
            .set("user.department", h.department())
            .set("user.country", h.country())
            .set("user.employment", h.employment())
            .set("user.roles", h.roles())
            .set("user.groups", h.groups())
            .set("user.title", h.title())
            .set("user.cost_center", h.costCenter())
            .set("user.clearance", h.clearance())
            .set("request.action", h.action())
            .set("request.ip", h.ip())
            .set("request.time", h.time())
            .set("auth.time", h.authTime())
            .set("auth.methods", h.authMethods())
            .set("risk.level", h.riskLevel())
            .set("risk.score", h.riskScore())
            .set("device.id", h.deviceId())
            .set("device.platform", h.devicePlatform())
            .set("device.managed", h.deviceManaged())
            .set("device.known", h.deviceKnown())
            .set("location.country", h.locationCountry());
    if (h.app() != null) {
      b.set("app", h.app());
    }
    return b.build();
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
  public Object prepare(HostRequest request) {
    return request(schema, request);
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

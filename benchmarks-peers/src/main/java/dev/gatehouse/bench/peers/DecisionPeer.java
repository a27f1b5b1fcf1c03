package dev.gatehouse.bench.peers;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Attribute;
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
  private final Function<AccessRequest, Decision> evaluate;
  private final HostPath host;

  private DecisionPeer(String name, Schema schema, Function<AccessRequest, Decision> evaluate) {
    this.name = name;
    this.evaluate = evaluate;
    this.host = new HostPath(schema);
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
    return new HostPath(schema).request(h);
  }

  /**
   * A host's request building: the attributes resolved once, then set through their handles on
   * every call, as docs/performance.md's host path describes.
   */
  static final class HostPath {

    private final Schema schema;
    private final Attribute userId;
    private final Attribute userEmail;
    private final Attribute userDepartment;
    private final Attribute userCountry;
    private final Attribute userEmployment;
    private final Attribute userRoles;
    private final Attribute userGroups;
    private final Attribute userTitle;
    private final Attribute userCostCenter;
    private final Attribute userClearance;
    private final Attribute requestAction;
    private final Attribute requestIp;
    private final Attribute requestTime;
    private final Attribute authTime;
    private final Attribute authMethods;
    private final Attribute riskLevel;
    private final Attribute riskScore;
    private final Attribute deviceId;
    private final Attribute devicePlatform;
    private final Attribute deviceManaged;
    private final Attribute deviceKnown;
    private final Attribute locationCountry;
    private final Attribute app;

    HostPath(Schema schema) {
      this.schema = schema;
      userId = schema.attributeOrThrow("user.id");
      userEmail = schema.attributeOrThrow("user.email");
      userDepartment = schema.attributeOrThrow("user.department");
      userCountry = schema.attributeOrThrow("user.country");
      userEmployment = schema.attributeOrThrow("user.employment");
      userRoles = schema.attributeOrThrow("user.roles");
      userGroups = schema.attributeOrThrow("user.groups");
      userTitle = schema.attributeOrThrow("user.title");
      userCostCenter = schema.attributeOrThrow("user.cost_center");
      userClearance = schema.attributeOrThrow("user.clearance");
      requestAction = schema.attributeOrThrow("request.action");
      requestIp = schema.attributeOrThrow("request.ip");
      requestTime = schema.attributeOrThrow("request.time");
      authTime = schema.attributeOrThrow("auth.time");
      authMethods = schema.attributeOrThrow("auth.methods");
      riskLevel = schema.attributeOrThrow("risk.level");
      riskScore = schema.attributeOrThrow("risk.score");
      deviceId = schema.attributeOrThrow("device.id");
      devicePlatform = schema.attributeOrThrow("device.platform");
      deviceManaged = schema.attributeOrThrow("device.managed");
      deviceKnown = schema.attributeOrThrow("device.known");
      locationCountry = schema.attributeOrThrow("location.country");
      app = schema.attributeOrThrow("app");
    }

    AccessRequest request(HostRequest h) {
      AccessRequest.Builder b =
          AccessRequest.builder(schema)
              .set(userId, h.userId())
              .set(userEmail, h.email())
              .set(userDepartment, h.department())
              .set(userCountry, h.country())
              .set(userEmployment, h.employment())
              .set(userRoles, h.roles())
              .set(userGroups, h.groups())
              .set(userTitle, h.title())
              .set(userCostCenter, h.costCenter())
              .set(userClearance, h.clearance())
              .set(requestAction, h.action())
              .set(requestIp, h.ip())
              .set(requestTime, h.time())
              .set(authTime, h.authTime())
              .set(authMethods, h.authMethods())
              .set(riskLevel, h.riskLevel())
              .set(riskScore, h.riskScore())
              .set(deviceId, h.deviceId())
              .set(devicePlatform, h.devicePlatform())
              .set(deviceManaged, h.deviceManaged())
              .set(deviceKnown, h.deviceKnown())
              .set(locationCountry, h.locationCountry())
              .set(app, h.app());
      if (h.app() != null) {
        b.set(app, h.app());
      }
      return b.build();
    }
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
    return host.request(request);
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

package dev.gatehouse.bench.peers;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Attribute;
import dev.gatehouse.api.Decision;
import dev.gatehouse.api.Schema;
import dev.gatehouse.api.policy.PolicySet;
import dev.gatehouse.engine.CompiledPolicies;
import dev.gatehouse.engine.reference.ReferenceEvaluator;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

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

    /** One builder, emptied for each request: a host deciding in a loop keeps one per thread. */
    private final AccessRequest.Builder builder;

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
      builder = AccessRequest.builder(schema);
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
      AccessRequest.Builder b = builder.reset();
      text(b, userId, h.userId());
      text(b, userEmail, h.email());
      text(b, userDepartment, h.department());
      text(b, userCountry, h.country());
      text(b, userEmployment, h.employment());
      set(b, userRoles, h.roles());
      set(b, userGroups, h.groups());
      text(b, userTitle, h.title());
      text(b, userCostCenter, h.costCenter());
      b.set(userClearance, h.clearance());
      text(b, requestAction, h.action());
      text(b, requestIp, h.ip());
      time(b, requestTime, h.time());
      time(b, authTime, h.authTime());
      set(b, authMethods, h.authMethods());
      text(b, riskLevel, h.riskLevel());
      b.set(riskScore, h.riskScore());
      text(b, deviceId, h.deviceId());
      text(b, devicePlatform, h.devicePlatform());
      b.set(deviceManaged, h.deviceManaged());
      b.set(deviceKnown, h.deviceKnown());
      text(b, locationCountry, h.locationCountry());
      text(b, app, h.app());
      return b.build();
    }

    // A host request leaves out, as null, what the host does not know; so does the request.

    private static void text(AccessRequest.Builder b, Attribute a, @Nullable String value) {
      if (value != null) {
        b.set(a, value);
      }
    }

    private static void set(AccessRequest.Builder b, Attribute a, @Nullable List<String> value) {
      if (value != null) {
        b.set(a, value);
      }
    }

    private static void time(AccessRequest.Builder b, Attribute a, @Nullable Instant value) {
      if (value != null) {
        b.set(a, value);
      }
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

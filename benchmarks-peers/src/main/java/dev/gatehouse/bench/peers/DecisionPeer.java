package dev.gatehouse.bench.peers;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Attribute;
import dev.gatehouse.api.Decision;
import dev.gatehouse.api.Schema;
import dev.gatehouse.api.policy.PolicySet;
import dev.gatehouse.engine.CompiledPolicies;
import dev.gatehouse.engine.reference.ReferenceEvaluator;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
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

  private DecisionPeer(
      String name,
      Schema schema,
      Collection<Attribute> read,
      Function<AccessRequest, Decision> evaluate) {
    this.name = name;
    this.evaluate = evaluate;
    this.host = new HostPath(schema, read);
  }

  /**
   * Returns the compiled engine as a peer, its host setting only {@link
   * CompiledPolicies#attributesRead() the attributes the policies read}, as docs/performance.md's
   * host path advises.
   *
   * @param engine the compiled policies
   * @return the peer named {@code gatehouse}
   */
  public static DecisionPeer gatehouse(CompiledPolicies engine) {
    return new DecisionPeer(
        "gatehouse", engine.schema(), engine.attributesRead(), engine::evaluate);
  }

  /**
   * Returns the reference interpreter of {@code set} as a peer, its host setting the attributes
   * {@code engine}, the same policies compiled, reads.
   *
   * @param set the policies
   * @param engine the same policies compiled, for the attributes to set
   * @return the peer named {@code reference}
   */
  public static DecisionPeer reference(PolicySet set, CompiledPolicies engine) {
    return new DecisionPeer(
        "reference", set.schema(), engine.attributesRead(), new ReferenceEvaluator(set)::evaluate);
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
    return new HostPath(schema, schema.attributes()).request(h);
  }

  /**
   * Builds the Gatehouse request a host sets for {@code engine}: only the attributes its policies
   * read.
   *
   * @param engine the compiled policies
   * @param h the host's request
   * @return the request
   */
  static AccessRequest requestRead(CompiledPolicies engine, HostRequest h) {
    return new HostPath(engine.schema(), engine.attributesRead()).request(h);
  }

  /**
   * A host's request building: the attributes to set resolved once, then set through their handles
   * on every call, as docs/performance.md's host path describes. An attribute left out has no
   * handle here, and the builder never looks at its host value.
   */
  static final class HostPath {

    /** One builder, emptied for each request: a host deciding in a loop keeps one per thread. */
    private final AccessRequest.Builder builder;

    private final @Nullable Attribute userId;
    private final @Nullable Attribute userEmail;
    private final @Nullable Attribute userDepartment;
    private final @Nullable Attribute userCountry;
    private final @Nullable Attribute userEmployment;
    private final @Nullable Attribute userRoles;
    private final @Nullable Attribute userGroups;
    private final @Nullable Attribute userTitle;
    private final @Nullable Attribute userCostCenter;
    private final @Nullable Attribute userClearance;
    private final @Nullable Attribute requestAction;
    private final @Nullable Attribute requestIp;
    private final @Nullable Attribute requestTime;
    private final @Nullable Attribute authTime;
    private final @Nullable Attribute authMethods;
    private final @Nullable Attribute riskLevel;
    private final @Nullable Attribute riskScore;
    private final @Nullable Attribute deviceId;
    private final @Nullable Attribute devicePlatform;
    private final @Nullable Attribute deviceManaged;
    private final @Nullable Attribute deviceKnown;
    private final @Nullable Attribute locationCountry;
    private final @Nullable Attribute app;

    HostPath(Schema schema, Collection<Attribute> read) {
      builder = AccessRequest.builder(schema);
      Set<Attribute> wanted = Set.copyOf(read);
      Function<String, @Nullable Attribute> handle =
          name -> {
            Attribute a = schema.attributeOrThrow(name);
            return wanted.contains(a) ? a : null;
          };
      userId = handle.apply("user.id");
      userEmail = handle.apply("user.email");
      userDepartment = handle.apply("user.department");
      userCountry = handle.apply("user.country");
      userEmployment = handle.apply("user.employment");
      userRoles = handle.apply("user.roles");
      userGroups = handle.apply("user.groups");
      userTitle = handle.apply("user.title");
      userCostCenter = handle.apply("user.cost_center");
      userClearance = handle.apply("user.clearance");
      requestAction = handle.apply("request.action");
      requestIp = handle.apply("request.ip");
      requestTime = handle.apply("request.time");
      authTime = handle.apply("auth.time");
      authMethods = handle.apply("auth.methods");
      riskLevel = handle.apply("risk.level");
      riskScore = handle.apply("risk.score");
      deviceId = handle.apply("device.id");
      devicePlatform = handle.apply("device.platform");
      deviceManaged = handle.apply("device.managed");
      deviceKnown = handle.apply("device.known");
      locationCountry = handle.apply("location.country");
      app = handle.apply("app");
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
      number(b, userClearance, h.clearance());
      text(b, requestAction, h.action());
      text(b, requestIp, h.ip());
      time(b, requestTime, h.time());
      time(b, authTime, h.authTime());
      set(b, authMethods, h.authMethods());
      text(b, riskLevel, h.riskLevel());
      number(b, riskScore, h.riskScore());
      text(b, deviceId, h.deviceId());
      text(b, devicePlatform, h.devicePlatform());
      bool(b, deviceManaged, h.deviceManaged());
      bool(b, deviceKnown, h.deviceKnown());
      text(b, locationCountry, h.locationCountry());
      text(b, app, h.app());
      return b.build();
    }

    // A host request leaves out, as null, what the host does not know; so does the request.

    private static void text(
        AccessRequest.Builder b, @Nullable Attribute a, @Nullable String value) {
      if (a != null && value != null) {
        b.set(a, value);
      }
    }

    private static void set(
        AccessRequest.Builder b, @Nullable Attribute a, @Nullable List<String> value) {
      if (a != null && value != null) {
        b.set(a, value);
      }
    }

    private static void time(
        AccessRequest.Builder b, @Nullable Attribute a, @Nullable Instant value) {
      if (a != null && value != null) {
        b.set(a, value);
      }
    }

    private static void number(AccessRequest.Builder b, @Nullable Attribute a, long value) {
      if (a != null) {
        b.set(a, value);
      }
    }

    private static void bool(AccessRequest.Builder b, @Nullable Attribute a, boolean value) {
      if (a != null) {
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

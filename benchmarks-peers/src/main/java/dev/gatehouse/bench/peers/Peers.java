package dev.gatehouse.bench.peers;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.policy.PolicySet;
import dev.gatehouse.bench.Workload;
import dev.gatehouse.engine.CompiledPolicies;
import java.util.ArrayList;
import java.util.List;

/** Creates the engines compared by name, and the requests they are compared on. */
public final class Peers {

  /** The engines, in the order the results list them. */
  public static final List<String> NAMES =
      List.of("gatehouse", "plain-java", "reference", "cel", "jcasbin", "sapl", "cedar");

  /**
   * The other forms tried for the peers, by name, runnable like the engines ({@code -p
   * engine=sapl-naive}) but not part of the default comparison.
   */
  public static final List<String> FORMS_TRIED =
      List.of("jcasbin-one-enforcer", "sapl-naive", "cedar-one-set", "cedar-uncached");

  private Peers() {}

  /**
   * Returns the engine called {@code name}, built from {@code set}.
   *
   * @param name one of {@link #NAMES}
   * @param set the policies
   * @param engine the same policies compiled by Gatehouse
   * @return the engine
   * @throws IllegalArgumentException if {@code name} is not one of {@link #NAMES}
   */
  public static Peer create(String name, PolicySet set, CompiledPolicies engine) {
    switch (name) {
      case "gatehouse":
        return DecisionPeer.gatehouse(engine);
      case "plain-java":
        return new PlainScanPeer(set);
      case "reference":
        return DecisionPeer.reference(set, engine);
      case "cel":
        return new CelPeer(set);
      case "jcasbin":
        return new CasbinPeer(set);
      case "sapl":
        return new SaplPeer(set);
      case "cedar":
        return new CedarPeer(set);
      case "jcasbin-one-enforcer":
        return new CasbinPeer(set, false);
      case "sapl-naive":
        return new SaplPeer(set, false);
      case "cedar-one-set":
        return new CedarPeer(set, false, true);
      case "cedar-uncached":
        return new CedarPeer(set, false, false);
      default:
        throw new IllegalArgumentException(
            "unknown engine `" + name + "`; expected one of " + NAMES);
    }
  }

  /**
   * Returns {@code count} {@code access} requests of the workload's mix, the part of it that every
   * engine can answer at least in part.
   *
   * @param workload the workload
   * @param engine its policies compiled, which the generator asks for each user's apps
   * @param count how many requests
   * @return the requests, deterministic for the workload's seed
   */
  public static AccessRequest[] accessRequests(
      Workload workload, CompiledPolicies engine, int count) {
    List<AccessRequest> access = new ArrayList<>(count);
    while (access.size() < count) {
      for (AccessRequest r : workload.requests(engine, count)) {
        if (access.size() < count && "access".equals(r.value("request.action").orElse(null))) {
          access.add(r);
        }
      }
    }
    return access.toArray(new AccessRequest[0]);
  }
}

package dev.gatehouse.bench.peers;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.policy.PolicySet;
import dev.gatehouse.bench.Workload;
import dev.gatehouse.engine.CompiledPolicies;
import dev.gatehouse.engine.PolicyEngine;

/**
 * The peer comparison's stream as Gatehouse sees it, for the harnesses that time its host path
 * against its decision: the compiled workload, the {@code gatehouse} peer (cross-checked on the
 * stream), what the host holds for each request, and the request its host path prepares from it.
 *
 * @param engine the compiled policies
 * @param peer the {@code gatehouse} peer
 * @param hosts what the host holds, one per request of the stream
 * @param prepared the requests the peer prepares from {@code hosts}, index for index
 */
record GatehouseStream(
    CompiledPolicies engine, Peer peer, HostRequest[] hosts, AccessRequest[] prepared) {

  /**
   * Builds the stream of {@code size} requests over {@code Workload.generate(policies, 42)}.
   *
   * @throws IllegalStateException if the peer's decisions differ from the engine's on the stream
   */
  static GatehouseStream of(int policies, int size) {
    Workload workload = Workload.generate(policies, 42);
    PolicySet set = workload.policies();
    CompiledPolicies engine = PolicyEngine.compile(set);
    AccessRequest[] requests = Peers.accessRequests(workload, engine, size);
    Peer peer = Peers.create("gatehouse", set, engine);
    CrossCheck.verify(engine, peer, requests);
    HostRequest[] hosts = new HostRequest[size];
    AccessRequest[] prepared = new AccessRequest[size];
    for (int i = 0; i < size; i++) {
      hosts[i] = HostRequest.of(requests[i]);
      prepared[i] = (AccessRequest) peer.prepare(hosts[i]);
    }
    return new GatehouseStream(engine, peer, hosts, prepared);
  }
}

package dev.gatehouse.bench.peers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.bench.Workload;
import dev.gatehouse.engine.CompiledPolicies;
import dev.gatehouse.engine.PolicyEngine;
import org.junit.jupiter.api.Test;

final class HostRequestTest {

  @Test
  void request_builtFromWhatTheHostHolds_equalsTheWorkloadRequest() {
    Workload workload = Workload.generate(100, 42);
    CompiledPolicies engine = PolicyEngine.compile(workload.policies());

    for (AccessRequest r : Peers.accessRequests(workload, engine, 1_024)) {
      assertThat(DecisionPeer.request(Workload.SCHEMA, HostRequest.of(r))).isEqualTo(r);
    }
  }
}

package dev.gatehouse.bench.peers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Attribute;
import dev.gatehouse.bench.Workload;
import dev.gatehouse.engine.CompiledPolicies;
import dev.gatehouse.engine.PolicyEngine;
import java.util.Set;
import java.util.stream.Collectors;
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

  @Test
  void requestRead_holdsOnlyTheAttributesRead_andGetsTheWholeRequestsDecision() {
    Workload workload = Workload.generate(100, 42);
    CompiledPolicies engine = PolicyEngine.compile(workload.policies());
    Set<String> read =
        engine.attributesRead().stream().map(Attribute::name).collect(Collectors.toSet());

    for (AccessRequest r : Peers.accessRequests(workload, engine, 1_024)) {
      AccessRequest host = DecisionPeer.requestRead(engine, HostRequest.of(r));

      assertThat(read).containsAll(host.values().keySet());
      assertThat(host.values()).hasSizeLessThan(r.values().size());
      assertThat(engine.evaluate(host)).isEqualTo(engine.evaluate(r));
      assertThat(engine.explain(host)).isEqualTo(engine.explain(r));
    }
  }
}

package dev.gatehouse.bench.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Effect;
import dev.gatehouse.api.policy.AssignPolicy;
import dev.gatehouse.api.policy.AuthenticatePolicy;
import dev.gatehouse.api.policy.Condition;
import dev.gatehouse.api.policy.Policy;
import dev.gatehouse.api.policy.PolicySet;
import dev.gatehouse.api.policy.TimeWindow;
import dev.gatehouse.bench.Workload;
import dev.gatehouse.engine.CompiledPolicies;
import dev.gatehouse.engine.PolicyEngine;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class PlainScanPeerTest {

  @ParameterizedTest
  @ValueSource(ints = {100, 1_000})
  void verify_workload_agreesWithGatehouse(int policies) {
    Workload workload = Workload.generate(policies, 42);
    CompiledPolicies engine = PolicyEngine.compile(workload.policies());
    AccessRequest[] requests = Peers.accessRequests(workload, engine, 10_000);
    Peer peer = Peers.create("plain-java", workload.policies(), engine);

    assertThatCode(() -> CrossCheck.verify(engine, peer, requests)).doesNotThrowAnyException();
    assertThat(peer.name()).isEqualTo("plain-java");
  }

  @Test
  void decide_policiesChanged_answerFollows() {
    Workload workload = Workload.generate(100, 42);
    CompiledPolicies engine = PolicyEngine.compile(workload.policies());
    AccessRequest[] requests = Peers.accessRequests(workload, engine, 2_000);
    PlainScanPeer before = new PlainScanPeer(workload.policies());
    HostRequest permitted = null;
    for (AccessRequest r : requests) {
      HostRequest h = HostRequest.of(r);
      if (before.decide(before.prepare(h)) == Effect.PERMIT) {
        permitted = h;
        break;
      }
    }
    assertThat(permitted).isNotNull();
    String app = permitted.app();

    PolicySet unassigned =
        changed(
            workload.policies(),
            p ->
                !(p instanceof AssignPolicy a
                    && a.grants().stream().anyMatch(g -> g.app().equals(app))),
            null);
    PolicySet blocked =
        changed(
            workload.policies(),
            p -> true,
            AuthenticatePolicy.builder("block-test")
                .apps(app)
                .when(Condition.eq("user.department", permitted.department()))
                .block()
                .build());

    for (PolicySet set : new PolicySet[] {unassigned, blocked}) {
      PlainScanPeer after = new PlainScanPeer(set);
      assertThat(after.decide(after.prepare(permitted))).isEqualTo(Effect.DENY);
      CompiledPolicies truth = PolicyEngine.compile(set);
      assertThatCode(() -> CrossCheck.verify(truth, after, requests)).doesNotThrowAnyException();
    }
  }

  @Test
  void construct_timeWindow_refusesRatherThanDisagree() {
    PolicySet set =
        PolicySet.builder(Workload.SCHEMA)
            .add(
                AssignPolicy.builder("office-hours")
                    .grant("books", "clerk")
                    .when(
                        new Condition.InWindow(
                            "request.time",
                            new TimeWindow(
                                Set.of(DayOfWeek.MONDAY),
                                LocalTime.of(9, 0),
                                LocalTime.of(17, 0),
                                ZoneOffset.UTC)))
                    .build())
            .build();

    assertThatThrownBy(() -> new PlainScanPeer(set))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("request.time during");
  }

  private static PolicySet changed(
      PolicySet set, java.util.function.Predicate<Policy> keep, Policy added) {
    PolicySet.Builder b = PolicySet.builder(set.schema());
    set.networks().values().forEach(b::network);
    set.policies().stream().filter(keep).forEach(b::add);
    if (added != null) {
      b.add(added);
    }
    return b.build();
  }
}

package dev.gatehouse.bench.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Decision;
import dev.gatehouse.api.Effect;
import dev.gatehouse.bench.Workload;
import dev.gatehouse.engine.CompiledPolicies;
import dev.gatehouse.engine.PolicyEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class CrossCheckTest {

  private static Workload workload;
  private static CompiledPolicies engine;
  private static AccessRequest[] requests;

  @BeforeAll
  static void generate() {
    workload = Workload.generate(100, 42);
    engine = PolicyEngine.compile(workload.policies());
    requests = Peers.accessRequests(workload, engine, 2_000);
  }

  /** Gatehouse's own effect, except that every thousandth decision is turned around. */
  private static class FlipsOneInAThousand implements Peer {
    private final Peer inner = DecisionPeer.gatehouse(engine);
    private int calls;

    @Override
    public String name() {
      return "flipper";
    }

    @Override
    public Question question() {
      return Question.EFFECT;
    }

    @Override
    public Object prepare(HostRequest request) {
      return inner.prepare(request);
    }

    @Override
    public Object decide(Object prepared) {
      Effect effect = ((Decision) inner.decide(prepared)).effect();
      return ++calls % 1_000 != 0 ? effect : effect == Effect.PERMIT ? Effect.DENY : Effect.PERMIT;
    }

    @Override
    public Object answer(Object decided) {
      return decided;
    }
  }

  @Test
  void verify_engineFlipsOneDecisionInAThousand_throwsNamingTheRequest() {
    assertThatThrownBy(() -> CrossCheck.verify(engine, new FlipsOneInAThousand(), requests))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith(
            "cross-check failed: `flipper` answers EFFECT differently from"
                + " gatehouse on request 999 of 2000: expected ")
        .hasMessageEndingWith("; request: " + requests[999]);
  }

  @Test
  void verify_engineThrows_throwsNamingTheRequestAndKeepsTheCause() {
    Peer failing =
        new FlipsOneInAThousand() {
          @Override
          public Object decide(Object prepared) {
            throw new ArithmeticException("boom");
          }
        };
    assertThatThrownBy(() -> CrossCheck.verify(engine, failing, requests))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("on request 0 of 2000: expected ")
        .hasMessageContaining("got an exception: java.lang.ArithmeticException: boom")
        .hasCauseInstanceOf(ArithmeticException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"gatehouse", "plain-java", "reference", "cel", "jcasbin", "sapl", "cedar"})
  void verify_peerTranslatedFromTheWorkload_agreesWithGatehouse(String name) {
    Peer peer = Peers.create(name, workload.policies(), engine);
    AccessRequest[] some = java.util.Arrays.copyOf(requests, 500);

    assertThatCode(() -> CrossCheck.verify(engine, peer, some)).doesNotThrowAnyException();
    assertThat(peer.name()).isEqualTo(name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"jcasbin-one-enforcer", "sapl-naive", "cedar-one-set", "cedar-uncached"})
  void verify_otherFormTried_agreesWithGatehouse(String name) {
    Peer peer = Peers.create(name, workload.policies(), engine);

    assertThatCode(() -> CrossCheck.verify(engine, peer, java.util.Arrays.copyOf(requests, 200)))
        .doesNotThrowAnyException();
  }

  @Test
  void create_unknownEngine_throwsNamingTheEngines() {
    assertThatThrownBy(() -> Peers.create("opa", workload.policies(), engine))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "unknown engine `opa`; expected one of [gatehouse, plain-java, reference, cel, jcasbin,"
                + " sapl, cedar]");
  }
}

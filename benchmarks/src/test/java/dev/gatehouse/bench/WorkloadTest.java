package dev.gatehouse.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Effect;
import dev.gatehouse.api.policy.PolicySet;
import dev.gatehouse.dsl.PolicyDsl;
import dev.gatehouse.engine.CompiledPolicies;
import dev.gatehouse.engine.PolicyEngine;
import dev.gatehouse.engine.reference.ReferenceEvaluator;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class WorkloadTest {

  @Test
  void generate_sameSeed_sameWorkload() {
    assertThat(Workload.generate(500, 7).policies())
        .isEqualTo(Workload.generate(500, 7).policies());
    assertThat(Workload.generate(500, 7).policies())
        .isNotEqualTo(Workload.generate(500, 8).policies());
  }

  @Test
  void text_parsesBackToTheSamePolicies() {
    Workload workload = Workload.generate(1_000, 42);
    PolicySet parsed = PolicyDsl.parseOrThrow("workload.policy", workload.text());
    assertThat(parsed.policies()).hasSize(1_000);
    assertThat(parsed.policies().get(17).id())
        .isEqualTo(workload.policies().policies().get(17).id());
    CompiledPolicies direct = PolicyEngine.compile(workload.policies());
    CompiledPolicies fromText = PolicyEngine.compile(parsed);
    for (AccessRequest r : workload.requests(direct, 500)) {
      assertThat(fromText.evaluate(r)).isEqualTo(direct.evaluate(r));
    }
  }

  @Test
  void requests_compiledAgreesWithReferenceAndMixesEffects() {
    Workload workload = Workload.generate(2_000, 42);
    CompiledPolicies engine = PolicyEngine.compile(workload.policies());
    ReferenceEvaluator reference = new ReferenceEvaluator(workload.policies());
    Map<Effect, Integer> effects = new EnumMap<>(Effect.class);
    for (AccessRequest r : workload.requests(engine, 2_000)) {
      assertThat(engine.evaluate(r)).isEqualTo(reference.evaluate(r));
      effects.merge(engine.evaluate(r).effect(), 1, Integer::sum);
    }
    // Most requests are permitted; some are denied and some challenged, as in a real tenant.
    assertThat(effects.get(Effect.PERMIT)).isGreaterThan(900);
    assertThat(effects.get(Effect.DENY)).isBetween(100, 900);
    assertThat(effects.get(Effect.CHALLENGE)).isBetween(50, 600);
  }
}

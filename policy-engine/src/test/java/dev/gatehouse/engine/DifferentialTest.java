package dev.gatehouse.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Decision;
import dev.gatehouse.api.policy.Policy;
import dev.gatehouse.api.policy.PolicySet;
import dev.gatehouse.engine.reference.ReferenceEvaluator;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The compiled engine against the reference interpreter, on random policy sets and requests: every
 * decision and every entitlement set must be equal. A mismatch is shrunk to the fewest policies
 * that still show it and printed.
 */
final class DifferentialTest {

  private static final int SETS = 400;
  private static final int REQUESTS = 60;

  @Test
  void evaluate_randomSetsAndRequests_matchesReference() {
    int compared = 0;
    for (long seed = 1; seed <= SETS; seed++) {
      RandomPolicies random = new RandomPolicies(seed);
      PolicySet set = random.policySet(1 + (int) (seed % 40));
      CompiledPolicies compiled = PolicyEngine.compile(set);
      ReferenceEvaluator reference = new ReferenceEvaluator(set);
      for (int i = 0; i < REQUESTS; i++) {
        AccessRequest request = random.request();
        // Twice: the second answer may come from the shared-decision cache.
        for (int repeat = 0; repeat < 2; repeat++) {
          Decision expected = reference.evaluate(request);
          Decision actual = compiled.evaluate(request);
          if (!actual.equals(expected)) {
            fail("compiled " + actual + "\n" + reproduction(set, request, seed));
          }
        }
        // As lists: the order (by app, then role) is part of the answer.
        if (!List.copyOf(compiled.entitlements(request))
            .equals(List.copyOf(reference.entitlements(request)))) {
          fail(
              "entitlements differ, seed "
                  + seed
                  + "\n"
                  + request
                  + "\ncompiled "
                  + compiled.entitlements(request)
                  + "\nreference "
                  + reference.entitlements(request));
        }
        compared++;
      }
    }
    assertThat(compared).isEqualTo(SETS * REQUESTS);
  }

  @Test
  void evaluate_randomSets_reachEveryEffect() {
    // Guards the generator: a differential test that never denies or challenges proves little.
    java.util.EnumMap<dev.gatehouse.api.Effect, Integer> seen =
        new java.util.EnumMap<>(dev.gatehouse.api.Effect.class);
    for (long seed = 1; seed <= 50; seed++) {
      RandomPolicies random = new RandomPolicies(seed);
      CompiledPolicies compiled = PolicyEngine.compile(random.policySet(20));
      for (int i = 0; i < 50; i++) {
        seen.merge(compiled.evaluate(random.request()).effect(), 1, Integer::sum);
      }
    }
    assertThat(seen.keySet()).containsExactlyInAnyOrder(dev.gatehouse.api.Effect.values());
    assertThat(seen.values()).allSatisfy(count -> assertThat(count).isGreaterThan(50));
  }

  /** Removes policies one at a time while the mismatch persists, then renders what is left. */
  private static String reproduction(PolicySet set, AccessRequest request, long seed) {
    List<Policy> policies = new ArrayList<>(set.policies());
    boolean shrunk = true;
    while (shrunk) {
      shrunk = false;
      for (int i = 0; i < policies.size() && !shrunk; i++) {
        List<Policy> fewer = new ArrayList<>(policies);
        fewer.remove(i);
        PolicySet candidate = PolicySet.builder(set.schema()).addAll(fewer).build();
        if (differs(candidate, request)) {
          policies = fewer;
          shrunk = true;
        }
      }
    }
    PolicySet minimal = PolicySet.builder(set.schema()).addAll(policies).build();
    return "compiled and reference differ (seed "
        + seed
        + ")\npolicies:\n"
        + policies.stream().map(p -> "  " + p).collect(Collectors.joining("\n"))
        + "\nrequest: "
        + request
        + "\ncompiled:  "
        + PolicyEngine.compile(minimal).evaluate(request)
        + "\nreference: "
        + new ReferenceEvaluator(minimal).evaluate(request);
  }

  private static boolean differs(PolicySet set, AccessRequest request) {
    return !PolicyEngine.compile(set)
        .evaluate(request)
        .equals(new ReferenceEvaluator(set).evaluate(request));
  }
}

package dev.gatehouse.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.api.AccessRequest;
import org.junit.jupiter.api.Test;

final class SharedDecisionStatsTest {

  @Test
  void sharedDecisionStats_repeatedRequest_missesOnceAndHoldsOneDecision() {
    CompiledPolicies policies = PolicyEngine.compile(Acme.policies());
    AccessRequest books = Acme.financeUser().build();

    for (int i = 0; i < 5; i++) {
      policies.evaluate(books);
    }

    SharedDecisionStats stats = policies.sharedDecisionStats();
    assertThat(stats.misses()).isEqualTo(1);
    assertThat(stats.size()).isEqualTo(1);
    assertThat(stats.evictions()).isZero();
    assertThat(stats.capacity()).isGreaterThanOrEqualTo(stats.size());
  }

  @Test
  void sharedDecisionStats_requestLackingAnAttribute_missesEveryTimeAndIsNotStored() {
    CompiledPolicies policies = PolicyEngine.compile(Acme.policies());
    AccessRequest noAddress =
        AccessRequest.builder(Acme.SCHEMA)
            .set("user.id", "u-1")
            .set("request.action", "access")
            .set("app", "books")
            .build();

    policies.evaluate(noAddress);
    policies.evaluate(noAddress);

    assertThat(policies.sharedDecisionStats().misses()).isEqualTo(2);
    assertThat(policies.sharedDecisionStats().size()).isZero();
  }

  @Test
  void new_sizeAboveCapacity_isRefusedNamingTheCounts() {
    assertThatThrownBy(() -> new SharedDecisionStats(0, 0, 5, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bad shared-decision counts: misses 0, evictions 0, size 5 of 4");
  }
}

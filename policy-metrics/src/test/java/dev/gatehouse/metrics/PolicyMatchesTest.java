package dev.gatehouse.metrics;

import static dev.gatehouse.metrics.MetricsScrapeTest.POLICIES;
import static dev.gatehouse.metrics.MetricsScrapeTest.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Schema;
import dev.gatehouse.dsl.PolicyDsl;
import dev.gatehouse.engine.PolicyEngine;
import dev.gatehouse.engine.PolicyEngineHolder;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The policies that matched most, as {@code gatehouse.policy.matches} in a Prometheus scrape. */
final class PolicyMatchesTest {

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final PolicyEngineHolder holder =
      new PolicyEngineHolder(PolicyEngine.compile(PolicyDsl.parseOrThrow("p", POLICIES)));

  /** Four mail decisions, two payroll ones from the office and one admin challenge. */
  private void script(MeteredEngine engine) {
    for (int i = 0; i < 4; i++) {
      engine.evaluate(request("u-" + i, "mail", "203.0.113.9", "staff"));
    }
    engine.evaluate(request("u-1", "payroll", "203.0.113.9", "staff"));
    engine.evaluate(request("u-2", "payroll", "203.0.113.9", "staff"));
    engine.evaluate(request("u-3", "mail", "203.0.113.9", "sysadmin"));
  }

  @Test
  void scrape_topTwo_showsOnlyTheTwoThatMatchedMost() {
    MeteredEngine engine = MeteredEngine.builder(holder, registry).topPolicies(2).build();
    script(engine);

    engine.refreshPolicyMatches();

    // everyone-mail applied to 5 decisions; everyone-payroll and payroll-from-office to 2 each,
    // and the tie goes to the first id.
    assertThat(registry.scrape())
        .contains("gatehouse_policy_matches_total{policy=\"everyone-mail\"} 5.0")
        .contains("gatehouse_policy_matches_total{policy=\"everyone-payroll\"} 2.0")
        .doesNotContain("policy=\"payroll-from-office\"")
        .doesNotContain("policy=\"admins-strong\"");
    assertThat(engine.policyMatches("payroll-from-office")).isEqualTo(2);
    assertThat(engine.policyMatches("admins-strong")).isEqualTo(1);
  }

  @Test
  void scrape_beforeRefresh_showsNothing() {
    MeteredEngine engine = MeteredEngine.builder(holder, registry).topPolicies(3).build();
    script(engine);

    assertThat(registry.scrape()).doesNotContain("gatehouse_policy_matches");
  }

  @Test
  void refresh_policyOvertakesAnother_seriesMovesAndCountsNeverDrop() {
    MeteredEngine engine = MeteredEngine.builder(holder, registry).topPolicies(1).build();
    script(engine);
    engine.refreshPolicyMatches();
    for (int i = 0; i < 6; i++) {
      engine.evaluate(request("u-" + i, "payroll", "203.0.113.9", "staff"));
    }

    engine.refreshPolicyMatches();
    // Nothing new: decisions not seen since the last refresh leave the table, counts stay.
    engine.refreshPolicyMatches();

    assertThat(registry.scrape())
        .contains("gatehouse_policy_matches_total{policy=\"everyone-payroll\"} 8.0")
        .doesNotContain("policy=\"everyone-mail\"");
    assertThat(engine.policyMatches("everyone-mail")).isEqualTo(5);
    assertThat(engine.policyMatches("payroll-from-office")).isEqualTo(8);
  }

  @Test
  void scrape_namedPolicies_showsExactlyThoseEvenAtZero() {
    MeteredEngine engine =
        MeteredEngine.builder(holder, registry)
            .policies(Set.of("admins-strong", "no-such-policy"))
            .build();
    script(engine);

    engine.refreshPolicyMatches();

    assertThat(registry.scrape())
        .contains("gatehouse_policy_matches_total{policy=\"admins-strong\"} 1.0")
        .contains("gatehouse_policy_matches_total{policy=\"no-such-policy\"} 0.0")
        .doesNotContain("policy=\"everyone-mail\"");
  }

  @Test
  void refresh_decisionsNamingAMissingAttributeAndAfterASwap_allCounted() {
    MeteredEngine engine = MeteredEngine.builder(holder, registry).topPolicies(5).build();
    AccessRequest noAddress =
        AccessRequest.builder(Schema.standard())
            .set("user.id", "u-1")
            .set("user.employment", "employee")
            .set("app", "payroll")
            .set("request.action", "access")
            .build();
    engine.evaluate(noAddress);
    engine.evaluate(noAddress);
    engine.evaluate(request("u-1", "mail", "203.0.113.9", "staff"));
    engine.swap(PolicyDsl.parseOrThrow("p", POLICIES));
    engine.evaluate(request("u-1", "mail", "203.0.113.9", "staff"));

    engine.refreshPolicyMatches();

    assertThat(engine.policyMatches("everyone-mail")).isEqualTo(2);
    assertThat(engine.policyMatches("everyone-payroll")).isEqualTo(2);
  }

  @Test
  void refresh_afterManyThreadsDecided_countsEveryDecision() throws Exception {
    MeteredEngine engine = MeteredEngine.builder(holder, registry).topPolicies(5).build();
    AccessRequest mail = request("u-1", "mail", "203.0.113.9", "staff");
    AccessRequest payroll = request("u-2", "payroll", "203.0.113.9", "staff");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 5_000; i++) {
                    engine.evaluate(i % 5 == 0 ? payroll : mail);
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }

    engine.refreshPolicyMatches();

    assertThat(engine.policyMatches("everyone-mail")).isEqualTo(16_000);
    assertThat(engine.policyMatches("everyone-payroll")).isEqualTo(4_000);
    assertThat(engine.sharedDecisionStats().size()).isEqualTo(2);
    assertThat(registry.scrape())
        .contains("gatehouse_policy_matches_total{policy=\"everyone-mail\"} 16000.0");
  }

  @Test
  void builder_badOptions_rejectedNamingTheValue() {
    MeteredEngine.Builder builder = MeteredEngine.builder(holder, registry);

    assertThatThrownBy(() -> builder.topPolicies(1001))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("top policies 1001 is not between 0 and 1000");
    assertThatThrownBy(() -> builder.matchTableCapacity(100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("match table capacity 100 is not a power of two from 16 to 1048576");
    builder.topPolicies(3);
    assertThatThrownBy(() -> builder.policies(Set.of("a")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("top policies and a list of policies exclude each other");
  }
}

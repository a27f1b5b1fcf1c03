package dev.gatehouse.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Effect;
import dev.gatehouse.api.IpAddress;
import dev.gatehouse.api.IpNetwork;
import dev.gatehouse.api.Schema;
import dev.gatehouse.dsl.PolicyDsl;
import dev.gatehouse.engine.PolicyEngine;
import dev.gatehouse.engine.PolicyEngineHolder;
import dev.gatehouse.monitor.Location;
import dev.gatehouse.monitor.MemoryLimits;
import dev.gatehouse.monitor.SignInEvent;
import dev.gatehouse.monitor.SignInMonitor;
import dev.gatehouse.monitor.SignInStore;
import dev.gatehouse.monitor.UserProfile;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** A scripted run of decisions, reloads and sign-ins, read back from a Prometheus scrape. */
final class MetricsScrapeTest {

  static final String POLICIES =
      """
      network office = [203.0.113.0/24]

      assign "everyone-mail" {
        app "mail" role "user"
        when user.employment != "contractor"
      }

      assign "everyone-payroll" {
        app "payroll" role "user"
        when user.employment != "contractor"
      }

      restrict "payroll-from-office" {
        apps ["payroll"]
        allow from office
      }

      authenticate "admins-strong" {
        when user.roles contains "sysadmin"
        require mfa [totp] within 8h
      }
      """;

  static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final PolicyEngineHolder holder =
      new PolicyEngineHolder(PolicyEngine.compile(PolicyDsl.parseOrThrow("p", POLICIES)));

  @Test
  void scrape_scriptedDecisionsAndReloads_countsByEffectReasonAndResult() {
    MeteredEngine engine = MeteredEngine.of(holder, registry);

    for (int i = 0; i < 3; i++) {
      assertThat(engine.evaluate(request("u-1", "mail", "203.0.113.9", "staff")).effect())
          .isEqualTo(Effect.PERMIT);
    }
    engine.evaluate(request("u-1", "crm", "203.0.113.9", "staff"));
    engine.evaluate(request("u-2", "crm", "203.0.113.9", "staff"));
    engine.evaluate(request("u-1", "payroll", "198.51.100.1", "staff"));
    assertThat(engine.evaluate(request("u-3", "mail", "203.0.113.9", "sysadmin")).effect())
        .isEqualTo(Effect.CHALLENGE);
    engine.reload(() -> PolicyDsl.parseOrThrow("p", POLICIES));
    assertThatThrownBy(() -> engine.reload(() -> PolicyDsl.parseOrThrow("p", "assign {")))
        .isInstanceOf(RuntimeException.class);

    String scrape = registry.scrape();

    assertThat(scrape)
        .contains("gatehouse_decisions_total{effect=\"permit\",reason=\"none\"} 3.0")
        .contains("gatehouse_decisions_total{effect=\"deny\",reason=\"not_assigned\"} 2.0")
        .contains("gatehouse_decisions_total{effect=\"deny\",reason=\"network_not_allowed\"} 1.0")
        .contains("gatehouse_decisions_total{effect=\"challenge\",reason=\"mfa_required\"} 1.0")
        .contains("gatehouse_decisions_total{effect=\"deny\",reason=\"blocked\"} 0.0")
        .contains("gatehouse_decision_reasons_total{reason=\"not_assigned\"} 2.0")
        .contains("gatehouse_reloads_total{result=\"success\"} 1.0")
        .contains("gatehouse_reloads_total{result=\"failure\"} 1.0")
        .contains("gatehouse_policy_revision 2.0")
        .contains("gatehouse_policies 4.0");
  }

  @Test
  void scrape_repeatedAndUnsharedDecisions_countsCacheHitsMissesAndSize() {
    MeteredEngine engine = MeteredEngine.of(holder, registry);

    for (int i = 0; i < 4; i++) {
      engine.evaluate(request("u-1", "mail", "203.0.113.9", "staff"));
    }
    // No policy names `crm`: such a decision is never shared, so each one is a miss.
    engine.evaluate(request("u-1", "crm", "203.0.113.9", "staff"));
    engine.evaluate(request("u-1", "crm", "203.0.113.9", "staff"));

    assertThat(registry.scrape())
        .contains("gatehouse_decision_cache_hits_total 3.0")
        .contains("gatehouse_decision_cache_misses_total 3.0")
        .contains("gatehouse_decision_cache_evictions_total 0.0")
        .contains("gatehouse_decision_cache_size 1.0");
  }

  @Test
  void scrape_afterSwap_cacheCountersKeepCountingAndSizeIsTheNewSet() {
    MeteredEngine engine = MeteredEngine.of(holder, registry);
    engine.evaluate(request("u-1", "mail", "203.0.113.9", "staff"));
    engine.evaluate(request("u-1", "mail", "203.0.113.9", "staff"));

    engine.swap(PolicyDsl.parseOrThrow("p", POLICIES));
    engine.evaluate(request("u-1", "payroll", "203.0.113.9", "staff"));

    assertThat(engine.sharedDecisionStats().misses()).isEqualTo(2);
    assertThat(registry.scrape())
        .contains("gatehouse_decision_cache_hits_total 1.0")
        .contains("gatehouse_decision_cache_misses_total 2.0")
        .contains("gatehouse_decision_cache_size 1.0");
  }

  @Test
  void scrape_latencySampledEveryDecision_timerCountsEach() {
    MeteredEngine engine = MeteredEngine.of(holder, registry, 1);
    for (int i = 0; i < 5; i++) {
      engine.evaluate(request("u-1", "mail", "203.0.113.9", "staff"));
    }

    assertThat(registry.scrape())
        .contains("gatehouse_evaluate_latency_seconds_count 5")
        .contains("gatehouse_decisions_total{effect=\"permit\",reason=\"none\"} 5.0");
  }

  @Test
  void of_latencySamplingNotPowerOfTwo_rejected() {

    assertThatThrownBy(() -> MeteredEngine.of(holder, registry, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("latency sampling 3 is neither 0 nor a power of two");
    assertThat(registry.scrape()).doesNotContain("gatehouse_evaluate_latency");
  }

  @Test
  void scrape_signInsAndAssessments_countsByOutcomeSignalAndStoreOperation() {
    SignInMetrics meters = SignInMetrics.register(registry);
    SignInMonitor monitor =
        SignInMonitor.builder()
            .store(meters.meter(SignInStore.inMemory(MemoryLimits.defaults(), ZoneOffset.UTC)))
            .blocklist(List.of(IpNetwork.parse("192.0.2.0/24")))
            .build();

    monitor.record(event("u-1", SignInEvent.Outcome.SUCCESS));
    monitor.record(event("u-1", SignInEvent.Outcome.SUCCESS));
    monitor.record(event("u-2", SignInEvent.Outcome.FAILED_CREDENTIALS));
    meters.assessed(monitor.assess(request("u-1", "mail", "192.0.2.9", "staff")));

    String scrape = registry.scrape();

    assertThat(scrape)
        .contains("gatehouse_signins_total{outcome=\"success\"} 2.0")
        .contains("gatehouse_signins_total{outcome=\"failed_credentials\"} 1.0")
        .contains("gatehouse_signins_total{outcome=\"denied\"} 0.0")
        .contains("gatehouse_signals_total{signal=\"blocked_ip\"} 1.0")
        .contains("gatehouse_store_latency_seconds_count{operation=\"record\"} 3")
        .contains("gatehouse_store_errors_total{operation=\"record\"} 0.0");
  }

  @Test
  void scrape_storeThatThrows_errorCountedAndExceptionPropagated() {
    SignInMetrics meters = SignInMetrics.register(registry);
    SignInStore broken = meters.meter(new UnreachableStore());

    assertThatThrownBy(() -> broken.record(event("u-1", SignInEvent.Outcome.SUCCESS), null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("store unreachable");
    assertThatThrownBy(() -> broken.profile("u-1")).isInstanceOf(IllegalStateException.class);

    assertThat(registry.scrape())
        .contains("gatehouse_store_errors_total{operation=\"record\"} 1.0")
        .contains("gatehouse_store_errors_total{operation=\"profile\"} 1.0")
        .contains("gatehouse_signins_total{outcome=\"success\"} 0.0");
  }

  /** A store whose backend cannot be reached: every call throws. */
  private static final class UnreachableStore implements SignInStore {
    @Override
    public void record(SignInEvent event, Location location) {
      throw new IllegalStateException("store unreachable");
    }

    @Override
    public Optional<UserProfile> profile(String userId) {
      throw new IllegalStateException("store unreachable");
    }

    @Override
    public int ipFailuresBetween(IpAddress ip, Instant from, Instant to) {
      throw new IllegalStateException("store unreachable");
    }

    @Override
    public void forEachEvent(Consumer<? super SignInEvent> action) {
      throw new IllegalStateException("store unreachable");
    }
  }

  static AccessRequest request(String user, String app, String ip, String role) {
    return AccessRequest.builder(Schema.standard())
        .set("user.id", user)
        .set("user.employment", "employee")
        .set("user.roles", Set.of(role))
        .set("app", app)
        .set("request.action", "access")
        .set("request.ip", ip)
        .set("request.time", NOW)
        .set("auth.methods", Set.of("password"))
        .set("auth.time", NOW)
        .build();
  }

  private static SignInEvent event(String user, SignInEvent.Outcome outcome) {
    return new SignInEvent(
        user,
        NOW,
        IpAddress.parse("203.0.113.9"),
        "FR",
        "laptop",
        "macos",
        outcome,
        List.of(),
        List.of());
  }
}

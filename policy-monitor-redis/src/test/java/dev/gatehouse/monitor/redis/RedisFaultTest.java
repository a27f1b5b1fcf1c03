package dev.gatehouse.monitor.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Effect;
import dev.gatehouse.api.Factor;
import dev.gatehouse.api.IpAddress;
import dev.gatehouse.api.Schema;
import dev.gatehouse.api.policy.AuthenticatePolicy;
import dev.gatehouse.api.policy.Condition;
import dev.gatehouse.api.policy.Operator;
import dev.gatehouse.api.policy.PolicySet;
import dev.gatehouse.engine.CompiledPolicies;
import dev.gatehouse.engine.PolicyEngine;
import dev.gatehouse.monitor.RiskAssessment;
import dev.gatehouse.monitor.RiskSignal;
import dev.gatehouse.monitor.SignInEvent;
import dev.gatehouse.monitor.SignInMonitor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Redis killed and restarted under a running store, and two nodes sharing one Redis. */
final class RedisFaultTest {

  private static final Duration BUDGET = Duration.ofMillis(50);

  /** Scheduling noise on a loaded machine, on top of the budget. */
  private static final Duration SLACK = Duration.ofMillis(150);

  private static final Instant DAY = Instant.parse("2026-11-10T00:00:00Z");
  private static final CompiledPolicies POLICIES =
      PolicyEngine.compile(
          PolicySet.builder(Schema.standard())
              .add(
                  AuthenticatePolicy.builder("risky-sign-in")
                      .when(Condition.compare("risk.level", Operator.GE, "high"))
                      .requireMfa(Duration.ofMinutes(15), Factor.WEBAUTHN)
                      .build())
              .build());

  private static RedisServer server;

  @BeforeAll
  static void startRedis() throws Exception {
    server = RedisServer.start(false);
  }

  @AfterAll
  static void stopRedis() throws Exception {
    server.close();
  }

  @AfterEach
  void flush() throws Exception {
    server.cli("flushall");
  }

  private static RedisSignInStore store(int outbox) {
    return RedisSignInStore.builder()
        .standalone(server.uri())
        .budget(BUDGET)
        .outbox(outbox)
        .build();
  }

  private static SignInEvent event(
      String user,
      Instant time,
      String ip,
      String device,
      String country,
      SignInEvent.Outcome outcome) {
    return new SignInEvent(
        user, time, IpAddress.parse(ip), country, device, "macos", outcome, List.of(), List.of());
  }

  private static AccessRequest signIn(
      String user, Instant time, String ip, String device, String country) {
    return AccessRequest.builder(Schema.standard())
        .set("user.id", user)
        .set("request.action", "signin")
        .set("request.ip", ip)
        .set("request.time", time)
        .set("device.id", device)
        .set("location.country", country)
        .set("auth.methods", Set.of("password"))
        .set("auth.time", time)
        .build();
  }

  private static void learn(SignInMonitor monitor) {
    for (int day = 0; day < 5; day++) {
      monitor.record(
          event(
              "alice",
              DAY.plus(Duration.ofDays(day)).plus(Duration.ofHours(9)),
              "203.0.113.10",
              "laptop-a",
              "FR",
              SignInEvent.Outcome.SUCCESS));
    }
  }

  /** Evaluates with Redis up; a lookup that missed the budget on this loaded machine is retried. */
  private static Effect evaluateUp(SignInMonitor monitor, AccessRequest request) {
    AccessRequest enriched = monitor.enrich(request);
    for (int i = 0; i < 10 && !enriched.has("risk.level"); i++) {
      enriched = monitor.enrich(request);
    }
    assertThat(enriched.has("risk.level")).isTrue();
    return POLICIES.evaluate(enriched).effect();
  }

  private static int strictness(Effect effect) {
    return switch (effect) {
      case PERMIT -> 0;
      case CHALLENGE -> 1;
      case DENY -> 2;
    };
  }

  private static long streamLength() throws Exception {
    return Long.parseLong(server.cli("xlen", "gh:{ev}:events").trim());
  }

  @Test
  void enrich_redisKilledAndRestarted_withinBudgetAtLeastAsStrictNothingLost() throws Exception {
    try (RedisSignInStore store = store(10_000)) {
      SignInMonitor monitor = SignInMonitor.builder().store(store).build();
      learn(monitor);
      Instant now = DAY.plus(Duration.ofDays(6)).plus(Duration.ofHours(9));
      List<AccessRequest> requests =
          List.of(
              signIn("alice", now, "203.0.113.10", "laptop-a", "FR"),
              signIn("alice", now, "198.51.100.7", "phone-x", "JP"));
      List<Effect> up = requests.stream().map(r -> evaluateUp(monitor, r)).toList();
      assertThat(up).containsExactly(Effect.PERMIT, Effect.CHALLENGE);

      server.kill();
      long slowest = 0;
      int recordedWhileDown = 0;
      for (int i = 0; i < 40; i++) {
        for (int r = 0; r < requests.size(); r++) {
          long start = System.nanoTime();
          AccessRequest enriched = monitor.enrich(requests.get(r));
          slowest = Math.max(slowest, System.nanoTime() - start);
          assertThat(enriched.has("risk.level")).isFalse();
          Effect down = POLICIES.evaluate(enriched).effect();
          assertThat(strictness(down)).isGreaterThanOrEqualTo(strictness(up.get(r)));
        }
        fail(monitor, now.plusSeconds(i));
        recordedWhileDown++;
      }
      assertThat(Duration.ofNanos(slowest)).isLessThan(BUDGET.plus(SLACK));
      assertThat(store.waiting()).isEqualTo(recordedWhileDown);

      server.start();
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (store.waiting() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }

      assertThat(store.waiting()).isZero();
      assertThat(store.dropped()).isZero();
      assertThat(store.replayed()).isEqualTo(recordedWhileDown);
      assertThat(streamLength()).isEqualTo(5 + recordedWhileDown);
      RiskAssessment risk =
          monitor.assess(signIn("alice", now.plusSeconds(60), "203.0.113.10", "laptop-a", "FR"));
      assertThat(risk.signals()).extracting(RiskSignal::name).containsExactly("user_failures");
    }
  }

  private static void fail(SignInMonitor monitor, Instant time) {
    monitor.record(
        event("alice", time, "203.0.113.66", "x", "FR", SignInEvent.Outcome.FAILED_CREDENTIALS));
  }

  @Test
  void record_redisDownLongerThanOutbox_dropsAreCounted() throws Exception {
    try (RedisSignInStore store = store(10)) {
      SignInMonitor monitor = SignInMonitor.builder().store(store).build();
      server.kill();
      for (int i = 0; i < 50; i++) {
        fail(monitor, DAY.plusSeconds(i));
      }
      assertThat(store.dropped()).isEqualTo(40);

      server.start();
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (store.waiting() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }

      assertThat(streamLength() + store.dropped()).isEqualTo(50);
    }
  }

  @Test
  void close_redisStillDown_waitingEventsCountedAsDropped() throws Exception {
    RedisSignInStore store = store(10);
    SignInMonitor monitor = SignInMonitor.builder().store(store).build();
    server.kill();
    try {
      for (int i = 0; i < 3; i++) {
        fail(monitor, DAY.plusSeconds(i));
      }
      assertThat(store.waiting()).isEqualTo(3);

      store.close();

      assertThat(store.waiting()).isZero();
      assertThat(store.dropped()).isEqualTo(3);
    } finally {
      server.start();
    }
  }

  @Test
  void assess_sprayAlternatingOverTwoNodes_countedAsOne() {
    try (RedisSignInStore a = store(100);
        RedisSignInStore b = store(100)) {
      SignInMonitor nodeA = SignInMonitor.builder().store(a).build();
      SignInMonitor nodeB = SignInMonitor.builder().store(b).build();
      for (int i = 0; i < 30; i++) {
        (i % 2 == 0 ? nodeA : nodeB)
            .record(
                event(
                    "victim-" + i,
                    DAY.plusSeconds(10L * i),
                    "203.0.113.99",
                    "script",
                    "FR",
                    SignInEvent.Outcome.FAILED_CREDENTIALS));
      }

      RiskAssessment risk =
          nodeA.assess(signIn("bob", DAY.plusSeconds(400), "203.0.113.99", "laptop-b", "FR"));

      assertThat(risk.signals())
          .extracting(RiskSignal::explanation)
          .containsExactly("30 failed sign-ins from `203.0.113.99` in the last 15m");
    }
  }
}

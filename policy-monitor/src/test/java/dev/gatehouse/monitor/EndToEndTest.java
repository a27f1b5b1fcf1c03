package dev.gatehouse.monitor;

import static dev.gatehouse.monitor.Histories.BERLIN;
import static dev.gatehouse.monitor.Histories.BLOCKED;
import static dev.gatehouse.monitor.Histories.PARIS;
import static dev.gatehouse.monitor.Histories.PARIS_OTHER;
import static dev.gatehouse.monitor.Histories.TOKYO;
import static dev.gatehouse.monitor.Histories.dayEleven;
import static dev.gatehouse.monitor.Histories.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Decision;
import dev.gatehouse.api.Effect;
import dev.gatehouse.api.Factor;
import dev.gatehouse.api.ReasonCode;
import dev.gatehouse.api.Schema;
import dev.gatehouse.api.policy.AuthenticatePolicy;
import dev.gatehouse.api.policy.Condition;
import dev.gatehouse.api.policy.Operator;
import dev.gatehouse.api.policy.PolicySet;
import dev.gatehouse.engine.CompiledPolicies;
import dev.gatehouse.engine.PolicyEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Enrich, evaluate with the real engine, record: a day of sign-ins against a risk policy. */
final class EndToEndTest {

  private static final CompiledPolicies POLICIES =
      PolicyEngine.compile(
          PolicySet.builder(Schema.standard())
              .add(
                  AuthenticatePolicy.builder("risky-sign-in")
                      .when(Condition.compare("risk.level", Operator.GE, "high"))
                      .requireMfa(Duration.ofMinutes(15), Factor.WEBAUTHN)
                      .build())
              .build());

  private final SignInMonitor monitor = Histories.monitor();
  private final Map<String, Effect> effects = new LinkedHashMap<>();

  private Decision evaluate(String label, String user, Instant time, String ip, String device) {
    AccessRequest enriched = monitor.enrich(Histories.signIn(user, time, ip, device));
    Decision decision = POLICIES.evaluate(enriched);
    monitor.record(enriched, decision);
    effects.put(label, decision.effect());
    return decision;
  }

  @Test
  void evaluate_scriptedDay_challengesExactlyTheRiskySignIns() {
    Histories.regularUsers(monitor);

    evaluate("alice at her desk", "alice", dayEleven(9, 0), PARIS, "laptop-a");
    evaluate("alice on a new phone", "alice", dayEleven(9, 20), PARIS, "phone-x");
    evaluate("alice in berlin", "alice", dayEleven(12, 0), BERLIN, "laptop-a");
    evaluate("alice in tokyo an hour later", "alice", dayEleven(13, 0), TOKYO, "laptop-a");
    for (int i = 0; i < 6; i++) {
      monitor.record(
          event(
              "bob",
              dayEleven(12, i),
              PARIS_OTHER,
              "laptop-b",
              SignInEvent.Outcome.FAILED_CREDENTIALS));
    }
    evaluate("bob after a burst of failures", "bob", dayEleven(12, 6), PARIS_OTHER, "laptop-b");
    evaluate("dave from a blocklisted network", "dave", dayEleven(13, 0), BLOCKED, "laptop-d");
    evaluate("carol's first sign-in", "carol", dayEleven(14, 0), TOKYO, "phone-c");
    evaluate("bob an hour later", "bob", dayEleven(13, 10), PARIS, "laptop-b");

    assertThat(effects)
        .containsExactly(
            Map.entry("alice at her desk", Effect.PERMIT),
            Map.entry("alice on a new phone", Effect.PERMIT),
            Map.entry("alice in berlin", Effect.PERMIT),
            Map.entry("alice in tokyo an hour later", Effect.CHALLENGE),
            Map.entry("bob after a burst of failures", Effect.CHALLENGE),
            Map.entry("dave from a blocklisted network", Effect.CHALLENGE),
            Map.entry("carol's first sign-in", Effect.PERMIT),
            Map.entry("bob an hour later", Effect.PERMIT));
  }

  @Test
  void record_challengedSignIn_keepsReasonAndPolicyAndStaysUntrusted() {
    Histories.regularUsers(monitor);

    Decision decision = evaluate("dave", "dave", dayEleven(13, 0), BLOCKED, "laptop-new");

    SignInEvent last = lastEvent("dave");
    assertThat(decision.effect()).isEqualTo(Effect.CHALLENGE);
    assertThat(last.outcome()).isEqualTo(SignInEvent.Outcome.CHALLENGED);
    assertThat(last.reasons()).containsExactly(ReasonCode.MFA_REQUIRED);
    assertThat(last.policies()).containsExactly("risky-sign-in");
    assertThat(monitor.profile("dave").orElseThrow().knowsDevice("laptop-new")).isFalse();
  }

  @Test
  void record_passedChallenge_learnsTheDevice() {
    Histories.regularUsers(monitor);
    evaluate("dave", "dave", dayEleven(13, 0), PARIS, "laptop-new");

    monitor.record(lastEvent("dave").withOutcome(SignInEvent.Outcome.CHALLENGE_PASSED));

    AccessRequest again =
        monitor.enrich(Histories.signIn("dave", dayEleven(13, 5), PARIS, "laptop-new"));
    assertThat(again.value("device.known")).contains(true);
    assertThat(again.value("risk.level")).contains("none");
  }

  private SignInEvent lastEvent(String user) {
    List<SignInEvent> history = monitor.profile(user).orElseThrow().history();
    return history.get(history.size() - 1);
  }
}

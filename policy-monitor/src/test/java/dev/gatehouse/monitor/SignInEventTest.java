package dev.gatehouse.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Decision;
import dev.gatehouse.api.Effect;
import dev.gatehouse.api.Reason;
import dev.gatehouse.api.ReasonCode;
import dev.gatehouse.api.Schema;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

final class SignInEventTest {

  @Test
  void of_deniedDecision_keepsCodesOnceAndPoliciesSorted() {
    AccessRequest request =
        Histories.signIn("alice", Instant.parse("2026-11-11T09:00:00Z"), Histories.PARIS, "d");
    Decision decision =
        new Decision(
            Effect.DENY,
            List.of(
                new Reason(ReasonCode.BLOCKED, "p2", "blocked by `p2`"),
                new Reason(ReasonCode.BLOCKED, "p1", "blocked by `p1`")),
            List.of(),
            List.of(),
            List.of("p2", "p1"),
            List.of());

    SignInEvent event = SignInEvent.of(request, decision);

    assertThat(event.outcome()).isEqualTo(SignInEvent.Outcome.DENIED);
    assertThat(event.reasons()).containsExactly(ReasonCode.BLOCKED);
    assertThat(event.policies()).containsExactly("p1", "p2");
    assertThat(event.country()).isEqualTo("FR");
    assertThat(event.deviceId()).isEqualTo("d");
    assertThat(event.platform()).isEqualTo("macos");
  }

  @Test
  void of_requestWithoutIp_rejectedNamingIt() {
    AccessRequest request =
        AccessRequest.builder(Schema.standard())
            .set("user.id", "alice")
            .set("request.time", Instant.parse("2026-11-11T09:00:00Z"))
            .build();

    assertThatThrownBy(
            () -> SignInEvent.of(request, SignInEvent.Outcome.SUCCESS, List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sign-in request has no `request.ip`");
  }

  @Test
  void constructor_emptyUser_rejected() {
    assertThatThrownBy(
            () ->
                new SignInEvent(
                    "",
                    Instant.EPOCH,
                    dev.gatehouse.api.IpAddress.parse("192.0.2.1"),
                    null,
                    null,
                    null,
                    SignInEvent.Outcome.SUCCESS,
                    List.of(),
                    List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("user id is empty");
  }

  @Test
  void outcome_id_lowercase() {
    assertThat(SignInEvent.Outcome.FAILED_CREDENTIALS.id()).isEqualTo("failed_credentials");
    assertThat(RiskLevel.CRITICAL.id()).isEqualTo("critical");
    assertThat(SignalKind.IMPOSSIBLE_TRAVEL.id()).isEqualTo("impossible_travel");
  }

  @Test
  void memoryLimits_badBounds_namesEveryOne() {
    assertThatThrownBy(() -> new MemoryLimits(0, 1, -1, 1, 1, 0, Duration.ZERO, Duration.ofDays(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "maxUsers 0 is below 1; eventsPerUser -1 is below 0; failuresPerKey 0 is below 1;"
                + " userIdle PT0S is not positive");
  }
}

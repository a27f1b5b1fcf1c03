package dev.gatehouse.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Decision;
import dev.gatehouse.api.Effect;
import dev.gatehouse.api.IpAddress;
import dev.gatehouse.api.Reason;
import dev.gatehouse.api.ReasonCode;
import dev.gatehouse.api.ReportOnlyOutcome;
import dev.gatehouse.api.Schema;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.event.EventRecordingLogger;
import org.slf4j.event.SubstituteLoggingEvent;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.SubstituteLogger;

/** The one line per decision says who, what, from where and why, and nothing more. */
final class DecisionLogTest {

  private final Queue<SubstituteLoggingEvent> events = new ArrayDeque<>();
  private final EventRecordingLogger logger =
      new EventRecordingLogger(new SubstituteLogger("test", events, false), events);

  @Test
  void decided_deny_logsOneLineWithoutOtherAttributes() {
    AccessRequest request =
        AccessRequest.builder(Schema.standard())
            .set("user.id", "pat\nforged=1")
            .set("user.department", "Payroll")
            .build();
    Decision decision =
        new Decision(
            Effect.DENY,
            List.of(new Reason(ReasonCode.NETWORK_NOT_ALLOWED, "from-office", "not allowed")),
            List.of(),
            List.of(),
            List.of("from-office", "payroll-staff"),
            List.of(new ReportOnlyOutcome("trial", Effect.DENY)));

    new DecisionLog(logger, System.Logger.Level.INFO)
        .decided(
            request,
            AppMapping.Target.access("payroll"),
            IpAddress.parse("198.51.100.4"),
            decision);

    assertThat(events).hasSize(1);
    SubstituteLoggingEvent event = events.poll();
    assertThat(event.getLevel()).isEqualTo(org.slf4j.event.Level.INFO);
    assertThat(
            MessageFormatter.arrayFormat(event.getMessage(), event.getArgumentArray()).getMessage())
        .isEqualTo(
            "decision effect=DENY user=pat\\u{a}forged=1 app=payroll action=access ip=198.51.100.4"
                + " reasons=[network_not_allowed] policies=[from-office, payroll-staff]"
                + " report_only=[trial=DENY]")
        .doesNotContain("Payroll");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\u0085", "\u2028", "\u2029", "\u00a0", "\u202e", "\u2066", "\r", "\u001b", "\u0000",
        "\u200b", "\u3000"
      })
  void decided_userIdWithLineBreakingOrHiddenCharacter_isEscaped(String hidden) {
    AccessRequest request =
        AccessRequest.builder(Schema.standard())
            .set("user.id", "bob" + hidden + "decision_effect=PERMIT user=admin")
            .build();
    Decision decision =
        new Decision(Effect.DENY, List.of(), List.of(), List.of(), List.of(), List.of());

    new DecisionLog(logger, System.Logger.Level.INFO)
        .decided(request, AppMapping.Target.access("mail"), IpAddress.parse("10.0.0.1"), decision);

    String line =
        MessageFormatter.arrayFormat(events.peek().getMessage(), events.poll().getArgumentArray())
            .getMessage();
    assertThat(line)
        .contains(
            " user=bob\\u{"
                + Integer.toHexString(hidden.charAt(0))
                + "}decision_effect=PERMIT_user=admin app=mail ")
        .doesNotContain(hidden);
  }

  @Test
  void refused_logsCodeAsReason() {
    new DecisionLog(logger, System.Logger.Level.WARNING)
        .refused(null, "signin", null, Refusal.CLIENT_ADDRESS_UNKNOWN);

    SubstituteLoggingEvent event = events.poll();
    assertThat(event.getLevel()).isEqualTo(org.slf4j.event.Level.WARN);
    assertThat(
            MessageFormatter.arrayFormat(event.getMessage(), event.getArgumentArray()).getMessage())
        .isEqualTo(
            "decision effect=DENY user=- app=- action=signin ip=- reasons=[client_address_unknown]"
                + " policies=[] report_only=[]");
  }

  @Test
  void refused_levelOff_logsNothing() {
    DecisionLog off = new DecisionLog(logger, System.Logger.Level.OFF);
    off.refused(null, null, null, Refusal.UNMAPPED_PATH);

    assertThat(off.isEnabled()).isFalse();
    assertThat(events).isEmpty();
  }
}

package dev.gatehouse.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.api.IpAddress;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class SignInReportTest {

  private static final Instant FROM = Instant.parse("2026-11-11T00:00:00Z");
  private static final Instant TO = Instant.parse("2026-11-12T00:00:00Z");

  private static SignInEvent event(
      String user,
      String time,
      String ip,
      String country,
      String platform,
      SignInEvent.Outcome outcome) {
    return new SignInEvent(
        user,
        Instant.parse(time),
        IpAddress.parse(ip),
        country,
        "d",
        platform,
        outcome,
        List.of(),
        List.of());
  }

  private static List<SignInEvent> events() {
    List<SignInEvent> events = new ArrayList<>();
    events.add(
        event(
            "alice",
            "2026-11-11T09:00:00Z",
            "203.0.113.10",
            "FR",
            "macos",
            SignInEvent.Outcome.SUCCESS));
    events.add(
        event(
            "bob",
            "2026-11-11T09:30:00Z",
            "203.0.113.10",
            "FR",
            "windows",
            SignInEvent.Outcome.CHALLENGED));
    for (int i = 0; i < 3; i++) {
      events.add(
          event(
              "bob",
              "2026-11-11T12:0" + i + ":00Z",
              "198.51.100.7",
              null,
              null,
              SignInEvent.Outcome.FAILED_CREDENTIALS));
      events.add(
          event(
              "carol",
              "2026-11-11T12:1" + i + ":00Z",
              "198.51.100.7",
              null,
              null,
              SignInEvent.Outcome.FAILED_CREDENTIALS));
    }
    events.add(
        event(
            "carol",
            "2026-11-11T13:00:00Z",
            "192.0.2.1",
            "JP",
            "ios",
            SignInEvent.Outcome.FAILED_CREDENTIALS));
    events.add(
        event(
            "alice",
            "2026-11-10T23:59:59Z",
            "203.0.113.10",
            "FR",
            "macos",
            SignInEvent.Outcome.SUCCESS));
    events.add(
        event(
            "alice",
            "2026-11-12T00:00:00Z",
            "203.0.113.10",
            "FR",
            "macos",
            SignInEvent.Outcome.SUCCESS));
    return events;
  }

  @Test
  void of_eventsAroundPeriod_countsOnlyThoseInside() {
    SignInReport report = SignInReport.of(events(), FROM, TO, ZoneOffset.UTC);

    assertThat(report.total()).isEqualTo(9);
    assertThat(report.byOutcome())
        .containsEntry(SignInEvent.Outcome.SUCCESS, 1L)
        .containsEntry(SignInEvent.Outcome.CHALLENGED, 1L)
        .containsEntry(SignInEvent.Outcome.FAILED_CREDENTIALS, 7L)
        .containsEntry(SignInEvent.Outcome.DENIED, 0L);
    assertThat(report.byUser())
        .containsExactly(
            java.util.Map.entry("alice", 1L),
            java.util.Map.entry("bob", 4L),
            java.util.Map.entry("carol", 4L));
    assertThat(report.byCountry())
        .containsEntry("FR", 2L)
        .containsEntry("JP", 1L)
        .containsEntry(SignInReport.UNKNOWN, 6L);
    assertThat(report.byPlatform()).containsEntry("macos", 1L).containsEntry("unknown", 6L);
  }

  @Test
  void byHour_eventsInZone_countedInThatZone() {
    SignInReport utc = SignInReport.of(events(), FROM, TO, ZoneOffset.UTC);
    SignInReport paris = SignInReport.of(events(), FROM, TO, ZoneId.of("Europe/Paris"));

    assertThat(utc.byHour().get(9)).isEqualTo(2);
    assertThat(utc.byHour().get(12)).isEqualTo(6);
    assertThat(utc.byHour(SignInEvent.Outcome.FAILED_CREDENTIALS).get(13)).isEqualTo(1);
    assertThat(paris.byHour().get(10)).isEqualTo(2);
  }

  @Test
  void topFailing_usersAndAddresses_mostFirstTiesById() {
    SignInReport report = SignInReport.of(events(), FROM, TO, ZoneOffset.UTC);

    assertThat(report.topFailingUsers(2))
        .containsExactly(new SignInReport.Count("carol", 4), new SignInReport.Count("bob", 3));
    assertThat(report.topFailingAddresses(5))
        .containsExactly(
            new SignInReport.Count("198.51.100.7", 6), new SignInReport.Count("192.0.2.1", 1));
  }

  @Test
  void toSvg_report_stacksBarsPerOutcome() {
    String svg = SignInReport.of(events(), FROM, TO, ZoneOffset.UTC).toSvg();

    assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").endsWith("</svg>\n");
    assertThat(svg)
        .contains("<title>12:00 failed_credentials: 6</title>")
        .contains("<title>09:00 challenged: 1</title>")
        .contains(">challenge_passed</text>");
    assertThat(svg.split("<rect ", -1)).hasSize(1 + 4 + 5);
  }

  @Test
  void builder_periodBackwards_rejected() {
    assertThatThrownBy(() -> SignInReport.builder(TO, FROM, ZoneOffset.UTC))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("period ends at 2026-11-11T00:00:00Z before it starts at 2026-11-12T00:00:00Z");
  }

  @Test
  void report_monitor_readsRememberedEvents() {
    SignInMonitor monitor = SignInMonitor.builder().build();
    events().forEach(monitor::record);

    assertThat(monitor.report(FROM, TO).total()).isEqualTo(9);
  }
}

package dev.gatehouse.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.api.policy.TimeWindow;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class WindowMatcherTest {

  private static final TimeWindow OFFICE_HOURS =
      new TimeWindow(
          EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
          LocalTime.of(8, 0),
          LocalTime.of(18, 0),
          ZoneId.of("Europe/Paris"));
  private static final TimeWindow NIGHT_SHIFT =
      new TimeWindow(
          EnumSet.of(DayOfWeek.FRIDAY),
          LocalTime.of(22, 0),
          LocalTime.of(6, 0),
          ZoneId.of("America/New_York"));

  @ParameterizedTest
  @CsvSource({
    // Paris is UTC+1 in winter, UTC+2 from 2026-03-29 01:00 UTC.
    "2026-03-27T06:59:59Z, false", "2026-03-27T07:00:00Z, true",
    "2026-03-27T16:59:59.999Z, true", "2026-03-27T17:00:00Z, false",
    "2026-03-30T06:00:00Z, true", "2026-03-30T05:59:59Z, false",
    "2026-03-28T10:00:00Z, false"
  })
  void contains_officeHoursAcrossDaylightSaving_followsLocalTime(String instant, boolean expected) {
    WindowMatcher matcher = new WindowMatcher(OFFICE_HOURS, new ZoneTable(OFFICE_HOURS.zone()));
    assertThat(matcher.contains(Instant.parse(instant).toEpochMilli())).isEqualTo(expected);
    assertThat(OFFICE_HOURS.contains(Instant.parse(instant))).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "2026-11-28T02:59:00Z, false",
    "2026-11-28T03:00:00Z, true",
    "2026-11-28T10:59:00Z, true",
    "2026-11-28T11:00:00Z, false",
    "2026-11-27T03:30:00Z, false"
  })
  void contains_windowWrappingMidnight_coversEarlyHoursOfNextDay(String instant, boolean expected) {
    WindowMatcher matcher = new WindowMatcher(NIGHT_SHIFT, new ZoneTable(NIGHT_SHIFT.zone()));
    assertThat(matcher.contains(Instant.parse(instant).toEpochMilli())).isEqualTo(expected);
    assertThat(NIGHT_SHIFT.contains(Instant.parse(instant))).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Europe/Paris",
        "America/New_York",
        "Australia/Lord_Howe",
        "UTC",
        "Asia/Kolkata",
        "America/Sao_Paulo"
      })
  void contains_randomInstants_agreesWithZoneRules(String zone) {
    TimeWindow window =
        new TimeWindow(
            EnumSet.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY),
            LocalTime.of(1, 30),
            LocalTime.of(3, 0),
            ZoneId.of(zone));
    WindowMatcher matcher = new WindowMatcher(window, new ZoneTable(window.zone()));
    Random random = new Random(zone.hashCode());
    for (int i = 0; i < 20_000; i++) {
      // Spans 1960..2140, past both ends of the precomputed table.
      long millis = (long) ((random.nextDouble() * 180 - 10) * 365.25 * 86_400_000L);
      assertThat(matcher.contains(millis))
          .as("%s at %s", zone, Instant.ofEpochMilli(millis))
          .isEqualTo(window.contains(Instant.ofEpochMilli(millis)));
    }
  }

  @ParameterizedTest
  @ValueSource(
      longs = {Long.MAX_VALUE, Long.MAX_VALUE - 1_000, Long.MIN_VALUE, Long.MIN_VALUE + 1_000})
  void contains_instantsAtTheEndsOfTheRange_agreesWithZoneRules(long millis) {
    for (String zone : new String[] {"Asia/Tokyo", "America/Los_Angeles", "Pacific/Kiritimati"}) {
      for (int hour = 0; hour < 24; hour++) {
        TimeWindow window =
            new TimeWindow(
                EnumSet.allOf(DayOfWeek.class).stream()
                    .filter(d -> d.getValue() % 2 == 0)
                    .collect(java.util.stream.Collectors.toSet()),
                LocalTime.of(hour, 0),
                LocalTime.of((hour + 1) % 24, 0),
                ZoneId.of(zone));
        WindowMatcher matcher = new WindowMatcher(window, new ZoneTable(window.zone()));
        assertThat(matcher.contains(millis))
            .as("%s at %s in %s", window, Instant.ofEpochMilli(millis), zone)
            .isEqualTo(window.contains(Instant.ofEpochMilli(millis)));
      }
    }
  }
}

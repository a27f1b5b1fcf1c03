package dev.gatehouse.api.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class TimeWindowTest {

  private static final TimeWindow OFFICE_HOURS_PARIS =
      new TimeWindow(
          EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
          LocalTime.of(8, 0),
          LocalTime.of(18, 0),
          ZoneId.of("Europe/Paris"));
  private static final TimeWindow FRIDAY_NIGHT_UTC =
      new TimeWindow(
          Set.of(DayOfWeek.FRIDAY), LocalTime.of(22, 0), LocalTime.of(6, 0), ZoneId.of("UTC"));

  // 2026-01-12 and 2026-07-13 are Mondays; Paris is UTC+1 in January and UTC+2 in July.
  @CsvSource(
      delimiter = '|',
      value = {
        "2026-01-12T07:00:00Z | true",
        "2026-01-12T06:59:59Z | false",
        "2026-01-12T16:59:59Z | true",
        "2026-01-12T17:00:00Z | false",
        "2026-01-12T06:30:00Z | false",
        "2026-07-13T06:30:00Z | true",
        "2026-07-13T05:59:59Z | false",
        "2026-07-13T16:30:00Z | false",
        "2026-01-17T10:00:00Z | false",
        "2026-03-29T09:00:00Z | false",
        "2026-03-30T06:00:00Z | true"
      })
  @ParameterizedTest(name = "{0}: {1}")
  void contains_readsHoursInTheZoneAcrossDst(String instant, boolean inside) {
    assertThat(OFFICE_HOURS_PARIS.contains(Instant.parse(instant))).isEqualTo(inside);
  }

  // 2026-11-27 is a Friday.
  @CsvSource(
      delimiter = '|',
      value = {
        "2026-11-27T21:59:59Z | false",
        "2026-11-27T22:00:00Z | true",
        "2026-11-27T23:59:59Z | true",
        "2026-11-28T00:00:00Z | true",
        "2026-11-28T05:59:59Z | true",
        "2026-11-28T06:00:00Z | false",
        "2026-11-28T22:30:00Z | false",
        "2026-11-27T03:00:00Z | false"
      })
  @ParameterizedTest(name = "{0}: {1}")
  void contains_windowWrappingMidnight_includesEarlyHoursOfNextDay(String instant, boolean inside) {
    assertThat(FRIDAY_NIGHT_UTC.wrapsMidnight()).isTrue();
    assertThat(FRIDAY_NIGHT_UTC.contains(Instant.parse(instant))).isEqualTo(inside);
  }

  @Test
  void wrapsMidnight_endAfterStart_isFalse() {
    assertThat(OFFICE_HOURS_PARIS.wrapsMidnight()).isFalse();
  }

  @Test
  void new_noDay_throws() {
    assertThatThrownBy(
            () -> new TimeWindow(Set.of(), LocalTime.NOON, LocalTime.MIDNIGHT, ZoneId.of("UTC")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a time window needs at least one day");
  }

  @Test
  void days_areCopiedAndUnmodifiable() {
    EnumSet<DayOfWeek> days = EnumSet.of(DayOfWeek.MONDAY);
    TimeWindow window =
        new TimeWindow(days, LocalTime.of(8, 0), LocalTime.of(9, 0), ZoneId.of("UTC"));

    days.add(DayOfWeek.TUESDAY);

    assertThat(window.days()).containsExactly(DayOfWeek.MONDAY);
    assertThatThrownBy(() -> window.days().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void toString_listsDaysInWeekOrder() {
    TimeWindow window =
        new TimeWindow(
            Set.of(DayOfWeek.FRIDAY, DayOfWeek.MONDAY),
            LocalTime.of(8, 0),
            LocalTime.of(18, 30),
            ZoneId.of("Europe/Paris"));

    assertThat(window).hasToString("[mon, fri] 08:00-18:30 in \"Europe/Paris\"");
  }

  @Test
  void equals_sameDaysInAnyOrder_areEqual() {
    TimeWindow a =
        new TimeWindow(
            Set.of(DayOfWeek.FRIDAY, DayOfWeek.MONDAY),
            LocalTime.NOON,
            LocalTime.MIDNIGHT,
            ZoneId.of("UTC"));
    TimeWindow b =
        new TimeWindow(
            EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
            LocalTime.NOON,
            LocalTime.MIDNIGHT,
            ZoneId.of("UTC"));

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
  }
}

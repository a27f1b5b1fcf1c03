package dev.gatehouse.api.policy;

import static java.util.Objects.requireNonNull;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Weekdays and hours in a named time zone, such as Monday to Friday 08:00–18:00 in {@code
 * Europe/Paris}. The end is exclusive; a window whose end is not after its start runs past
 * midnight, and its days are the days on which it starts.
 *
 * @param days the days on which the window opens, at least one
 * @param start the opening time of day
 * @param end the closing time of day, exclusive
 * @param zone the zone the times are read in
 */
public record TimeWindow(Set<DayOfWeek> days, LocalTime start, LocalTime end, ZoneId zone) {

  /**
   * Checks the components and copies the set.
   *
   * @param days the days on which the window opens
   * @param start the opening time of day
   * @param end the closing time of day
   * @param zone the time zone
   */
  public TimeWindow {
    requireNonNull(start, "start");
    requireNonNull(end, "end");
    requireNonNull(zone, "zone");
    if (days.isEmpty()) {
      throw new IllegalArgumentException("a time window needs at least one day");
    }
    days = Set.copyOf(EnumSet.copyOf(days));
  }

  /** {@return whether the window wraps past midnight} */
  public boolean wrapsMidnight() {
    return !end.isAfter(start);
  }

  /**
   * {@return whether {@code instant} falls in the window}
   *
   * @param instant the instant to test
   */
  public boolean contains(Instant instant) {
    ZonedDateTime local = instant.atZone(zone);
    LocalTime time = local.toLocalTime();
    DayOfWeek day = local.getDayOfWeek();
    if (!wrapsMidnight()) {
      return days.contains(day) && !time.isBefore(start) && time.isBefore(end);
    }
    return (days.contains(day) && !time.isBefore(start))
        || (days.contains(day.minus(1)) && time.isBefore(end));
  }

  @Override
  public String toString() {
    String dayList =
        EnumSet.copyOf(days).stream()
            .map(d -> d.getDisplayName(TextStyle.SHORT, Locale.ROOT).toLowerCase(Locale.ROOT))
            .collect(Collectors.joining(", ", "[", "]"));
    return dayList + " " + start + "-" + end + " in \"" + zone.getId() + "\"";
  }
}

package dev.gatehouse.dsl.internal;

import dev.gatehouse.api.IpNetwork;
import dev.gatehouse.api.internal.Suggestions;
import dev.gatehouse.api.policy.Network;
import dev.gatehouse.api.policy.TimeWindow;
import dev.gatehouse.dsl.DiagnosticCode;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns constants as written (CIDR blocks, durations, time windows) into model values, reporting
 * what is wrong with each; the methods return null after reporting an error.
 */
final class Values {

  /** The longest duration the language accepts: 100 years of days. */
  static final long MAX_DURATION_DAYS = 36_500;

  private static final Pattern DURATION = Pattern.compile("([0-9]{1,12})([a-z]+)");
  private static final Pattern TIME = Pattern.compile("([0-9]{2}):([0-9]{2})");
  private static final Map<String, DayOfWeek> DAYS = new LinkedHashMap<>();
  private static final List<String> ZONES =
      new ArrayList<>(new TreeSet<>(ZoneId.getAvailableZoneIds()));

  static {
    for (DayOfWeek day : DayOfWeek.values()) {
      DAYS.put(day.name().substring(0, 3).toLowerCase(java.util.Locale.ROOT), day);
    }
  }

  private Values() {}

  /** Returns the blocks of a CIDR list as a network, or null after reporting each bad block. */
  static @Nullable Network network(String name, Ast.CidrList list, Reporter reporter) {
    if (list.items().isEmpty()) {
      reporter.error(
          DiagnosticCode.EMPTY_LIST,
          list.span(),
          "network list is empty",
          "list at least one address or CIDR block");
      return null;
    }
    List<IpNetwork> blocks = new ArrayList<>();
    for (Ast.Name item : list.items()) {
      try {
        blocks.add(IpNetwork.parse(item.text()));
      } catch (IllegalArgumentException e) {
        reporter.modelError(DiagnosticCode.INVALID_CIDR, item.span(), e.getMessage());
      }
    }
    if (blocks.size() != list.items().size()) {
      return null;
    }
    Warnings.subsetBlocks(list.items(), blocks, reporter);
    Warnings.coversIpv4(list.items(), blocks, reporter);
    return new Network(name, blocks);
  }

  /** Returns a duration such as {@code 15m}, or null after reporting why it is invalid. */
  static @Nullable Duration duration(Ast.Dur dur, Reporter reporter) {
    Matcher m = DURATION.matcher(dur.text());
    if (!m.matches() || !List.of("s", "m", "h", "d").contains(m.group(2))) {
      reporter.error(
          DiagnosticCode.INVALID_DURATION,
          dur.span(),
          "invalid duration `" + dur.text() + "`",
          "write a whole number and a unit `s`, `m`, `h` or `d`, such as `15m`");
      return null;
    }
    long n = Long.parseLong(m.group(1));
    long seconds =
        switch (m.group(2)) {
          case "s" -> 1;
          case "m" -> 60;
          case "h" -> 3_600;
          default -> 86_400;
        };
    if (n > MAX_DURATION_DAYS * 86_400 / seconds) {
      reporter.error(
          DiagnosticCode.INVALID_DURATION,
          dur.span(),
          "duration `" + dur.text() + "` is too long",
          "the longest is " + MAX_DURATION_DAYS + "d");
      return null;
    }
    return Duration.ofSeconds(n * seconds);
  }

  /** Returns a time window, or null after reporting each bad day, time or zone. */
  static @Nullable TimeWindow window(Ast.During during, Reporter reporter) {
    Set<DayOfWeek> days = days(during, reporter);
    LocalTime start = time(during.start(), reporter);
    LocalTime end = time(during.end(), reporter);
    ZoneId zone = zone(during.zone(), reporter);
    if (days == null || start == null || end == null || zone == null) {
      return null;
    }
    return new TimeWindow(days, start, end, zone);
  }

  private static @Nullable Set<DayOfWeek> days(Ast.During during, Reporter reporter) {
    Ast.Name shorthand = during.shorthand();
    if (shorthand != null) {
      return shorthand.text().equals("weekdays")
          ? EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)
          : EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
    }
    if (during.days().isEmpty()) {
      reporter.error(
          DiagnosticCode.EMPTY_LIST,
          during.span(),
          "time window lists no day",
          "list days such as `[mon, tue]`, or write `weekdays`");
      return null;
    }
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    boolean ok = true;
    for (Ast.Name day : during.days()) {
      DayOfWeek d = DAYS.get(day.text());
      if (d == null) {
        ok = false;
        reporter.error(
            DiagnosticCode.INVALID_TIME_WINDOW,
            day.span(),
            "unknown day `" + day.text() + "`",
            Suggestions.nearest(day.text(), DAYS.keySet())
                .map(s -> "did you mean `" + s + "`?")
                .orElse("use `mon`, `tue`, `wed`, `thu`, `fri`, `sat` or `sun`"));
      } else {
        days.add(d);
      }
    }
    return ok ? days : null;
  }

  private static @Nullable LocalTime time(Ast.Name time, Reporter reporter) {
    Matcher m = TIME.matcher(time.text());
    if (m.matches()) {
      int hours = Integer.parseInt(m.group(1));
      int minutes = Integer.parseInt(m.group(2));
      if (hours < 24 && minutes < 60) {
        return LocalTime.of(hours, minutes);
      }
    }
    reporter.error(
        DiagnosticCode.INVALID_TIME_WINDOW,
        time.span(),
        "invalid time of day `" + time.text() + "`",
        "write `hh:mm` from `00:00` to `23:59`");
    return null;
  }

  private static @Nullable ZoneId zone(Ast.Str zone, Reporter reporter) {
    try {
      if (ZONES.contains(zone.value())) {
        return ZoneId.of(zone.value());
      }
    } catch (DateTimeException e) {
      // Reported below, as for a name that is not in the list at all.
    }
    reporter.error(
        DiagnosticCode.INVALID_TIME_WINDOW,
        zone.span(),
        "unknown time zone `" + zone.value() + "`",
        Suggestions.nearest(zone.value(), ZONES)
            .map(s -> "did you mean `" + s + "`?")
            .orElse("use a region name such as `Europe/Paris` or `UTC`"));
    return null;
  }
}

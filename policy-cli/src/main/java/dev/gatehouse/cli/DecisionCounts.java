package dev.gatehouse.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.api.ReasonCode;
import dev.gatehouse.monitor.SignInEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code gatehouse report} adds for decision-log records in the period: decisions by effect,
 * by reason code (each code once per decision) and by app, and the users and addresses denied most
 * (addresses as logged, so a masked one stays a network). Empty when the file holds none.
 */
final class DecisionCounts {

  private static final int TOP = 10;

  private final long total;
  private final Map<String, Long> byEffect = new TreeMap<>();
  private final Map<String, Long> byReason = new TreeMap<>();
  private final Map<String, Long> byApp = new TreeMap<>();
  private final Map<String, Long> deniedUsers = new TreeMap<>();
  private final Map<String, Long> deniedAddresses = new TreeMap<>();

  private DecisionCounts(List<EventsReader.Line> lines, Instant from, Instant to) {
    long n = 0;
    for (EventsReader.Line line : lines) {
      SignInEvent e = line.event();
      if (!line.isDecision() || e.time().isBefore(from) || !e.time().isBefore(to)) {
        continue;
      }
      n++;
      byEffect.merge(effect(e.outcome()), 1L, Long::sum);
      e.reasons().stream().distinct().forEach(code -> byReason.merge(code.id(), 1L, Long::sum));
      byApp.merge(line.app(), 1L, Long::sum);
      if (e.outcome() == SignInEvent.Outcome.DENIED) {
        deniedUsers.merge(e.userId(), 1L, Long::sum);
        deniedAddresses.merge(line.address(), 1L, Long::sum);
      }
    }
    this.total = n;
  }

  static DecisionCounts of(List<EventsReader.Line> lines, Instant from, Instant to) {
    return new DecisionCounts(lines, from, to);
  }

  private static String effect(SignInEvent.Outcome outcome) {
    return switch (outcome) {
      case SUCCESS -> "permit";
      case CHALLENGED -> "challenge";
      default -> "deny";
    };
  }

  long total() {
    return total;
  }

  /** {@return the sections for the table, or nothing without decisions} */
  String table() {
    if (total == 0) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    section(sb, "decisions by effect", byEffect);
    section(sb, "decisions by reason", byReason);
    section(sb, "decisions by app", byApp);
    section(sb, "top denied users", top(deniedUsers));
    section(sb, "top denied addresses", top(deniedAddresses));
    return sb.toString();
  }

  /** The ten largest counts, ties in name order; an ordered map. */
  private static Map<String, Long> top(Map<String, Long> counts) {
    Map<String, Long> top = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(TOP)
        .forEach(e -> top.put(e.getKey(), e.getValue()));
    return top;
  }

  private static void section(StringBuilder sb, String title, Map<String, Long> counts) {
    sb.append('\n').append(title).append('\n');
    // Most first; ties in name order, so that the table is stable.
    counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> sb.append(String.format("  %-30s %d%n", e.getKey(), e.getValue())));
  }

  /** Adds a {@code decisions} object to {@code root} when there were decisions; returns it. */
  ObjectNode addTo(ObjectNode root) {
    if (total == 0) {
      return root;
    }
    ObjectNode d = root.putObject("decisions");
    d.put("total", total);
    byEffect.forEach(d.putObject("byEffect")::put);
    ObjectNode reasons = d.putObject("byReason");
    for (ReasonCode code : ReasonCode.values()) {
      Long n = byReason.get(code.id());
      if (n != null) {
        reasons.put(code.id(), n);
      }
    }
    byApp.forEach(d.putObject("byApp")::put);
    top(deniedUsers)
        .forEach(
            (user, n) ->
                d.withArray("topDeniedUsers").addObject().put("user", user).put("denials", n));
    top(deniedAddresses)
        .forEach(
            (ip, n) ->
                d.withArray("topDeniedAddresses").addObject().put("ip", ip).put("denials", n));
    return root;
  }
}

package dev.gatehouse.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.dashboard.SignInReportPage;
import dev.gatehouse.dashboard.UserDirectory;
import dev.gatehouse.engine.CompiledPolicies;
import dev.gatehouse.monitor.SignInEvent;
import dev.gatehouse.monitor.SignInReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gatehouse report}: the sign-in details report over a file of sign-in events. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description =
        "Summarize sign-in attempts: by outcome, user, country, device platform and hour of day,"
            + " with the users and addresses that fail most. Events are JSON lines (see"
            + " docs/cli.md): sign-in events, decision-log records, or both; decisions are also"
            + " counted by effect, reason and app. The period defaults to all events.",
    footer = {
      "",
      "Exit codes: 0 reported, 2 usage error or bad events file.",
      "",
      "Example:",
      "  gatehouse report --events examples/sign-ins.jsonl --svg sign-ins.svg",
      "  gatehouse report --events examples/sign-ins.jsonl --html report.html",
      "  gatehouse report --events decisions.jsonl"
    })
final class ReportCommand implements Callable<Integer> {

  /** How the report is printed. */
  enum Format {
    table,
    json
  }

  @Spec CommandSpec spec;

  @Option(
      names = {"-e", "--events"},
      paramLabel = "FILE",
      required = true,
      description = "sign-in events or decision-log records as JSON lines")
  Path events;

  @Option(
      names = "--from",
      paramLabel = "INSTANT",
      description = "start of the period, inclusive (ISO-8601, such as 2026-11-01T00:00:00Z)")
  String from;

  @Option(names = "--to", paramLabel = "INSTANT", description = "end of the period, exclusive")
  String to;

  @Option(
      names = "--zone",
      paramLabel = "ZONE",
      description = "time zone for hours of day (default: ${DEFAULT-VALUE})")
  String zone = "UTC";

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      description = "table or json (default: ${DEFAULT-VALUE})")
  Format format = Format.table;

  @Option(
      names = "--svg",
      paramLabel = "FILE",
      description = "also write a chart of attempts per hour by outcome to FILE")
  Path svg;

  @Option(
      names = "--html",
      paramLabel = "FILE",
      description = "also write the dashboard's views as one self-contained HTML file")
  Path html;

  @Option(
      names = "--policies",
      paramLabel = "PATH",
      arity = "1..*",
      description = "with --html: show these policies and what their report-only ones would do")
  List<Path> policies;

  @Override
  public Integer call() throws IOException {
    if (!Files.isRegularFile(events)) {
      throw new BadInputException("no such events file `" + events + "`");
    }
    if (svg != null) {
      OutputFiles.checkWritable("`--svg`", svg);
    }
    if (html != null) {
      OutputFiles.checkWritable("`--html`", html);
    }
    List<EventsReader.Line> lines = EventsReader.lines(events.toString(), PolicyFiles.read(events));
    List<SignInEvent> all = lines.stream().map(EventsReader.Line::event).toList();
    Instant start =
        instant(
            "--from",
            from,
            all.stream()
                .map(SignInEvent::time)
                .min(Comparator.naturalOrder())
                .orElse(Instant.EPOCH));
    Instant end =
        instant(
            "--to",
            to,
            all.stream()
                .map(SignInEvent::time)
                .max(Comparator.naturalOrder())
                .map(t -> t.plusMillis(1))
                .orElse(start));
    if (end.isBefore(start)) {
      throw new BadInputException("`--to` " + end + " is before `--from` " + start);
    }
    SignInReport report = SignInReport.of(all, start, end, zoneId());
    DecisionCounts decisions = DecisionCounts.of(lines, start, end);
    PrintWriter out = spec.commandLine().getOut();
    boolean nothing = all.isEmpty() && from == null && to == null;
    out.print(
        format == Format.json
            ? Json.pretty(decisions.addTo(json(report, nothing))) + "\n"
            : header(report, nothing, decisions) + decisions.table() + table(report));
    if (svg != null) {
      OutputFiles.write(svg, report.toSvg());
    }
    if (html != null) {
      CompiledPolicies compiled = null;
      if (policies != null) {
        Optional<CompiledPolicies> loaded =
            PolicyFiles.compile(policies, spec.commandLine().getErr());
        if (loaded.isEmpty()) {
          return ExitCode.FAILED;
        }
        compiled = loaded.get();
      }
      Instant s = start;
      List<SignInEvent> period =
          all.stream().filter(e -> !e.time().isBefore(s) && e.time().isBefore(end)).toList();
      OutputFiles.write(
          html, SignInReportPage.html(period, compiled, UserDirectory.none(), Instant.now()));
    }
    out.flush();
    return ExitCode.OK;
  }

  private static Instant instant(String option, String text, Instant otherwise) {
    if (text == null) {
      return otherwise;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new BadInputException(
          "malformed `"
              + option
              + "` `"
              + text
              + "`: expected an ISO-8601 instant such as 2026-11-01T00:00:00Z");
    }
  }

  private ZoneId zoneId() {
    try {
      return ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw new BadInputException("unknown time zone `" + zone + "`");
    }
  }

  /**
   * The first line: the period as given, or, without {@code --to}, through the last event (the
   * exclusive end is a millisecond after it, which reads as a typo); none for an empty file.
   */
  private String header(SignInReport r, boolean nothing, DecisionCounts decisions) {
    if (nothing) {
      return "sign-in attempts: 0 (no events in `" + events + "`)\n";
    }
    String end = to == null ? " through " + r.to().minusMillis(1) : " to " + r.to();
    if (decisions.total() > 0) {
      // Below, a decision counts as an attempt: PERMIT as success, DENY denied, CHALLENGE
      // challenged.
      return "events from "
          + r.from()
          + end
          + ": "
          + r.total()
          + " ("
          + decisions.total()
          + " decisions, "
          + (r.total() - decisions.total())
          + " sign-in attempts)\n";
    }
    return "sign-in attempts from " + r.from() + end + ": " + r.total() + "\n";
  }

  private static String table(SignInReport r) {
    StringBuilder sb = new StringBuilder();
    section(sb, "by outcome", r.byOutcome());
    section(sb, "by country", r.byCountry());
    section(sb, "by platform", r.byPlatform());
    section(sb, "by user", r.byUser());
    sb.append("\nby hour (").append(r.zone()).append(")\n");
    for (int h = 0; h < 24; h++) {
      sb.append(String.format("  %02d:00  %d%n", h, r.byHour().get(h)));
    }
    sb.append("\ntop failing users\n");
    r.topFailingUsers(10)
        .forEach(c -> sb.append(String.format("  %-30s %d%n", c.key(), c.count())));
    sb.append("\ntop failing addresses\n");
    r.topFailingAddresses(10)
        .forEach(c -> sb.append(String.format("  %-30s %d%n", c.key(), c.count())));
    return sb.toString();
  }

  private static void section(StringBuilder sb, String title, Map<?, Long> counts) {
    sb.append('\n').append(title).append('\n');
    // Most attempts first; ties in name order, so that the table is stable.
    counts.entrySet().stream()
        .map(e -> Map.entry(e.getKey().toString(), e.getValue()))
        .sorted(
            Map.Entry.<String, Long>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> sb.append(String.format("  %-30s %d%n", e.getKey(), e.getValue())));
  }

  private static ObjectNode json(SignInReport r, boolean nothing) throws JsonProcessingException {
    ObjectNode root = Json.MAPPER.createObjectNode();
    if (nothing) {
      // No events and no period: there is no period to report, rather than one at the epoch.
      root.putNull("from");
      root.putNull("to");
    } else {
      root.put("from", r.from().toString());
      root.put("to", r.to().toString());
    }
    root.put("zone", r.zone().getId());
    root.put("total", r.total());
    ObjectNode outcomes = root.putObject("byOutcome");
    r.byOutcome().forEach((o, n) -> outcomes.put(o.id(), n));
    counts(root.putObject("byUser"), r.byUser());
    counts(root.putObject("byCountry"), r.byCountry());
    counts(root.putObject("byPlatform"), r.byPlatform());
    r.byHour().forEach(root.putArray("byHour")::add);
    r.topFailingUsers(10)
        .forEach(
            c ->
                root.withArray("topFailingUsers")
                    .addObject()
                    .put("user", c.key())
                    .put("failures", c.count()));
    r.topFailingAddresses(10)
        .forEach(
            c ->
                root.withArray("topFailingAddresses")
                    .addObject()
                    .put("ip", c.key())
                    .put("failures", c.count()));
    return root;
  }

  private static void counts(ObjectNode node, Map<String, Long> counts) {
    counts.forEach(node::put);
  }
}

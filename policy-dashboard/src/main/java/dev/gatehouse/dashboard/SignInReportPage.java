package dev.gatehouse.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.dashboard.internal.EventIndex;
import dev.gatehouse.dashboard.internal.Query;
import dev.gatehouse.dashboard.internal.ReportOnlyIndex;
import dev.gatehouse.dashboard.internal.Values;
import dev.gatehouse.dashboard.internal.Views;
import dev.gatehouse.engine.CompiledPolicies;
import dev.gatehouse.monitor.MemoryLimits;
import dev.gatehouse.monitor.SignInEvent;
import dev.gatehouse.monitor.SignInMonitor;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The dashboard's views over a list of events as one self-contained HTML file: the script, the
 * style and the figures are inside it, so it opens without a network or a server. The file has no
 * filters; it shows every event, and the event list holds the newest {@link #MAX_EVENTS}.
 *
 * <pre>{@code
 * Files.writeString(Path.of("report.html"), SignInReportPage.html(events, policies, directory));
 * }</pre>
 */
public final class SignInReportPage {

  /** How many events the file's event list holds at most, newest first. */
  public static final int MAX_EVENTS = 5_000;

  private SignInReportPage() {}

  /**
   * Returns the report page of {@code events}.
   *
   * @param events the events, in any order
   * @param policies the policies to show and to replay report-only ones with, or null
   * @param directory the users' attributes for the replay
   * @param now when the report is written
   * @return the HTML document
   */
  public static String html(
      List<SignInEvent> events,
      @Nullable CompiledPolicies policies,
      UserDirectory directory,
      Instant now) {
    List<SignInEvent> copy = List.copyOf(events);
    EventIndex x =
        EventIndex.build(
            copy::forEach,
            () -> SignInMonitor.builder().memoryLimits(MemoryLimits.defaults()).build(),
            1,
            now);
    Query all = Query.of(x, Map.of(), null);
    ReportOnlyIndex ro =
        policies == null ? null : ReportOnlyIndex.of(x, policies, directory::attributes);
    ObjectNode data = Views.MAPPER.createObjectNode();
    data.set("summary", Views.summary(all, ro));
    ArrayNode list = data.putArray("events");
    int shown = Math.min(x.size(), MAX_EVENTS);
    for (int i = 0; i < shown; i++) {
      list.add(Views.row(x, i));
    }
    if (policies != null) {
      ObjectNode replays = data.putObject("replays");
      for (int i = 0; i < shown; i++) {
        EventIndex.Row row = x.event(i);
        try {
          AccessRequest request =
              Values.signIn(policies.schema(), row, directory.attributes(row.event().userId()));
          replays.set(
              x.generation() + "-" + i, SignInDashboard.decision(policies.explain(request)));
        } catch (RuntimeException e) {
          // A user whose directory values do not fit the schema: the event shows no replay.
        }
      }
      ObjectNode p = data.putObject("policies");
      p.put("revision", 1).put("loadedAt", now.toString()).put("whatIf", false);
      SignInDashboard.policies(policies, p.putArray("policies"));
    }
    String json;
    try {
      json = Views.MAPPER.writeValueAsString(data);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the report data cannot be written", e);
    }
    // `<` only occurs inside JSON strings, where its escape reads the same: no `</script>`.
    json = json.replace("<", "\\u003c");
    return SignInDashboard.resource("dashboard.html")
        .replace("{{csrf}}", "")
        .replace("{{mode}}", "file")
        .replace("{{style}}", "<style>\n" + SignInDashboard.resource("dashboard.css") + "</style>")
        .replace(
            "{{data}}",
            "<script type=\"application/json\" id=\"gatehouse-data\">" + json + "</script>")
        .replace(
            "{{script}}",
            "<script>\n"
                + SignInDashboard.resource("dashboard.js").replace("</", "<\\/")
                + "</script>");
  }
}

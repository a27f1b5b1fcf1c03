package dev.gatehouse.cli;

import dev.gatehouse.analysis.EventImpact;
import dev.gatehouse.analysis.ImpactReport;
import dev.gatehouse.analysis.UserImpact;
import dev.gatehouse.api.Entitlement;
import java.util.Map;

/**
 * Renders an impact report as one self-contained HTML page (inline style, no script, nothing
 * fetched); every value from the policies, the directory or the events is escaped.
 */
final class DiffHtml {

  private static final String STYLE =
      "body{font:14px system-ui,sans-serif;margin:2em;color:#222}"
          + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;"
          + "text-align:left;vertical-align:top}th{background:#f3f3f3}.gain{color:#0a6b2c}"
          + ".lose{color:#a31515}.summary{font-size:16px}";

  private DiffHtml() {}

  static String page(ImpactReport report) {
    StringBuilder html = new StringBuilder(4096);
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>gatehouse diff</title><style>")
        .append(STYLE)
        .append("</style></head><body>\n<h1>Impact of the policy change</h1>\n")
        .append("<p class=\"summary\">")
        .append(escape(DiffText.summaryLine(report.summary())))
        .append("</p>\n");
    if (!report.summary().changes().isEmpty()) {
      html.append("<table><tr><th>change</th><th>events</th></tr>\n");
      for (Map.Entry<String, Long> change : report.summary().changes().entrySet()) {
        row(html, escape(change.getKey()), change.getValue().toString());
      }
      html.append("</table>\n");
    }
    if (!report.users().isEmpty()) {
      html.append("<h2>Users</h2>\n<table><tr><th>user</th><th>gains</th><th>loses</th></tr>\n");
      for (UserImpact user : report.users()) {
        row(
            html,
            escape(user.user()),
            entitlements("gain", user.gained().stream()),
            entitlements("lose", user.lost().stream()));
      }
      html.append("</table>\n");
    }
    if (!report.events().isEmpty()) {
      html.append("<h2>Events</h2>\n<table><tr><th>event</th><th>user</th><th>change</th>")
          .append("<th>before</th><th>after</th></tr>\n");
      for (EventImpact e : report.events()) {
        row(
            html,
            escape(e.event()),
            escape(e.user()),
            escape(e.change()),
            escape(DiffText.decision(e.before())),
            escape(DiffText.decision(e.after())));
      }
      html.append("</table>\n");
    }
    return html.append("</body></html>\n").toString();
  }

  private static String entitlements(String kind, java.util.stream.Stream<Entitlement> list) {
    StringBuilder cell = new StringBuilder();
    list.forEach(
        e ->
            cell.append("<div class=\"")
                .append(kind)
                .append("\">")
                .append(escape(DiffText.entitlement(e)))
                .append("</div>"));
    return cell.toString();
  }

  private static void row(StringBuilder html, String... cells) {
    html.append("<tr>");
    for (String cell : cells) {
      html.append("<td>").append(cell).append("</td>");
    }
    html.append("</tr>\n");
  }

  /** Escapes text for an element's content or a quoted attribute. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}

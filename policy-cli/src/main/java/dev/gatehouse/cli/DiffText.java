package dev.gatehouse.cli;

import dev.gatehouse.analysis.EventImpact;
import dev.gatehouse.analysis.ImpactReport;
import dev.gatehouse.analysis.ImpactSummary;
import dev.gatehouse.analysis.UserImpact;
import dev.gatehouse.api.Decision;
import dev.gatehouse.api.Entitlement;
import java.io.PrintWriter;
import java.util.Map;

/** Writes an impact report for a terminal: the summary, then the users, then the events. */
final class DiffText {

  private DiffText() {}

  static void write(PrintWriter out, ImpactReport report) {
    ImpactSummary s = report.summary();
    out.println(summaryLine(s));
    for (Map.Entry<String, Long> change : s.changes().entrySet()) {
      out.println("  " + change.getValue() + "  " + change.getKey());
    }
    if (!report.users().isEmpty()) {
      out.println();
      out.println("users:");
      for (UserImpact user : report.users()) {
        out.println("  " + user.user());
        user.gained().forEach(e -> out.println("    + " + entitlement(e)));
        user.lost().forEach(e -> out.println("    - " + entitlement(e)));
      }
    }
    if (!report.events().isEmpty()) {
      out.println();
      out.println("events:");
      for (EventImpact event : report.events()) {
        out.println(
            "  "
                + event.event()
                + (event.user().isEmpty() ? "" : "  " + event.user())
                + "  "
                + event.change());
        out.println("    before: " + decision(event.before()));
        out.println("    after:  " + decision(event.after()));
      }
    }
  }

  static String summaryLine(ImpactSummary s) {
    if (!s.changesSomething()) {
      return "no change: " + s.users() + " users and " + s.events() + " events decided alike";
    }
    return s.users()
        + " users: "
        + s.usersGaining()
        + " gain, "
        + s.usersLosing()
        + " lose ("
        + s.entitlementsGained()
        + " entitlements gained, "
        + s.entitlementsLost()
        + " lost); "
        + s.events()
        + " events: "
        + s.eventsChanged()
        + " change";
  }

  static String entitlement(Entitlement e) {
    return e.app() + "/" + e.role() + " by " + String.join(", ", e.policies());
  }

  /** One line: the effect, then what explains it. */
  static String decision(Decision d) {
    StringBuilder line = new StringBuilder(d.effect().name());
    d.reasons().forEach(r -> line.append("; ").append(r));
    if (!d.roles().isEmpty()) {
      line.append("; roles ").append(String.join(", ", d.roles()));
    }
    if (!d.matched().isEmpty()) {
      line.append("; matched ").append(String.join(", ", d.matched()));
    }
    return line.toString();
  }
}

package dev.gatehouse.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.analysis.CoverageReport;
import dev.gatehouse.analysis.CoverageReport.Counts;
import dev.gatehouse.analysis.CoverageReport.Part;
import dev.gatehouse.analysis.CoverageReport.PolicyResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Writes what {@code gatehouse test --coverage} found, as text or into the JSON report. */
final class TestCoverage {

  private TestCoverage() {}

  /** Returns whether {@code report} falls short of {@code min} percent; never with no minimum. */
  static boolean belowMinimum(CoverageReport report, Double min) {
    return min != null && report.percent() < min;
  }

  /** Returns the line that says the run fails for lack of coverage. */
  static String shortfall(CoverageReport report, double min) {
    String actual = percent(report.percent());
    String wanted = percent(min);
    if (actual.equals(wanted)) {
      // 66.67 under 66.7: one decimal would print the same figure twice
      actual = String.format(Locale.ROOT, "%.2f%%", report.percent());
      wanted = String.format(Locale.ROOT, "%.2f%%", min);
    }
    return "coverage " + actual + " is under the minimum of " + wanted;
  }

  /**
   * Prints the summary line, the uncovered policies with their file:line, and the condition parts
   * some outcome of which no case produced.
   */
  static void print(CoverageReport report, PrintWriter out) {
    int policies = report.policies().size();
    out.println(
        "coverage: "
            + (policies - report.uncovered().size())
            + " of "
            + policies
            + " policies applied ("
            + percent(report.percent())
            + "), "
            + report.outcomesSeen()
            + " of "
            + report.outcomes()
            + " condition outcomes ("
            + percent(report.outcomePercent())
            + ")");
    if (!report.uncovered().isEmpty()) {
      out.println("uncovered policies:");
      for (PolicyResult p : report.uncovered()) {
        out.println("  " + where(p) + "  " + p.kind() + " `" + p.id() + "`: " + why(p));
      }
    }
    boolean header = false;
    for (PolicyResult p : report.policies()) {
      for (Part part : p.parts()) {
        String missing = missing(part.counts());
        if (missing.isEmpty()) {
          continue;
        }
        if (!header) {
          out.println("condition parts not seen both ways:");
          header = true;
        }
        out.println(
            "  "
                + where(p)
                + "  `"
                + p.id()
                + "` "
                + part.clause()
                + " `"
                + part.text()
                + "`: "
                + missing
                + " ("
                + counts(part.counts())
                + ")");
      }
    }
  }

  /** Returns the coverage as the {@code coverage} member of the JSON report. */
  static ObjectNode json(CoverageReport report, Double min) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("cases", report.cases());
    node.put("percent", report.percent());
    node.put("outcomePercent", report.outcomePercent());
    node.put("outcomes", report.outcomes());
    node.put("outcomesSeen", report.outcomesSeen());
    if (min != null) {
      node.put("min", min);
      node.put("belowMinimum", belowMinimum(report, min));
    }
    ArrayNode uncovered = node.putArray("uncovered");
    report.uncovered().forEach(p -> uncovered.add(p.id()));
    ArrayNode policies = node.putArray("policies");
    for (PolicyResult p : report.policies()) {
      ObjectNode o = policies.addObject();
      o.put("id", p.id());
      o.put("kind", p.kind());
      o.put("file", p.source().file());
      o.put("line", p.source().line());
      o.put("covered", p.covered());
      o.put("considered", p.considered());
      counts(o, p.counts());
      ArrayNode parts = o.putArray("parts");
      for (Part part : p.parts()) {
        ObjectNode n = parts.addObject();
        n.put("clause", part.clause());
        n.put("depth", part.depth());
        n.put("kind", part.kind());
        n.put("condition", part.text());
        counts(n, part.counts());
      }
    }
    return node;
  }

  private static void counts(ObjectNode node, Counts c) {
    node.put("true", c.whenTrue());
    node.put("false", c.whenFalse());
    node.put("unknown", c.unknown());
  }

  private static String where(PolicyResult p) {
    return p.source().isKnown() ? p.source().file() + ":" + p.source().line() : "<java>";
  }

  private static String why(PolicyResult p) {
    if (p.considered() == 0) {
      return "no case reaches it";
    }
    return "never true (" + counts(p.counts()) + ")";
  }

  private static String missing(Counts c) {
    List<String> never = new java.util.ArrayList<>();
    if (c.whenTrue() == 0) {
      never.add("true");
    }
    if (c.whenFalse() == 0) {
      never.add("false");
    }
    return never.isEmpty() ? "" : "never " + String.join(" nor ", never);
  }

  private static String counts(Counts c) {
    return c.whenTrue() + " true, " + c.whenFalse() + " false, " + c.unknown() + " unknown";
  }

  private static String percent(double p) {
    return String.format(Locale.ROOT, "%.1f%%", p);
  }
}

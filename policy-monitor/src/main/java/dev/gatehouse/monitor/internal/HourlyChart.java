package dev.gatehouse.monitor.internal;

import dev.gatehouse.monitor.SignInEvent;
import dev.gatehouse.monitor.SignInReport;
import java.util.List;
import java.util.Locale;

/** Renders a report's attempts per hour of day as an SVG bar chart stacked by outcome. */
public final class HourlyChart {

  private static final int WIDTH = 760;
  private static final int HEIGHT = 340;
  private static final int LEFT = 50;
  private static final int TOP = 40;
  private static final int PLOT_HEIGHT = 220;
  private static final int BAR = 24;
  private static final int STEP = 28;
  private static final String[] COLOURS = {"#2e7d32", "#c62828", "#6a1b9a", "#f9a825", "#1565c0"};

  private HourlyChart() {}

  /**
   * Returns the chart of {@code report} as an SVG document.
   *
   * @param report the report
   * @return an SVG document
   */
  public static String render(SignInReport report) {
    SignInEvent.Outcome[] outcomes = SignInEvent.Outcome.values();
    List<Long> totals = report.byHour();
    long max = Math.max(1, totals.stream().mapToLong(Long::longValue).max().orElse(0));
    StringBuilder svg = new StringBuilder(8192);
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">%n",
            WIDTH,
            HEIGHT,
            WIDTH,
            HEIGHT));
    svg.append(
        String.format(
            Locale.ROOT,
            "  <text x=\"%d\" y=\"20\" font-size=\"14\">sign-in attempts per hour (%s), %s to"
                + " %s</text>%n",
            LEFT,
            escape(report.zone().getId()),
            report.from(),
            report.to()));
    int base = TOP + PLOT_HEIGHT;
    svg.append(
        String.format(
            Locale.ROOT,
            "  <line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#444\"/>%n",
            LEFT,
            base,
            LEFT + 24 * STEP,
            base));
    svg.append(
        String.format(
            Locale.ROOT,
            "  <text x=\"%d\" y=\"%d\" text-anchor=\"end\">%d</text>%n",
            LEFT - 6,
            TOP + 4,
            max));
    svg.append(
        String.format(
            Locale.ROOT,
            "  <text x=\"%d\" y=\"%d\" text-anchor=\"end\">0</text>%n",
            LEFT - 6,
            base + 4));
    for (int hour = 0; hour < 24; hour++) {
      bars(svg, report, outcomes, hour, max);
    }
    legend(svg, outcomes);
    return svg.append("</svg>\n").toString();
  }

  private static void bars(
      StringBuilder svg, SignInReport report, SignInEvent.Outcome[] outcomes, int hour, long max) {
    int x = LEFT + 2 + hour * STEP;
    double y = TOP + PLOT_HEIGHT;
    for (SignInEvent.Outcome outcome : outcomes) {
      long n = report.byHour(outcome).get(hour);
      if (n == 0) {
        continue;
      }
      double h = PLOT_HEIGHT * (double) n / max;
      y -= h;
      svg.append(
          String.format(
              Locale.ROOT,
              "  <rect x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"%s\">"
                  + "<title>%02d:00 %s: %d</title></rect>%n",
              x,
              y,
              BAR,
              h,
              COLOURS[outcome.ordinal()],
              hour,
              outcome.id(),
              n));
    }
    svg.append(
        String.format(
            Locale.ROOT,
            "  <text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%02d</text>%n",
            x + BAR / 2,
            TOP + PLOT_HEIGHT + 14,
            hour));
  }

  private static void legend(StringBuilder svg, SignInEvent.Outcome[] outcomes) {
    int x = LEFT;
    int y = HEIGHT - 30;
    for (SignInEvent.Outcome outcome : outcomes) {
      svg.append(
          String.format(
              Locale.ROOT,
              "  <rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                  + "<text x=\"%d\" y=\"%d\">%s</text>%n",
              x,
              y,
              COLOURS[outcome.ordinal()],
              x + 16,
              y + 10,
              outcome.id()));
      x += 16 + 8 * outcome.id().length() + 20;
    }
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}

package dev.gatehouse.bench.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Draws ns/op against policy count for each engine of {@code PeerBenchmark}, both axes log: a solid
 * line end to end, a dashed one for the decision only, one color per engine.
 */
final class Plot {

  private static final int WIDTH = 760;
  private static final int HEIGHT = 460;
  private static final int LEFT = 80;
  private static final int RIGHT = 150;
  private static final int TOP = 40;
  private static final int BOTTOM = 60;
  private static final String[] COLORS = {
    "#1b7837", "#762a83", "#2166ac", "#d6604d", "#b8860b", "#555555"
  };

  private Plot() {}

  static String svg(List<Run> runs) {
    Map<String, Map<Integer, Double>> lines = new TreeMap<>(Report::engineOrder);
    Map<String, Map<Integer, Double>> dashed = new TreeMap<>(Report::engineOrder);
    double minY = Double.MAX_VALUE;
    double maxY = 0;
    int minX = Integer.MAX_VALUE;
    int maxX = 0;
    for (Run r : runs) {
      boolean endToEnd = r.benchmark().equals(Report.END_TO_END);
      if (endToEnd || r.benchmark().equals(Report.DECIDE)) {
        (endToEnd ? lines : dashed)
            .computeIfAbsent(r.engine(), k -> new TreeMap<>())
            .put(r.policies(), r.score());
        minY = Math.min(minY, r.score());
        maxY = Math.max(maxY, r.score());
        minX = Math.min(minX, r.policies());
        maxX = Math.max(maxX, r.policies());
      }
    }
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\""
                + " height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n",
            WIDTH,
            HEIGHT));
    s.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    s.append(
        text(
            LEFT,
            24,
            "ns per decision against policies (log-log); solid: end to end, dashed: decision only",
            "start",
            14));
    if (lines.isEmpty() && dashed.isEmpty()) {
      return s.append("</svg>\n").toString();
    }
    Set<String> engines = new TreeSet<>(Report::engineOrder);
    engines.addAll(lines.keySet());
    engines.addAll(dashed.keySet());
    Axes axes =
        new Axes(
            Math.floor(Math.log10(minX)),
            Math.ceil(Math.log10(maxX)),
            Math.floor(Math.log10(minY)),
            Math.ceil(Math.log10(maxY)));
    grid(s, axes);
    int c = 0;
    int legendY = TOP + 10;
    for (String engine : engines) {
      String color = COLORS[c++ % COLORS.length];
      line(s, axes, lines.get(engine), color, "");
      line(s, axes, dashed.get(engine), color, " stroke-dasharray=\"6,4\"");
      int lx = WIDTH - RIGHT + 20;
      s.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\""
                  + " stroke=\"%s\" stroke-width=\"2\"/>%n",
              lx,
              legendY,
              lx + 24,
              legendY,
              color));
      s.append(text(lx + 30, legendY + 4, engine, "start", 12));
      legendY += 20;
    }
    return s.append("</svg>\n").toString();
  }

  private static void line(
      StringBuilder s, Axes axes, Map<Integer, Double> line, String color, String style) {
    if (line == null) {
      return;
    }
    StringBuilder points = new StringBuilder();
    for (Map.Entry<Integer, Double> p : line.entrySet()) {
      double x = axes.x(p.getKey());
      double y = axes.y(p.getValue());
      points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
      s.append(
          String.format(
              Locale.ROOT,
              "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\"" + " fill=\"%s\"/>%n",
              x,
              y,
              color));
    }
    s.append(
        String.format(
            Locale.ROOT,
            "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s/>%n",
            points.toString().strip(),
            color,
            style));
  }

  private static void grid(StringBuilder s, Axes a) {
    for (double e = a.x0; e <= a.x1; e++) {
      double x = a.x(Math.pow(10, e));
      s.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"" + " stroke=\"#ddd\"/>%n",
              x,
              TOP,
              x,
              HEIGHT - BOTTOM));
      s.append(
          text(
              x,
              HEIGHT - BOTTOM + 18,
              String.format(Locale.ROOT, "%,d", (long) Math.pow(10, e)),
              "middle",
              12));
    }
    for (double e = a.y0; e <= a.y1; e++) {
      double y = a.y(Math.pow(10, e));
      s.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"" + " stroke=\"#ddd\"/>%n",
              LEFT,
              y,
              WIDTH - RIGHT,
              y));
      s.append(text(LEFT - 8, y + 4, "1e" + (int) e, "end", 12));
    }
    s.append(text((LEFT + WIDTH - RIGHT) / 2.0, HEIGHT - 20, "policies (N)", "middle", 13));
    s.append(
        String.format(
            Locale.ROOT,
            "<text x=\"20\" y=\"%d\" text-anchor=\"middle\""
                + " font-size=\"13\" transform=\"rotate(-90 20 %d)\">ns/op</text>%n",
            (TOP + HEIGHT - BOTTOM) / 2,
            (TOP + HEIGHT - BOTTOM) / 2));
  }

  private static String text(double x, double y, String text, String anchor, int size) {
    return String.format(
        Locale.ROOT,
        "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\"" + " font-size=\"%d\">%s</text>%n",
        x,
        y,
        anchor,
        size,
        text);
  }

  /** Decade bounds of the two log axes, and the mapping of values to pixels. */
  private record Axes(double x0, double x1, double y0, double y1) {

    Axes {
      x1 = Math.max(x1, x0 + 1);
      y1 = Math.max(y1, y0 + 1);
    }

    double x(double value) {
      return LEFT + (Math.log10(value) - x0) / (x1 - x0) * (WIDTH - LEFT - RIGHT);
    }

    double y(double value) {
      return HEIGHT - BOTTOM - (Math.log10(value) - y0) / (y1 - y0) * (HEIGHT - TOP - BOTTOM);
    }
  }
}

package bd.com.getit.realtime.bench.soak;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The plot of a soak run as one small SVG: a panel per series (RSS, heap after GC, threads, file
 * descriptors, delivery p99) over time, each with its own scale from 0 to its maximum, so that
 * growth shows as a rising line. Plain text, no plotting library.
 */
public final class SoakSvg {

  static final int WIDTH = 720;
  static final int PANEL_HEIGHT = 90;
  static final int LEFT = 70;
  static final int RIGHT = 20;
  static final int TOP = 30;
  static final int GAP = 28;

  /** One plotted series. */
  record Series(String title, String unit, String color, ToDoubleFunction<SoakSample> value) {}

  static final List<Series> SERIES =
      List.of(
          new Series("RSS", "MiB", "#1f77b4", SoakSample::rssMib),
          new Series("heap after full GC", "MiB", "#2ca02c", SoakSample::heapAfterGcMib),
          new Series("threads", "", "#9467bd", s -> s.threads()),
          new Series("open file descriptors", "", "#8c564b", s -> s.fds()),
          new Series("delivery p99 (10 s window)", "ms", "#d62728", SoakSample::p99Ms));

  private SoakSvg() {}

  public static String render(String title, List<SoakSample> samples) {
    if (samples.isEmpty()) {
      throw new IllegalArgumentException("no samples to plot");
    }
    int height = TOP + SERIES.size() * (PANEL_HEIGHT + GAP) + 10;
    double t0 = samples.get(0).seconds();
    double t1 = Math.max(t0 + 1, samples.get(samples.size() - 1).seconds());
    StringBuilder svg = new StringBuilder();
    svg.append(
            String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                    + " viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">%n",
                WIDTH,
                height,
                WIDTH,
                height))
        .append(String.format("<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, height))
        .append(
            String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"18\" font-size=\"13\" font-weight=\"bold\">%s</text>%n",
                LEFT,
                escape(title)));
    int plotWidth = WIDTH - LEFT - RIGHT;
    for (int p = 0; p < SERIES.size(); p++) {
      Series series = SERIES.get(p);
      int top = TOP + p * (PANEL_HEIGHT + GAP) + 14;
      double max = 0;
      for (SoakSample s : samples) {
        double v = series.value().applyAsDouble(s);
        if (!Double.isNaN(v)) {
          max = Math.max(max, v);
        }
      }
      double scale = max > 0 ? max : 1;
      svg.append(
              String.format(
                  Locale.ROOT,
                  "<text x=\"%d\" y=\"%d\" fill=\"%s\">%s%s</text>%n",
                  LEFT,
                  top - 4,
                  series.color(),
                  escape(series.title()),
                  series.unit().isEmpty() ? "" : " (" + series.unit() + ")"))
          .append(
              String.format(
                  Locale.ROOT,
                  "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\""
                      + " stroke=\"#bbb\"/>%n",
                  LEFT,
                  top,
                  plotWidth,
                  PANEL_HEIGHT))
          .append(
              String.format(
                  Locale.ROOT,
                  "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n",
                  LEFT - 4,
                  top + 10,
                  number(max)))
          .append(
              String.format(
                  Locale.ROOT,
                  "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">0</text>%n",
                  LEFT - 4,
                  top + PANEL_HEIGHT));
      StringBuilder points = new StringBuilder();
      for (SoakSample s : samples) {
        double v = series.value().applyAsDouble(s);
        if (Double.isNaN(v)) {
          continue;
        }
        double x = LEFT + (s.seconds() - t0) / (t1 - t0) * plotWidth;
        double y = top + PANEL_HEIGHT - v / scale * PANEL_HEIGHT;
        if (points.length() > 0) {
          points.append(' ');
        }
        points.append(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
      }
      svg.append(
          String.format(
              Locale.ROOT,
              "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\" points=\"%s\"/>%n",
              series.color(),
              points));
    }
    int bottom = TOP + SERIES.size() * (PANEL_HEIGHT + GAP) - GAP + 14 + 12;
    svg.append(
            String.format(
                Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", LEFT, bottom, minutes(t0)))
        .append(
            String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n",
                WIDTH - RIGHT,
                bottom,
                minutes(t1)))
        .append("</svg>\n");
    return svg.toString();
  }

  private static String minutes(double seconds) {
    return String.format(Locale.ROOT, "%.0f min", seconds / 60);
  }

  static String number(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}

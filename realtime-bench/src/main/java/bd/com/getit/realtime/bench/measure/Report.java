package bd.com.getit.realtime.bench.measure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * The numbers of one scenario run against one server: printed as they come, and appended to a
 * results file (tab-separated: server, scenario, metric, value, unit, which direction is better)
 * that {@link ResultsTable} turns into the comparison table.
 */
public final class Report {

  public static final String LOWER = "lower";
  public static final String HIGHER = "higher";
  public static final String ZERO = "zero";

  private final String server;
  private final String scenario;
  private final Path out;
  private final java.util.Map<String, Double> values =
      new java.util.concurrent.ConcurrentHashMap<>();

  public Report(String server, String scenario, Path out) {
    this.server = server;
    this.scenario = scenario;
    this.out = out;
  }

  public void put(String metric, double value, String unit, String better) {
    values.put(metric, value);
    String shown = format(value);
    System.out.printf(Locale.ROOT, "  %-34s %14s %s%n", metric, shown, unit);
    if (out == null) {
      return;
    }
    String line = String.join("\t", server, scenario, metric, shown, unit, better) + "\n";
    try {
      Files.writeString(
          out, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + out, e);
    }
  }

  /** The last value put for {@code metric}, or NaN. */
  public double value(String metric) {
    return values.getOrDefault(metric, Double.NaN);
  }

  /** A note for the reader only (not in the results file). */
  public void note(String text) {
    System.out.println("  # " + text);
  }

  static String format(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%.1f" : "%.3f", value);
  }
}

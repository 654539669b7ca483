package bd.com.getit.realtime.bench.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a results file into a Markdown table: one row per scenario and metric, one column per
 * server, and the ratio of ours to the baseline's.
 */
public final class ResultsTable {

  private ResultsTable() {}

  /**
   * @param ours the server label of this project's server (e.g. {@code java})
   * @param baseline the label of the server compared with (e.g. {@code node})
   */
  public static String markdown(Path results, String ours, String baseline) throws IOException {
    Map<String, Row> rows = new LinkedHashMap<>();
    for (String line : Files.readAllLines(results)) {
      String[] f = line.split("\t");
      if (f.length < 6) {
        continue;
      }
      Row row = rows.computeIfAbsent(f[1] + "\t" + f[2], k -> new Row(f[1], f[2], f[4], f[5]));
      if (f[0].equals(ours)) {
        row.ours = f[3];
      } else if (f[0].equals(baseline)) {
        row.baseline = f[3];
      }
    }
    StringBuilder md = new StringBuilder();
    md.append("| scenario | metric | unit | ")
        .append(ours)
        .append(" | ")
        .append(baseline)
        .append(" | ")
        .append(ours)
        .append(" / ")
        .append(baseline)
        .append(" | better |\n");
    md.append("|---|---|---|---:|---:|---:|---|\n");
    for (Row row : rows.values()) {
      md.append("| ")
          .append(String.join(" | ", List.of(row.scenario, row.metric, row.unit)))
          .append(" | ")
          .append(row.ours == null ? "-" : row.ours)
          .append(" | ")
          .append(row.baseline == null ? "-" : row.baseline)
          .append(" | ")
          .append(ratio(row.ours, row.baseline))
          .append(" | ")
          .append(row.better)
          .append(" |\n");
    }
    return md.toString();
  }

  private static String ratio(String ours, String baseline) {
    if (ours == null || baseline == null) {
      return "-";
    }
    double a = Double.parseDouble(ours);
    double b = Double.parseDouble(baseline);
    if (b == 0) {
      return a == 0 ? "=" : "-";
    }
    return String.format(Locale.ROOT, "%.2f", a / b);
  }

  private static final class Row {
    final String scenario;
    final String metric;
    final String unit;
    final String better;
    String ours;
    String baseline;

    Row(String scenario, String metric, String unit, String better) {
      this.scenario = scenario;
      this.metric = metric;
      this.unit = unit;
      this.better = better;
    }
  }
}

package bd.com.getit.realtime.bench.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The performance targets of issue 12, checked against one results file: for each target the figure
 * of our server, of the baseline, their ratio and a verdict. Written next to the run's table by
 * {@code run.sh}, so a comparison run says at once which targets it meets, with no figure copied by
 * hand.
 */
public final class Targets {

  /** How a target judges one metric. */
  public sealed interface Rule {
    /** The verdict for our figure and the baseline's (NaN when the rule needs none). */
    Verdict judge(double ours, double baseline);

    /** Whether the verdict needs the baseline's figure. */
    default boolean needsBaseline() {
      return true;
    }

    /** The rule as the table's second column shows it. */
    String describe();

    /** Ours at most {@code limit} times the baseline's (a lower-is-better figure). */
    record RatioAtMost(double limit) implements Rule {
      @Override
      public Verdict judge(double ours, double baseline) {
        return Verdict.of(ours <= limit * baseline);
      }

      @Override
      public String describe() {
        return String.format(Locale.ROOT, "<= %.2f x baseline", limit);
      }
    }

    /** Ours no worse than the baseline's, and at most {@code cap} when a cap is given. */
    record NoWorse(Optional<Double> cap) implements Rule {
      @Override
      public Verdict judge(double ours, double baseline) {
        return Verdict.of(ours <= baseline && cap.map(c -> ours <= c).orElse(true));
      }

      @Override
      public String describe() {
        return cap.map(c -> "<= baseline, <= " + number(c)).orElse("<= baseline");
      }
    }

    /** Ours at most {@code limit}, whatever the baseline's. */
    record AtMost(double limit) implements Rule {
      @Override
      public Verdict judge(double ours, double baseline) {
        return Verdict.of(ours <= limit);
      }

      @Override
      public boolean needsBaseline() {
        return false;
      }

      @Override
      public String describe() {
        return "<= " + number(limit);
      }
    }

    /** Ours exactly zero. */
    record Zero() implements Rule {
      @Override
      public Verdict judge(double ours, double baseline) {
        return Verdict.of(ours == 0);
      }

      @Override
      public boolean needsBaseline() {
        return false;
      }

      @Override
      public String describe() {
        return "0";
      }
    }

    /** Both shown, no verdict: a figure the issue wants side by side. */
    record SideBySide() implements Rule {
      @Override
      public Verdict judge(double ours, double baseline) {
        return Verdict.SHOWN;
      }

      @Override
      public boolean needsBaseline() {
        return false;
      }

      @Override
      public String describe() {
        return "side by side";
      }
    }
  }

  /** One line of the table: which metric of which scenario, and how it is judged. */
  public record Target(String what, String scenario, String metric, Rule rule) {}

  /** The verdict on one target in one run. */
  public enum Verdict {
    MET("met"),
    MISSED("missed"),
    NOT_MEASURED("not measured"),
    SHOWN("");

    private final String label;

    Verdict(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    static Verdict of(boolean met) {
      return met ? MET : MISSED;
    }
  }

  private static final Rule HALF = new Rule.RatioAtMost(0.5);
  private static final Rule THIRD = new Rule.RatioAtMost(1.0 / 3);
  private static final Rule NO_WORSE = new Rule.NoWorse(Optional.empty());
  private static final Rule ZERO = new Rule.Zero();

  /** Issue 12's targets, in the order of its "What to reach". */
  public static final List<Target> ISSUE_12 =
      List.of(
          new Target("chat: CPU per message", "chat", "server_cpu_per_msg_us", HALF),
          new Target(
              "many-channels: CPU per delivery", "many-channels", "server_cpu_per_msg_us", HALF),
          new Target(
              "many-channels-rest: CPU per delivery",
              "many-channels-rest",
              "server_cpu_per_msg_us",
              HALF),
          new Target(
              "few-channels-rest: CPU per delivery",
              "few-channels-rest",
              "server_cpu_per_msg_us",
              HALF),
          new Target("fanout 5/s: CPU per delivery", "fanout", "r5_server_cpu_per_msg_us", HALF),
          new Target(
              "fanout-rest 5/s: CPU per delivery", "fanout-rest", "r5_server_cpu_per_msg_us", HALF),
          new Target(
              "fanout 50/s: CPU per delivery (1/3)", "fanout", "r50_server_cpu_per_msg_us", THIRD),
          new Target(
              "fanout-rest 50/s: CPU per delivery (1/3)",
              "fanout-rest",
              "r50_server_cpu_per_msg_us",
              THIRD),
          new Target("cluster 5/s: CPU per delivery", "cluster", "r5_server_cpu_per_msg_us", HALF),
          new Target(
              "cluster 50/s: CPU per delivery", "cluster", "r50_server_cpu_per_msg_us", HALF),
          new Target(
              "chat: ack p99 (and at most 5 ms)",
              "chat",
              "ack_p99_ms",
              new Rule.NoWorse(Optional.of(5.0))),
          new Target("chat: ack p99.9", "chat", "ack_p999_ms", NO_WORSE),
          new Target("chat: delivery p99", "chat", "delivery_p99_ms", NO_WORSE),
          new Target("many-channels: p99", "many-channels", "latency_p99_ms", NO_WORSE),
          new Target("many-channels: p99.9", "many-channels", "latency_p999_ms", NO_WORSE),
          new Target("many-channels-rest: p99", "many-channels-rest", "latency_p99_ms", NO_WORSE),
          new Target(
              "many-channels-rest: p99.9", "many-channels-rest", "latency_p999_ms", NO_WORSE),
          new Target("few-channels-rest: p99", "few-channels-rest", "latency_p99_ms", NO_WORSE),
          new Target("few-channels-rest: p99.9", "few-channels-rest", "latency_p999_ms", NO_WORSE),
          new Target("fanout 5/s: p99", "fanout", "r5_latency_p99_ms", NO_WORSE),
          new Target("fanout 5/s: p99.9", "fanout", "r5_latency_p999_ms", NO_WORSE),
          new Target("fanout 50/s: p99", "fanout", "r50_latency_p99_ms", NO_WORSE),
          new Target("fanout 50/s: p99.9", "fanout", "r50_latency_p999_ms", NO_WORSE),
          new Target("fanout-rest 5/s: p99", "fanout-rest", "r5_latency_p99_ms", NO_WORSE),
          new Target("fanout-rest 5/s: p99.9", "fanout-rest", "r5_latency_p999_ms", NO_WORSE),
          new Target("fanout-rest 50/s: p99", "fanout-rest", "r50_latency_p99_ms", NO_WORSE),
          new Target("fanout-rest 50/s: p99.9", "fanout-rest", "r50_latency_p999_ms", NO_WORSE),
          new Target("cluster 5/s: p99", "cluster", "r5_latency_p99_ms", NO_WORSE),
          new Target("cluster 5/s: p99.9", "cluster", "r5_latency_p999_ms", NO_WORSE),
          new Target("cluster 50/s: p99", "cluster", "r50_latency_p99_ms", NO_WORSE),
          new Target("cluster 50/s: p99.9", "cluster", "r50_latency_p999_ms", NO_WORSE),
          new Target("CPU per handshake (warm)", "connections", "cpu_per_handshake_us", HALF),
          new Target(
              "RSS per idle socket at 19,000 (KiB)",
              "connections",
              "rss_per_socket_kib",
              new Rule.AtMost(10)),
          new Target(
              "fresh server RSS (MiB)", "connections", "rss_before_mib", new Rule.AtMost(100)),
          new Target("chat: lost", "chat", "lost", ZERO),
          new Target("many-channels: lost", "many-channels", "lost", ZERO),
          new Target("many-channels: out of order", "many-channels", "out_of_order", ZERO),
          new Target("fanout: lost", "fanout", "lost_total", ZERO),
          new Target("fanout: out of order", "fanout", "out_of_order_total", ZERO),
          new Target("cluster: lost", "cluster", "lost_total", ZERO),
          new Target("cluster: out of order", "cluster", "out_of_order_total", ZERO),
          new Target(
              "chat ceiling (messages/s, ack p99 <= 50 ms)",
              "chat-ceiling",
              "ceiling_msgs_per_s",
              new Rule.SideBySide()),
          new Target(
              "fanout ceiling (deliveries/s, no loss, no backlog)",
              "fanout-ceiling",
              "ceiling_delivered_per_s",
              new Rule.SideBySide()));

  private Targets() {}

  /** The verdict on {@code rule} for our figure and the baseline's (null: not in the results). */
  public static Verdict judge(Rule rule, Double ours, Double baseline) {
    if (ours == null || (baseline == null && rule.needsBaseline())) {
      return Verdict.NOT_MEASURED;
    }
    return rule.judge(ours, baseline == null ? Double.NaN : baseline);
  }

  /**
   * The Markdown table of {@link #ISSUE_12} for the servers labelled {@code ours} and {@code
   * baseline}.
   */
  public static String markdown(Path results, String ours, String baseline) throws IOException {
    Map<String, Double> figures = new HashMap<>();
    for (String line : Files.readAllLines(results)) {
      String[] f = line.split("\t");
      if (f.length >= 4 && (f[0].equals(ours) || f[0].equals(baseline))) {
        figures.put(f[0] + "\t" + f[1] + "\t" + f[2], Double.parseDouble(f[3]));
      }
    }
    StringBuilder md = new StringBuilder();
    md.append("| target | rule | ")
        .append(ours)
        .append(" | ")
        .append(baseline)
        .append(" | ratio | verdict |\n|---|---|---:|---:|---:|---|\n");
    int met = 0;
    int judged = 0;
    for (Target target : ISSUE_12) {
      Double a = figures.get(ours + "\t" + target.scenario() + "\t" + target.metric());
      Double b = figures.get(baseline + "\t" + target.scenario() + "\t" + target.metric());
      Verdict verdict = judge(target.rule(), a, b);
      if (verdict == Verdict.MET || verdict == Verdict.MISSED) {
        judged++;
        met += verdict == Verdict.MET ? 1 : 0;
      }
      md.append("| ")
          .append(target.what())
          .append(" | ")
          .append(target.rule().describe())
          .append(" | ")
          .append(number(a))
          .append(" | ")
          .append(number(b))
          .append(" | ")
          .append(
              a == null || b == null || b == 0 ? "-" : String.format(Locale.ROOT, "%.2f", a / b))
          .append(" | ")
          .append(verdict == Verdict.MET ? "**met**" : verdict.label())
          .append(" |\n");
    }
    md.append("\n").append(met).append(" of ").append(judged).append(" judged targets met.\n");
    return md.toString();
  }

  private static String number(Double value) {
    if (value == null) {
      return "-";
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e9) {
      return String.format(Locale.ROOT, "%d", value.longValue());
    }
    return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%.0f" : "%.3g", value);
  }
}

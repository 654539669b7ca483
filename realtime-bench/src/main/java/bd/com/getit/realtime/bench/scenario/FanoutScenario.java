package bd.com.getit.realtime.bench.scenario;

import bd.com.getit.realtime.bench.client.Tokens;
import bd.com.getit.realtime.bench.measure.Latency;
import bd.com.getit.realtime.bench.measure.ProcStats;
import bd.com.getit.realtime.bench.measure.Report;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code fanout}: one channel, 5,000 subscribers, publishes at 5 then 50 a second (25,000 and
 * 250,000 deliveries a second). Per rate: deliveries a second, latency from publish to receipt,
 * server CPU per delivered message, and messages lost. {@code cluster} is the same spread over
 * several nodes (subscribers round-robin, the publisher on the first).
 */
final class FanoutScenario implements Scenario {

  static final String CHANNEL = "product:bench-fanout";

  /** The p99 a fanout rate must keep to count as sustained rather than building a backlog. */
  static final double CEILING_P99_MS = 1_000;

  private final boolean cluster;
  private final boolean ceiling;

  /**
   * {@code ceiling}: after the warm-up, climb through publish rates until one is not delivered in
   * full and on time, instead of the two fixed rates.
   */
  FanoutScenario(boolean cluster, boolean ceiling) {
    this.cluster = cluster;
    this.ceiling = ceiling;
  }

  @Override
  public String name() {
    return (cluster ? "cluster" : "fanout") + (ceiling ? "-ceiling" : "");
  }

  @Override
  public void run(BenchOptions o, Report report) throws Exception {
    if (cluster && o.targets().size() < 2) {
      report.note(
          "cluster needs the Redis adapter: start three nodes sharing Redis and pass"
              + " --target url1,url2,url3 --pid pid1,pid2,pid3 (run.sh does once it is merged)");
      return;
    }
    int subscribers = o.param("subscribers", 5_000, 500);
    int seconds = o.param("seconds", 30, 5);
    int[] rates = {o.param("rate1", 5, 5), o.param("rate2", 50, 50)};
    ProcStats server = new ProcStats(o.serverPids());
    Tokens tokens = new Tokens(o.secret());
    List<String> jwt = new ArrayList<>(subscribers);
    for (int i = 0; i < subscribers; i++) {
      jwt.add(tokens.token("f" + i, "customer"));
    }
    report.note(
        String.format(
            Locale.ROOT,
            "%d subscribers on %d node(s), %d s at %d/s and %d/s, publish over %s",
            subscribers,
            o.targets().size(),
            seconds,
            rates[0],
            rates[1],
            o.publish()));
    Receivers receivers = new Receivers(Publisher.EVENT);
    try (Fleet fleet = new Fleet(o.loops())) {
      Fleet.Opened opened =
          fleet.connect(
              subscribers,
              i -> o.targets().get(i % o.targets().size()),
              jwt::get,
              receivers,
              200,
              120);
      int connected = opened.connections().size();
      report.put("subscribers", connected, "sockets", Report.HIGHER);
      int refused = Joins.join(opened.connections(), c -> CHANNEL);
      report.put("join_refused", refused, "sockets", Report.ZERO);
      long subscribed = connected - refused;
      Publisher publisher = Publishers.open(o, fleet, tokens);
      long[] seq = {0};
      long totalAccepted = 0;
      // Warm-up at the lower rate (JIT, buffers; a backlog must not spill into the first phase);
      // counted for loss, not for latency or CPU. 10 s as the other scenarios: with 5 s the JIT
      // compilers still used about a third of the Java server's CPU in the first measured phase.
      totalAccepted +=
          phase(
              o,
              publisher,
              receivers,
              server,
              subscribed,
              rates[0],
              o.quick() ? 1 : 10,
              seq,
              null,
              null);
      if (ceiling) {
        totalAccepted += climb(o, publisher, receivers, server, subscribed, seq, report);
      } else {
        for (int rate : rates) {
          totalAccepted +=
              phase(
                  o,
                  publisher,
                  receivers,
                  server,
                  subscribed,
                  rate,
                  seconds,
                  seq,
                  report,
                  "r" + rate);
        }
      }
      long expected = totalAccepted * subscribed;
      long received = receivers.awaitReceived(expected, 5);
      report.put("lost_total", expected - received, "messages", Report.ZERO);
      report.put("out_of_order_total", receivers.outOfOrder(), "messages", Report.ZERO);
      report.put("closed_by_server", fleet.closedAfterConnect(), "sockets", Report.ZERO);
      if (fleet.closedAfterConnect() > 0 || opened.failed() > 0) {
        report.note("failures:" + fleet.reasons());
      }
      if (!server.isEmpty()) {
        report.put("peak_rss_mib", server.peakRssBytes() / 1048576.0, "MiB", Report.LOWER);
      }
      publisher.close();
    }
  }

  /**
   * Raises the publish rate step by step until a step loses a delivery or its p99 passes {@value
   * #CEILING_P99_MS} ms (a backlog): the deliveries a second of the highest step that passed are
   * the ceiling. Returns the publishes accepted.
   */
  private static long climb(
      BenchOptions o,
      Publisher publisher,
      Receivers receivers,
      ProcStats server,
      long subscribed,
      long[] seq,
      Report report)
      throws InterruptedException {
    int stepSeconds = o.param("step-seconds", 10, 3);
    long accepted = 0;
    double best = 0;
    for (int rate : new int[] {50, 100, 150, 200, 300, 400, 600, 800}) {
      boolean passed = false;
      Report step = null;
      // A step that fails is tried once more: one stall of a shared machine must not end the climb.
      for (int attempt = 0; attempt < 2 && !passed; attempt++) {
        long received0 = receivers.received();
        step = new Report("step", "step", null); // printed, not written: read back below
        long stepAccepted =
            phase(o, publisher, receivers, server, subscribed, rate, stepSeconds, seq, step, "s");
        accepted += stepAccepted;
        long lost = stepAccepted * subscribed - (receivers.received() - received0);
        double p99 = step.value("s_latency_p99_ms");
        passed = lost <= 0 && step.value("s_publish_unacked") == 0 && p99 <= CEILING_P99_MS;
        report.note(
            String.format(
                Locale.ROOT,
                "step %d/s (%d deliveries/s): p99 %.1f ms, lost %d: %s",
                rate,
                rate * subscribed,
                p99,
                Math.max(0, lost),
                passed ? "passed" : "failed"));
      }
      if (!passed) {
        break;
      }
      best = step.value("s_delivered_per_s");
    }
    report.put("ceiling_delivered_per_s", best, "msg/s", Report.HIGHER);
    return accepted;
  }

  /**
   * Publishes at {@code rate} for {@code seconds}, waits for delivery, reports; returns accepted.
   */
  private static long phase(
      BenchOptions o,
      Publisher publisher,
      Receivers receivers,
      ProcStats server,
      long subscribed,
      int rate,
      int seconds,
      long[] seq,
      Report report,
      String prefix)
      throws InterruptedException {
    long received0 = receivers.received();
    long cpu0 = server.isEmpty() ? 0 : server.cpuNanos();
    long self0 = ProcStats.self().cpuNanos();
    receivers.latency().interval(); // start this phase's histogram
    Pacer.Paced paced =
        Pacer.run(rate, seconds, i -> publisher.publish(CHANNEL, seq[0]++).toCompletableFuture());
    long expected = paced.accepted() * subscribed;
    long delivered = receivers.awaitReceived(received0 + expected, 3) - received0;
    long cpu1 = server.isEmpty() ? 0 : server.cpuNanos();
    long self1 = ProcStats.self().cpuNanos();
    if (report == null) {
      return paced.accepted();
    }
    double publishSeconds = paced.nanos() / 1e9;
    report.put(prefix + "_published", paced.attempted(), "events", Report.HIGHER);
    report.put(prefix + "_accepted", paced.accepted(), "events", Report.HIGHER);
    report.put(prefix + "_delivered_per_s", delivered / publishSeconds, "msg/s", Report.HIGHER);
    report.put(prefix + "_publish_unacked", paced.unresolved(), "events", Report.ZERO);
    Latency.report(report, prefix + "_latency", receivers.latency().interval());
    if (!server.isEmpty() && delivered > 0) {
      report.put(
          prefix + "_server_cpu_per_msg_us",
          (cpu1 - cpu0) / 1000.0 / delivered,
          "us",
          Report.LOWER);
      report.put(
          prefix + "_server_cpu_util",
          (cpu1 - cpu0) / (double) paced.nanos(),
          "cores",
          Report.LOWER);
    }
    if (delivered > 0) {
      report.put(
          prefix + "_loadgen_cpu_per_msg_us",
          (self1 - self0) / 1000.0 / delivered,
          "us",
          Report.LOWER);
    }
    return paced.accepted();
  }
}

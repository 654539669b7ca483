package bd.com.getit.realtime.bench.scenario;

import bd.com.getit.realtime.bench.client.Tokens;
import bd.com.getit.realtime.bench.measure.Latency;
import bd.com.getit.realtime.bench.measure.ProcStats;
import bd.com.getit.realtime.bench.measure.Report;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code many-channels}: 2,000 small channels of 5 subscribers each (10,000 sockets, one channel
 * each), publishes spread round-robin over the channels at 1,000 a second: the cost of many small
 * fanouts rather than one big one.
 */
final class ManyChannelsScenario implements Scenario {

  /** The scenario's fixed size: channels, subscribers per channel and publishes a second. */
  record Shape(String name, int channels, int perChannel, int rate) {}

  /** 2,000 channels x 5 subscribers at 1,000 publishes a second: many tiny fanouts. */
  static final Shape MANY_SMALL = new Shape("many-channels", 2_000, 5, 1_000);

  /**
   * 20 channels x 100 subscribers at 200 publishes a second: what a service publishing prices and
   * stock over REST to busy product pages looks like.
   */
  static final Shape FEW_WIDE = new Shape("few-channels", 20, 100, 200);

  private final Shape shape;

  ManyChannelsScenario(Shape shape) {
    this.shape = shape;
  }

  @Override
  public String name() {
    return shape.name();
  }

  @Override
  public void run(BenchOptions o, Report report) throws Exception {
    int channels = o.param("channels", shape.channels(), Math.max(1, shape.channels() / 10));
    int perChannel = o.param("per-channel", shape.perChannel(), shape.perChannel());
    int rate = o.param("rate", shape.rate(), Math.min(200, shape.rate()));
    int seconds = o.param("seconds", 30, 5);
    int sockets = channels * perChannel;
    ProcStats server = new ProcStats(o.serverPids());
    Tokens tokens = new Tokens(o.secret());
    List<String> jwt = new ArrayList<>(sockets);
    for (int i = 0; i < sockets; i++) {
      jwt.add(tokens.token("m" + i, "customer"));
    }
    report.note(
        channels
            + " channels x "
            + perChannel
            + " subscribers, "
            + rate
            + "/s for "
            + seconds
            + " s");
    Receivers receivers = new Receivers(Publisher.EVENT);
    try (Fleet fleet = new Fleet(o.loops())) {
      Fleet.Opened opened =
          fleet.connect(sockets, i -> o.targets().get(0), jwt::get, receivers, 200, 180);
      report.put("subscribers", opened.connections().size(), "sockets", Report.HIGHER);
      int base = opened.connections().isEmpty() ? 0 : opened.connections().get(0).index();
      int refused = Joins.join(opened.connections(), c -> channel((c.index() - base) % channels));
      report.put("join_refused", refused, "sockets", Report.ZERO);
      // Subscribers per channel as joined, so that a refused join is not counted as a loss.
      int[] subscribed = new int[channels];
      for (var c : opened.connections()) {
        subscribed[(c.index() - base) % channels]++;
      }
      Publisher publisher = Publishers.open(o, fleet, tokens);
      long[] seq = new long[channels];
      // Warm-up at the same rate, not measured (JIT, buffers): both servers alike.
      paced(
          o.param("warmup-seconds", 10, 2), rate, channels, publisher, seq, subscribed, receivers);
      receivers.latency().interval(); // the measured phase's histogram starts here
      long cpu0 = server.isEmpty() ? 0 : server.cpuNanos();
      long received0 = receivers.received();
      long[] expected = {0};
      Pacer.Paced paced = paced(seconds, rate, channels, publisher, seq, subscribed, expected);
      long want;
      synchronized (expected) {
        want = expected[0];
      }
      long delivered = receivers.awaitReceived(received0 + want, 5) - received0;
      long cpu1 = server.isEmpty() ? 0 : server.cpuNanos();
      report.put("published", paced.attempted(), "events", Report.HIGHER);
      report.put("accepted", paced.accepted(), "events", Report.HIGHER);
      report.put("publish_unacked", paced.unresolved(), "events", Report.ZERO);
      report.put("delivered_per_s", delivered / (paced.nanos() / 1e9), "msg/s", Report.HIGHER);
      report.put("lost", want - delivered, "messages", Report.ZERO);
      report.put("out_of_order", receivers.outOfOrder(), "messages", Report.ZERO);
      Latency.report(report, "latency", receivers.latency().interval());
      if (!server.isEmpty() && delivered > 0) {
        report.put("server_cpu_per_msg_us", (cpu1 - cpu0) / 1000.0 / delivered, "us", Report.LOWER);
        report.put("peak_rss_mib", server.peakRssBytes() / 1048576.0, "MiB", Report.LOWER);
      }
      report.put("closed_by_server", fleet.closedAfterConnect(), "sockets", Report.ZERO);
      if (fleet.closedAfterConnect() > 0 || opened.failed() > 0) {
        report.note("failures:" + fleet.reasons());
      }
      publisher.close();
    }
  }

  /**
   * Publishes round-robin for {@code seconds}; adds the deliveries to expect to {@code expected}.
   */
  private static Pacer.Paced paced(
      int seconds,
      int rate,
      int channels,
      Publisher publisher,
      long[] seq,
      int[] subscribed,
      long[] expected)
      throws InterruptedException {
    return Pacer.run(
        rate,
        seconds,
        i -> {
          int ch = (int) (i % channels);
          return publisher
              .publish(channel(ch), seq[ch]++)
              .toCompletableFuture()
              .thenApply(
                  ok -> {
                    if (ok) {
                      synchronized (expected) {
                        expected[0] += subscribed[ch];
                      }
                    }
                    return ok;
                  });
        });
  }

  /** The warm-up: publishes and waits until its deliveries have arrived (or stopped arriving). */
  private static void paced(
      int seconds,
      int rate,
      int channels,
      Publisher publisher,
      long[] seq,
      int[] subscribed,
      Receivers receivers)
      throws InterruptedException {
    long received0 = receivers.received();
    long[] expected = {0};
    paced(seconds, rate, channels, publisher, seq, subscribed, expected);
    long want;
    synchronized (expected) {
      want = expected[0];
    }
    receivers.awaitReceived(received0 + want, 3);
  }

  private static String channel(int i) {
    return "product:mc-" + i;
  }
}

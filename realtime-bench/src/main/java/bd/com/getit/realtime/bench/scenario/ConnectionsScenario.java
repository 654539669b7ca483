package bd.com.getit.realtime.bench.scenario;

import bd.com.getit.realtime.bench.client.SioListener;
import bd.com.getit.realtime.bench.client.Tokens;
import bd.com.getit.realtime.bench.measure.Latency;
import bd.com.getit.realtime.bench.measure.ProcStats;
import bd.com.getit.realtime.bench.measure.Report;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code connections}: opens N signed-in sockets (19,000; a process here may hold 20,000 files),
 * holds them idle, and measures the connection rate, failures, handshake latency, server CPU per
 * handshake and resident memory per idle socket.
 */
final class ConnectionsScenario implements Scenario {

  @Override
  public String name() {
    return "connections";
  }

  @Override
  public void run(BenchOptions o, Report report) throws Exception {
    int sockets = o.param("sockets", 19_000, 2_000);
    int holdSeconds = o.param("hold", 15, 3);
    ProcStats server = new ProcStats(o.serverPids());
    Tokens tokens = new Tokens(o.secret());
    List<String> jwt = new ArrayList<>(sockets);
    for (int i = 0; i < sockets; i++) {
      jwt.add(tokens.token("c" + i, "customer"));
    }
    report.note(sockets + " sockets, held " + holdSeconds + " s");
    // RSS is taken before the warm-up: the server's fixed costs count against it, never for it.
    long rss0 = server.isEmpty() ? 0 : server.rssBytes();
    // 10,000 connects: the JVM's compilers are still at work after 1,000 (three runs of 5,000 on
    // one server cost 1,124, 668 and 558 us each, 2026-12-07); both servers get the same warm-up.
    warmUp(o, tokens, o.param("warmup", 10_000, 1_000));
    try (Fleet fleet = new Fleet(o.loops())) {
      long cpu0 = server.isEmpty() ? 0 : server.cpuNanos();
      Fleet.Opened opened =
          fleet.connect(sockets, i -> o.targets().get(0), jwt::get, new SioListener() {}, 200, 120);
      long cpu1 = server.isEmpty() ? 0 : server.cpuNanos();
      int connected = opened.connections().size();
      report.put("connected", connected, "sockets", Report.HIGHER);
      report.put("failed", opened.failed(), "sockets", Report.ZERO);
      report.put("connect_rate", connected / (opened.nanos() / 1e9), "sockets/s", Report.HIGHER);
      Latency.report(report, "handshake", fleet.handshakes().interval());
      Thread.sleep(holdSeconds * 1000L); // idle hold: the point is to measure nothing happening
      int live = fleet.liveCount();
      report.put("dropped_while_idle", connected - live, "sockets", Report.ZERO);
      if (!server.isEmpty() && connected > 0) {
        long rss1 = server.rssBytes();
        report.put("cpu_per_handshake_us", (cpu1 - cpu0) / 1000.0 / connected, "us", Report.LOWER);
        report.put("rss_before_mib", rss0 / 1048576.0, "MiB", Report.LOWER);
        report.put("rss_held_mib", rss1 / 1048576.0, "MiB", Report.LOWER);
        report.put("rss_per_socket_kib", (rss1 - rss0) / 1024.0 / connected, "KiB", Report.LOWER);
        report.put("peak_rss_mib", server.peakRssBytes() / 1048576.0, "MiB", Report.LOWER);
      }
      if (opened.failed() > 0 || connected != live) {
        report.note("failures:" + fleet.reasons());
      }
    }
  }

  /**
   * Connects and closes {@code count} sockets so that CPU per handshake is measured on a warm
   * server (JIT compiled), for both servers alike.
   */
  private static void warmUp(BenchOptions o, Tokens tokens, int count) throws InterruptedException {
    if (count <= 0) {
      return;
    }
    try (Fleet warm = new Fleet(o.loops())) {
      warm.connect(
          count,
          i -> o.targets().get(0),
          i -> tokens.token("w" + i, "customer"),
          new SioListener() {},
          200,
          120);
    }
    Thread.sleep(2000); // lets the server finish the disconnects before CPU is measured
  }
}

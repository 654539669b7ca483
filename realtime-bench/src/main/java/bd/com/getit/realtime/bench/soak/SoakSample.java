package bd.com.getit.realtime.bench.soak;

import java.util.List;
import java.util.Locale;

/**
 * One sample of a soak run: the server process and the traffic over the last window. Memory in MiB,
 * latencies in milliseconds; {@code heapAfterGcMib} is NaN until the first forced full GC.
 */
public record SoakSample(
    double seconds,
    double rssMib,
    double heapUsedMib,
    double heapAfterGcMib,
    int threads,
    int fds,
    int serverSockets,
    int clientEventsWaiting,
    int liveClients,
    long deliveries,
    double p50Ms,
    double p99Ms,
    double ackP99Ms,
    long errors) {

  public static final List<String> COLUMNS =
      List.of(
          "t_s",
          "rss_mib",
          "heap_used_mib",
          "heap_after_gc_mib",
          "threads",
          "fds",
          "server_sockets",
          "client_events_waiting",
          "live_clients",
          "deliveries",
          "delivery_p50_ms",
          "delivery_p99_ms",
          "ack_p99_ms",
          "errors_total");

  public static String header() {
    return String.join("\t", COLUMNS);
  }

  /** One TSV line, in the order of {@link #COLUMNS}. */
  public String tsv() {
    return String.format(
        Locale.ROOT,
        "%.0f\t%.1f\t%.1f\t%.1f\t%d\t%d\t%d\t%d\t%d\t%d\t%.2f\t%.2f\t%.2f\t%d",
        seconds,
        rssMib,
        heapUsedMib,
        heapAfterGcMib,
        threads,
        fds,
        serverSockets,
        clientEventsWaiting,
        liveClients,
        deliveries,
        p50Ms,
        p99Ms,
        ackP99Ms,
        errors);
  }
}

package bd.com.getit.realtime.bench.scenario;

import bd.com.getit.realtime.bench.client.SioConnection;
import bd.com.getit.realtime.bench.client.Tokens;
import bd.com.getit.realtime.bench.measure.Latency;
import bd.com.getit.realtime.bench.measure.ProcStats;
import bd.com.getit.realtime.bench.measure.Report;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * {@code chat}: 1,000 pairs of users, each pair in its own room (created with {@code POST
 * /chat/rooms}), each user sending one {@code send_message} a second with an ack to the other.
 * Measures the ack round trip, the latency from send to the partner's receipt, server CPU per
 * message and messages lost (acknowledged but not received).
 */
final class ChatScenario implements Scenario {

  private static final Pattern ROOM_ID = Pattern.compile("\"room_id\"\\s*:\\s*\"([^\"]+)\"");

  /** The ack p99 a chat rate must keep to count as sustained. */
  static final double CEILING_ACK_P99_MS = 50;

  private final boolean ceiling;

  /** {@code ceiling}: climb to the highest rate the server sustains instead of one fixed rate. */
  ChatScenario(boolean ceiling) {
    this.ceiling = ceiling;
  }

  @Override
  public String name() {
    return ceiling ? "chat-ceiling" : "chat";
  }

  @Override
  public void run(BenchOptions o, Report report) throws Exception {
    int pairs = o.param("pairs", 1_000, 100);
    int seconds = o.param("seconds", 30, 5);
    int users = pairs * 2;
    ProcStats server = new ProcStats(o.serverPids());
    Tokens tokens = new Tokens(o.secret());
    List<String> jwt = new ArrayList<>(users);
    for (int i = 0; i < users; i++) {
      jwt.add(tokens.token(user(i), "customer"));
    }
    List<String> rooms = createRooms(o, pairs, jwt);
    if (rooms == null) {
      return;
    }
    report.note(pairs + " pairs, one message a second each, for " + seconds + " s");
    Receivers receivers = new Receivers("message");
    Latency acks = new Latency();
    try (Fleet fleet = new Fleet(o.loops())) {
      Fleet.Opened opened =
          fleet.connect(users, i -> o.targets().get(0), jwt::get, receivers, 200, 120);
      report.put("users", opened.connections().size(), "sockets", Report.HIGHER);
      Map<Integer, SioConnection> byUser = new HashMap<>();
      for (SioConnection c : opened.connections()) {
        byUser.put(c.index(), c);
      }
      int refused = Joins.join(opened.connections(), c -> "chat:" + rooms.get(c.index() / 2));
      report.put("join_refused", refused, "sockets", Report.ZERO);
      if (ceiling) {
        climb(o, report, users, byUser, rooms, receivers, acks, server);
      } else {
        long[] seqs = new long[users];
        // Warm-up at the same rate, not measured (JIT, buffers): both servers alike.
        step(
            users,
            o.param("warmup-seconds", 10, 2),
            seqs,
            users,
            byUser,
            rooms,
            receivers,
            acks,
            server);
        Step step = step(users, seconds, seqs, users, byUser, rooms, receivers, acks, server);
        report.put("sent", step.paced().attempted(), "messages", Report.HIGHER);
        report.put("acked", step.paced().accepted(), "messages", Report.HIGHER);
        report.put("send_unacked", step.paced().unresolved(), "messages", Report.ZERO);
        report.put(
            "delivered_per_s",
            step.delivered() / (step.paced().nanos() / 1e9),
            "msg/s",
            Report.HIGHER);
        report.put("lost", step.lost(), "messages", Report.ZERO);
        Latency.report(report, "ack", step.ackLatency());
        Latency.report(report, "delivery", step.deliveryLatency());
        if (!server.isEmpty() && step.paced().accepted() > 0) {
          report.put(
              "server_cpu_per_msg_us",
              step.serverCpuNanos() / 1000.0 / step.paced().accepted(),
              "us",
              Report.LOWER);
          report.put("peak_rss_mib", server.peakRssBytes() / 1048576.0, "MiB", Report.LOWER);
        }
      }
      report.put("closed_by_server", fleet.closedAfterConnect(), "sockets", Report.ZERO);
      if (fleet.closedAfterConnect() > 0 || opened.failed() > 0) {
        report.note("failures:" + fleet.reasons());
      }
    }
  }

  /** One paced run of {@code send_message} at {@code rate} a second, and what came of it. */
  private record Step(
      Pacer.Paced paced,
      long delivered,
      Histogram ackLatency,
      Histogram deliveryLatency,
      long serverCpuNanos) {
    long lost() {
      return paced.accepted() - delivered;
    }

    double ackP99Ms() {
      return ackLatency.getValueAtPercentile(99) / 1000.0;
    }
  }

  private static Step step(
      int rate,
      int seconds,
      long[] seqs,
      int users,
      Map<Integer, SioConnection> byUser,
      List<String> rooms,
      Receivers receivers,
      Latency acks,
      ProcStats server)
      throws InterruptedException {
    long received0 = receivers.received();
    long cpu0 = server.isEmpty() ? 0 : server.cpuNanos();
    acks.interval();
    receivers.latency().interval();
    long[] acked = {0};
    Pacer.Paced paced =
        Pacer.run(
            rate,
            seconds,
            i -> {
              int sender = (int) (i % users);
              long seq = seqs[sender]++;
              SioConnection c = byUser.get(sender);
              CompletableFuture<Boolean> outcome = new CompletableFuture<>();
              if (c == null || !c.isConnected()) {
                outcome.complete(false);
                return outcome;
              }
              c.emitWithAck(
                  "send_message",
                  "{\"channel\":\"chat:"
                      + rooms.get(sender / 2)
                      + "\",\"message\":\"hello "
                      + seq
                      + "\",\"type\":\"text\",\"metadata\":{\"seq\":"
                      + seq
                      + ",\"ts\":"
                      + System.nanoTime()
                      + "}}",
                  (json, rtt) -> {
                    boolean ok = json.contains("\"ok\":true");
                    if (ok) {
                      acks.recordNanos(rtt);
                      synchronized (acked) {
                        acked[0]++;
                      }
                    } else if (acked[0] < 3) {
                      System.out.println("  # send_message refused: " + json);
                    }
                    outcome.complete(ok);
                  });
              return outcome;
            });
    long delivered = receivers.awaitReceived(received0 + paced.accepted(), 5) - received0;
    long cpu1 = server.isEmpty() ? 0 : server.cpuNanos();
    return new Step(paced, delivered, acks.interval(), receivers.latency().interval(), cpu1 - cpu0);
  }

  /**
   * Raises the rate step by step until the ack p99 passes {@value #CEILING_ACK_P99_MS} ms or a
   * message is lost or unanswered: the highest rate that passed is the ceiling.
   */
  private static void climb(
      BenchOptions o,
      Report report,
      int users,
      Map<Integer, SioConnection> byUser,
      List<String> rooms,
      Receivers receivers,
      Latency acks,
      ProcStats server)
      throws InterruptedException {
    int stepSeconds = o.param("step-seconds", 10, 3);
    int best = 0;
    double bestP99 = 0;
    long[] seqs = new long[users]; // each user's sequence goes on across steps
    // A warm-up step (JIT, buffers), not judged.
    step(users, stepSeconds, seqs, users, byUser, rooms, receivers, acks, server);
    for (int factor : new int[] {1, 2, 3, 4, 6, 8, 10, 14, 20}) {
      int rate = users * factor;
      Step step = null;
      boolean passed = false;
      // A step that fails is tried once more: one stall of a shared machine must not end the climb.
      for (int attempt = 0; attempt < 2 && !passed; attempt++) {
        step = step(rate, stepSeconds, seqs, users, byUser, rooms, receivers, acks, server);
        passed =
            step.lost() == 0
                && step.paced().unresolved() == 0
                && step.paced().accepted() == step.paced().attempted()
                && step.ackP99Ms() <= CEILING_ACK_P99_MS;
        report.note(
            String.format(
                Locale.ROOT,
                "step %d/s: ack p99 %.1f ms, lost %d, unanswered %d: %s",
                rate,
                step.ackP99Ms(),
                step.lost(),
                step.paced().unresolved(),
                passed ? "passed" : "failed"));
      }
      if (!passed) {
        break;
      }
      best = rate;
      bestP99 = step.ackP99Ms();
    }
    report.put("ceiling_msgs_per_s", best, "msg/s", Report.HIGHER);
    report.put("ceiling_ack_p99_ms", bestP99, "ms", Report.LOWER);
  }

  static String user(int i) {
    return (i % 2 == 0 ? "a" : "b") + (i / 2);
  }

  /** One room per pair, created by its first user; null (and a note) when the API is missing. */
  static List<String> createRooms(BenchOptions o, int pairs, List<String> jwt)
      throws IOException, InterruptedException {
    HttpClient http =
        HttpClient.newBuilder()
            // HTTP/1.1: an h2c upgrade header makes Node's Socket.IO server drop the request.
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    URI uri = URI.create(o.targets().get(0).baseUrl() + "/api/v1/realtime/chat/rooms");
    List<String> rooms = new ArrayList<>(pairs);
    for (int p = 0; p < pairs; p++) {
      String body =
          "{\"type\":\"group_chat\",\"participants\":[\""
              + user(2 * p)
              + "\",\""
              + user(2 * p + 1)
              + "\"],\"metadata\":{}}";
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(uri)
                  .header("Authorization", "Bearer " + jwt.get(2 * p))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      Matcher room = ROOM_ID.matcher(response.body());
      if (response.statusCode() != 201 || !room.find()) {
        System.out.println(
            "  # chat needs the REST API (POST /api/v1/realtime/chat/rooms) to create rooms; got "
                + response.statusCode()
                + ": skipped");
        return null;
      }
      rooms.add(room.group(1));
    }
    return rooms;
  }
}

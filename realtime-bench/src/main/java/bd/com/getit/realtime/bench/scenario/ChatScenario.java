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
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code chat}: 1,000 pairs of users, each pair in its own room (created with {@code POST
 * /chat/rooms}), each user sending one {@code send_message} a second with an ack to the other.
 * Measures the ack round trip, the latency from send to the partner's receipt, server CPU per
 * message and messages lost (acknowledged but not received).
 */
final class ChatScenario implements Scenario {

  private static final Pattern ROOM_ID = Pattern.compile("\"room_id\"\\s*:\\s*\"([^\"]+)\"");

  @Override
  public String name() {
    return "chat";
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
      long received0 = receivers.received();
      long cpu0 = server.isEmpty() ? 0 : server.cpuNanos();
      long[] acked = {0};
      Pacer.Paced paced =
          Pacer.run(
              users,
              seconds,
              i -> {
                int sender = (int) (i % users);
                long seq = i / users;
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
      report.put("sent", paced.attempted(), "messages", Report.HIGHER);
      report.put("acked", paced.accepted(), "messages", Report.HIGHER);
      report.put("send_unacked", paced.unresolved(), "messages", Report.ZERO);
      report.put("delivered_per_s", delivered / (paced.nanos() / 1e9), "msg/s", Report.HIGHER);
      report.put("lost", paced.accepted() - delivered, "messages", Report.ZERO);
      Latency.report(report, "ack", acks.interval());
      Latency.report(report, "delivery", receivers.latency().interval());
      if (!server.isEmpty() && paced.accepted() > 0) {
        report.put(
            "server_cpu_per_msg_us", (cpu1 - cpu0) / 1000.0 / paced.accepted(), "us", Report.LOWER);
        report.put("peak_rss_mib", server.peakRssBytes() / 1048576.0, "MiB", Report.LOWER);
      }
      report.put("closed_by_server", fleet.closedAfterConnect(), "sockets", Report.ZERO);
      if (fleet.closedAfterConnect() > 0 || opened.failed() > 0) {
        report.note("failures:" + fleet.reasons());
      }
    }
  }

  private static String user(int i) {
    return (i % 2 == 0 ? "a" : "b") + (i / 2);
  }

  /** One room per pair, created by its first user; null (and a note) when the API is missing. */
  private static List<String> createRooms(BenchOptions o, int pairs, List<String> jwt)
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

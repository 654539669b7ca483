import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * The cost of forwarding a polling request to the session's node (docs/operations.md): one
 * long-polling session on OWNER, driven by Socket.IO ack round trips (a POST with an event, a GET
 * that returns its ack), once straight to OWNER ("local") and once through OTHER ("forwarded").
 * Prints latency percentiles and the CPU time both node processes spent per round trip.
 *
 * <pre>
 * java realtime-bench/scripts/ForwardCost.java OWNER_URL OTHER_URL OWNER_PID OTHER_PID [ROUNDS]
 * </pre>
 *
 * Needs the nodes in development mode (the token comes from OWNER's /dev/token).
 */
public class ForwardCost {
  static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  public static void main(String[] args) throws Exception {
    String owner = args[0];
    String other = args[1];
    long[] pids = {Long.parseLong(args[2]), Long.parseLong(args[3])};
    int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 2000;
    String token =
        new String(get(owner + "/dev/token?user=bench").body()).replaceAll(".*\"token\"\\s*:\\s*\"([^\"]+)\".*", "$1").strip();
    for (int pass = 0; pass < 2; pass++) {
      for (String mode : new String[] {"local", "forwarded"}) {
        run(mode, owner, mode.equals("local") ? owner : other, token, pids, rounds);
      }
    }
  }

  static void run(String mode, String owner, String via, String token, long[] pids, int rounds)
      throws Exception {
    String open = new String(get(owner + "/socket.io/?EIO=4&transport=polling").body());
    String sid = open.replaceAll(".*\"sid\":\"([^\"]+)\".*", "$1");
    String base = via + "/socket.io/?EIO=4&transport=polling&sid=" + sid;
    post(base, "40/realtime,{\"token\":\"" + token + "\"}");
    String seen = "";
    while (!seen.contains("authenticated")) {
      seen += poll(base);
    }
    for (int i = 0; i < 300; i++) {
      roundTrip(base, i);
    }
    long[] nanos = new long[rounds];
    long cpu0 = cpu(pids);
    long wall0 = System.nanoTime();
    for (int i = 0; i < rounds; i++) {
      long t0 = System.nanoTime();
      roundTrip(base, 1000 + i);
      nanos[i] = System.nanoTime() - t0;
    }
    long wall = System.nanoTime() - wall0;
    long cpu = cpu(pids) - cpu0;
    post(base, "1");
    Arrays.sort(nanos);
    System.out.printf(
        "%-9s rounds=%d p50=%.2f ms p90=%.2f ms p99=%.2f ms mean=%.2f ms nodes' CPU=%.0f us/round%n",
        mode,
        rounds,
        nanos[rounds / 2] / 1e6,
        nanos[rounds * 9 / 10] / 1e6,
        nanos[rounds * 99 / 100] / 1e6,
        wall / 1e6 / rounds,
        cpu / 1e3 / rounds);
  }

  /** POST an event with an ack id, then poll until its ack comes back (answering pings). */
  static void roundTrip(String base, int id) throws Exception {
    post(base, "42/realtime," + id + "[\"leave_channel\",{\"channels\":[\"product:bench\"]}]");
    String want = "43/realtime," + id + "[";
    while (true) {
      String body = poll(base);
      if (body.contains(want)) {
        return;
      }
    }
  }

  static String poll(String base) throws Exception {
    HttpResponse<byte[]> r = get(base);
    if (r.statusCode() != 200) {
      throw new IllegalStateException("poll answered " + r.statusCode() + " " + new String(r.body()));
    }
    String body = new String(r.body());
    for (String packet : body.split("\u001e")) {
      if (packet.equals("2")) {
        post(base, "3");
      }
    }
    return body;
  }

  static HttpResponse<byte[]> get(String url) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  static void post(String url, String body) throws Exception {
    HttpResponse<byte[]> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "text/plain;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("post answered " + r.statusCode() + " " + new String(r.body()));
    }
  }

  /** User plus system time of the processes, in nanoseconds (USER_HZ = 100). */
  static long cpu(long[] pids) throws Exception {
    long ticks = 0;
    for (long pid : pids) {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
    return ticks * 10_000_000L;
  }
}

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * The server's CPU per REST publish ({@code POST /api/v1/realtime/events}) with nobody subscribed:
 * the cost of the request path alone (HTTP, the bearer token, the body, the ingest use case), with
 * CONCURRENCY requests in flight. Prints CPU per request and latency percentiles, per pass.
 *
 * <pre>
 * java realtime-bench/scripts/RestCost.java SERVER_URL SERVER_PID [REQUESTS] [CONCURRENCY]
 * </pre>
 *
 * Needs the server in development mode (the service token comes from /dev/token).
 */
public class RestCost {
  static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  public static void main(String[] args) throws Exception {
    String server = args[0];
    long pid = Long.parseLong(args[1]);
    int requests = args.length > 2 ? Integer.parseInt(args[2]) : 5000;
    int concurrency = args.length > 3 ? Integer.parseInt(args[3]) : 8;
    String token =
        HTTP.send(
                HttpRequest.newBuilder(URI.create(server + "/dev/token?user=rest-cost&roles=service"))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body()
            .replaceAll(".*\"token\"\\s*:\\s*\"([^\"]+)\".*", "$1")
            .strip();
    URI uri = URI.create(server + "/api/v1/realtime/events");
    run("warm-up", uri, token, pid, requests, concurrency);
    for (int pass = 1; pass <= 3; pass++) {
      run("pass " + pass, uri, token, pid, requests, concurrency);
    }
  }

  static void run(String name, URI uri, String token, long pid, int requests, int concurrency)
      throws Exception {
    long[] nanos = new long[requests];
    Semaphore inFlight = new Semaphore(concurrency);
    CompletableFuture<?>[] all = new CompletableFuture<?>[requests];
    long cpu0 = cpu(pid);
    long wall0 = System.nanoTime();
    for (int i = 0; i < requests; i++) {
      inFlight.acquire();
      String body =
          "{\"event\":\"rest_cost\",\"channel\":\"product:rest-cost-" + (i % 50)
              + "\",\"data\":{\"n\":" + i + ",\"price\":\"১২৩.৫০\"}}";
      HttpRequest request =
          HttpRequest.newBuilder(uri)
              .header("Authorization", "Bearer " + token)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build();
      int n = i;
      long t0 = System.nanoTime();
      all[i] =
          HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString())
              .whenComplete(
                  (r, e) -> {
                    nanos[n] = System.nanoTime() - t0;
                    inFlight.release();
                    if (e != null || r.statusCode() != 202) {
                      System.out.println("refused: " + (e != null ? e : r.statusCode() + " " + r.body()));
                    }
                  });
    }
    CompletableFuture.allOf(all).join();
    long wall = System.nanoTime() - wall0;
    long cpu = cpu(pid) - cpu0;
    Arrays.sort(nanos);
    System.out.printf(
        "%-8s %d requests, %d in flight: server CPU %.0f us/request, %.0f requests/s, latency p50 %.2f ms p99 %.2f ms%n",
        name,
        requests,
        concurrency,
        cpu / 1000.0 / requests,
        requests * 1e9 / wall,
        nanos[requests / 2] / 1e6,
        nanos[(int) (requests * 0.99)] / 1e6);
  }

  /** The process's user + system CPU time, in nanoseconds (clock ticks of 10 ms). */
  static long cpu(long pid) throws Exception {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L;
  }
}

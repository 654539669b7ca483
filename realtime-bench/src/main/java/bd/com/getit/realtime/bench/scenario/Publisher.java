package bd.com.getit.realtime.bench.scenario;

import bd.com.getit.realtime.bench.client.SioConnection;
import bd.com.getit.realtime.bench.client.Target;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Publishes the bench's events ({@code bench_tick}, data {@code {seq, ts}}, {@code ts} the
 * publisher's {@link System#nanoTime()}) through the REST publish API or a {@code service} socket's
 * {@code broadcast_event}. Completes with whether the server accepted the event: only accepted
 * events are expected at the subscribers.
 */
interface Publisher extends AutoCloseable {

  String EVENT = "bench_tick";

  CompletionStage<Boolean> publish(String channel, long seq);

  @Override
  default void close() {}

  static String data(long seq) {
    return "{\"seq\":" + seq + ",\"ts\":" + System.nanoTime() + "}";
  }

  /** Over a connected {@code service} socket: {@code broadcast_event} with an ack. */
  static Publisher socket(SioConnection service) {
    AtomicInteger reported = new AtomicInteger();
    return (channel, seq) -> {
      CompletableFuture<Boolean> accepted = new CompletableFuture<>();
      service.emitWithAck(
          "broadcast_event",
          "{\"channel\":\""
              + channel
              + "\",\"event_type\":\""
              + EVENT
              + "\",\"data\":"
              + data(seq)
              + "}",
          (json, rtt) -> {
            boolean ok = json.contains("\"ok\":true");
            if (!ok && reported.incrementAndGet() <= 3) {
              System.out.println("  # publish refused: " + json);
            }
            accepted.complete(ok);
          });
      return accepted;
    };
  }

  /** {@code POST /api/v1/realtime/events} with a {@code service} token. */
  static Publisher rest(Target target, String serviceToken) {
    HttpClient http =
        HttpClient.newBuilder()
            // HTTP/1.1: an h2c upgrade header makes Node's Socket.IO server drop the request.
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    URI uri = URI.create(target.baseUrl() + "/api/v1/realtime/events");
    AtomicInteger reported = new AtomicInteger();
    return (channel, seq) -> {
      String body =
          "{\"event\":\""
              + EVENT
              + "\",\"channel\":\""
              + channel
              + "\",\"data\":"
              + data(seq)
              + "}";
      HttpRequest request =
          HttpRequest.newBuilder(uri)
              .header("Authorization", "Bearer " + serviceToken)
              .header("Content-Type", "application/json")
              .timeout(Duration.ofSeconds(10))
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build();
      return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
          .handle(
              (response, error) -> {
                boolean ok = error == null && response.statusCode() == 202;
                if (!ok && reported.incrementAndGet() <= 3) {
                  System.out.println(
                      "  # publish refused: "
                          + (error != null
                              ? error
                              : response.statusCode() + " " + response.body()));
                }
                return ok;
              });
    };
  }
}

package bd.com.getit.realtime.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET /metrics}: Prometheus text that follows what the server does. */
class MetricsIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void countsSocketsAndDeliveriesInPrometheusFormat() throws Exception {
    HttpResponse<String> before = get("/metrics");
    assertThat(before.statusCode()).isEqualTo(200);
    assertThat(before.headers().firstValue("content-type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
    assertThat(before.body())
        .contains(
            "jvm_memory_used_bytes",
            "# TYPE realtime_sockets gauge",
            "# TYPE realtime_client_events_waiting gauge",
            "# TYPE realtime_client_events_refused_total counter");
    double delivered = value(before.body(), "realtime_deliveries_total");

    try (Client c = Client.connect(server, TestServer.token("m1"), Client.WEBSOCKET)) {
      c.call("join_channel", new JSONObject().put("channels", new JSONArray().put("product:m")));
      assertThat(value(get("/metrics").body(), "realtime_sockets")).isEqualTo(1.0);
      server.publish("product:m", 1);
      c.listen("product_price_change").await("product_price_change");
      await()
          .atMost(Duration.ofSeconds(5))
          .untilAsserted(
              () ->
                  assertThat(value(get("/metrics").body(), "realtime_deliveries_total"))
                      .isGreaterThan(delivered));
    }
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> assertThat(value(get("/metrics").body(), "realtime_sockets")).isZero());
  }

  @Test
  void refusesWritesWith405() throws Exception {
    HttpResponse<String> post =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(server.url() + "/metrics"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(405);
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(server.url() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The value of the sample named {@code name} (any labels). */
  private static double value(String body, String name) {
    Matcher m = Pattern.compile("(?m)^" + name + "\\{[^}]*\\} (\\S+)$").matcher(body);
    assertThat(m.find()).as("sample %s in%n%s", name, body).isTrue();
    return Double.parseDouble(m.group(1));
  }
}

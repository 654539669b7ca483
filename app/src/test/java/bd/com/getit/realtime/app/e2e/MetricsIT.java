package bd.com.getit.realtime.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bd.com.getit.realtime.testsupport.HttpTestClient;
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
    HttpTestClient.Reply before = get("/metrics");
    assertThat(before.status()).isEqualTo(200);
    assertThat(before.header("content-type")).startsWith("text/plain");
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
    HttpTestClient.Reply post =
        new HttpTestClient(server.url()).send("POST", "/metrics", null, null, null);
    assertThat(post.status()).isEqualTo(405);
  }

  private static HttpTestClient.Reply get(String path) {
    return new HttpTestClient(server.url()).get(path, null);
  }

  /** The value of the sample named {@code name} (any labels). */
  private static double value(String body, String name) {
    Matcher m = Pattern.compile("(?m)^" + name + "\\{[^}]*\\} (\\S+)$").matcher(body);
    assertThat(m.find()).as("sample %s in%n%s", name, body).isTrue();
    return Double.parseDouble(m.group(1));
  }
}

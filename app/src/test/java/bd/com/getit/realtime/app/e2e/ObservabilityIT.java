package bd.com.getit.realtime.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bd.com.getit.realtime.testsupport.EmbeddedKafka;
import bd.com.getit.realtime.testsupport.EmbeddedMongo;
import bd.com.getit.realtime.testsupport.EmbeddedRedis;
import bd.com.getit.realtime.testsupport.HttpTestClient;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A node as production runs it, on Redis, MongoDB and Kafka, with a management port and the access
 * log on: the metrics of docs/operations.md move with traffic, every metric the Grafana dashboard
 * uses is exported, metrics live on the management port only, and REST requests are logged with
 * their request id.
 */
class ObservabilityIT {
  private static final Path DASHBOARD = Path.of("..", "docs", "grafana", "realtime-dashboard.json");
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String SERVICE = TestServer.token("metrics-service", "service");

  private static EmbeddedRedis redis;
  private static EmbeddedMongo mongo;
  private static TestServer server;
  private static ListAppender<ILoggingEvent> accessLog;

  @BeforeAll
  static void start() throws Exception {
    redis = EmbeddedRedis.launch();
    mongo = EmbeddedMongo.start();
    Map<String, String> env = new HashMap<>();
    env.put("REALTIME_REDIS_URL", redis.url());
    env.put("REALTIME_REDIS_KEY_PREFIX", "observability-it:");
    env.put("REALTIME_MONGO_URI", mongo.connectionString());
    env.put("REALTIME_MONGO_DATABASE", "observability");
    env.put("REALTIME_KAFKA_BOOTSTRAP_SERVERS", EmbeddedKafka.shared().bootstrapServers());
    env.put("REALTIME_KAFKA_TOPICS", "observability-events");
    env.put("REALTIME_KAFKA_DEAD_LETTER_TOPIC", "observability-dead-letters");
    env.put("REALTIME_KAFKA_GROUP_ID", "observability-it");
    env.put("REALTIME_KAFKA_OUTBOUND_ENABLED", "true");
    env.put("REALTIME_MANAGEMENT_PORT", "0");
    env.put("REALTIME_ACCESS_LOG", "true");
    env.put("REALTIME_RATE_LIMITS", "join_channel=3");
    Logger access = (Logger) LoggerFactory.getLogger("realtime.access");
    accessLog = new ListAppender<>();
    accessLog.start();
    access.addAppender(accessLog);
    access.setLevel(ch.qos.logback.classic.Level.INFO);
    server = TestServer.start(env);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (mongo != null) {
      mongo.close();
    }
    if (redis != null) {
      redis.close();
    }
    ((Logger) LoggerFactory.getLogger("realtime.access")).detachAppender(accessLog);
  }

  private static String management() {
    return "http://127.0.0.1:" + server.server.managementPort();
  }

  private static String scrape() {
    HttpTestClient.Reply reply = new HttpTestClient(management()).get("/metrics", null);
    assertThat(reply.status()).isEqualTo(200);
    return reply.body();
  }

  /** The value of the sample {@code name} whose labels include {@code labels} (may be empty). */
  private static double value(String body, String name, String labels) {
    Matcher m =
        Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$").matcher(body);
    while (m.find()) {
      if (m.group(1).contains(labels)) {
        return Double.parseDouble(m.group(2));
      }
    }
    throw new AssertionError("no sample " + name + "{" + labels + "} in\n" + body);
  }

  @Test
  void metricsAreOnTheManagementPortOnlyAndHealthOnBoth() {
    assertThat(server.server.managementPort()).isNotEqualTo(server.port());
    assertThat(new HttpTestClient(server.url()).get("/metrics", null).status()).isEqualTo(404);
    assertThat(scrape()).contains("# TYPE realtime_sockets gauge");
    for (String base : List.of(server.url(), management())) {
      assertThat(new HttpTestClient(base).get("/health/live", null).status()).isEqualTo(200);
      await()
          .atMost(WAIT)
          .untilAsserted(
              () ->
                  assertThat(new HttpTestClient(base).get("/health/ready", null).status())
                      .isEqualTo(200));
      assertThat(new HttpTestClient(base).get("/info", null).body()).contains("\"version\"");
    }
  }

  @Test
  void theGatewayCountersFollowTraffic() throws Exception {
    String before = scrape();
    double connections = value(before, "realtime_connections_total", "");
    double leftOnPurpose =
        value(before, "realtime_disconnections_total", "reason=\"client_namespace_disconnect\"");
    double invalid = value(before, "realtime_refusals_total", "code=\"PAYLOAD_INVALID\"");
    double limited = value(before, "realtime_rate_limited_total", "action=\"join_channel\"");
    double websocketBytes =
        value(before, "realtime_transport_written_bytes_total", "transport=\"websocket\"");
    double pollingBytes =
        value(before, "realtime_transport_written_bytes_total", "transport=\"polling\"");
    double delivered = value(before, "realtime_delivery_latency_seconds_count", "");
    double ingested = value(before, "realtime_ingest_latency_seconds_count", "source=\"rest\"");

    try (Client c = Client.connect(server, TestServer.token("metrics-1"), Client.WEBSOCKET)) {
      c.call("join_channel", new JSONObject().put("channels", new JSONArray().put("product:obs")));
      JSONObject refused = c.call("no_such_event", new JSONObject());
      assertThat(refused.toString()).contains("PAYLOAD_INVALID");
      String reply = "";
      for (int i = 0; i < 10 && !reply.contains("RATE_LIMITED"); i++) {
        reply =
            c.call(
                    "join_channel",
                    new JSONObject().put("channels", new JSONArray().put("product:obs-" + i)))
                .toString();
      }
      assertThat(reply).contains("RATE_LIMITED");
      HttpTestClient.Reply published =
          server
              .rest()
              .post(
                  "/events",
                  SERVICE,
                  "{\"event\":\"product_price_change\",\"channel\":\"product:obs\","
                      + "\"data\":{\"product_id\":\"obs\",\"new_price\":1}}");
      assertThat(published.status()).as(published.body()).isEqualTo(202);
      c.listen("product_price_change").await("product_price_change");
    }
    try (Client polling = Client.connect(server, TestServer.token("metrics-2"), Client.POLLING)) {
      polling.call(
          "join_channel", new JSONObject().put("channels", new JSONArray().put("product:p")));
    }

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              String after = scrape();
              assertThat(value(after, "realtime_connections_total", ""))
                  .isGreaterThanOrEqualTo(connections + 2);
              assertThat(
                      value(
                          after,
                          "realtime_disconnections_total",
                          "reason=\"client_namespace_disconnect\""))
                  .isGreaterThanOrEqualTo(leftOnPurpose + 1);
              assertThat(value(after, "realtime_refusals_total", "code=\"PAYLOAD_INVALID\""))
                  .isGreaterThanOrEqualTo(invalid + 1);
              assertThat(value(after, "realtime_rate_limited_total", "action=\"join_channel\""))
                  .isGreaterThanOrEqualTo(limited + 1);
              assertThat(
                      value(
                          after,
                          "realtime_transport_written_bytes_total",
                          "transport=\"websocket\""))
                  .isGreaterThan(websocketBytes);
              assertThat(
                      value(
                          after, "realtime_transport_written_bytes_total", "transport=\"polling\""))
                  .isGreaterThan(pollingBytes);
              assertThat(value(after, "realtime_delivery_latency_seconds_count", ""))
                  .isGreaterThanOrEqualTo(delivered + 1);
              assertThat(value(after, "realtime_ingest_latency_seconds_count", "source=\"rest\""))
                  .isGreaterThanOrEqualTo(ingested + 1);
              // a histogram, in seconds
              assertThat(after).contains("realtime_delivery_latency_seconds_bucket{");
            });
  }

  @Test
  void everyMetricTheGrafanaDashboardUsesIsExported() throws Exception {
    JsonNode dashboard = new ObjectMapper().readTree(Files.readString(DASHBOARD));
    TreeSet<String> used = new TreeSet<>();
    Pattern metric = Pattern.compile("([a-z][a-z0-9_]*)\\{");
    for (JsonNode panel : dashboard.path("panels")) {
      for (JsonNode target : panel.path("targets")) {
        Matcher m = metric.matcher(target.path("expr").asText());
        while (m.find()) {
          used.add(m.group(1));
        }
      }
    }
    assertThat(used).hasSizeGreaterThan(20);
    // Some client meters appear with the first command or fetch: give them a little traffic.
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              String body = scrape();
              List<String> missing = new ArrayList<>();
              for (String name : used) {
                if (!Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{").matcher(body).find()) {
                  missing.add(name);
                }
              }
              assertThat(missing).as("metrics of the dashboard not exported").isEmpty();
            });
  }

  @Test
  void restRequestsAreLoggedWithTheirRequestId() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> given =
        http.send(
            HttpRequest.newBuilder(URI.create(server.url() + TestServer.API + "/presence/u-1"))
                .header("X-Request-Id", "req-from-the-balancer")
                .header("Authorization", "Bearer " + SERVICE)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(given.headers().firstValue("X-Request-Id")).contains("req-from-the-balancer");
    HttpResponse<String> made =
        http.send(
            HttpRequest.newBuilder(URI.create(server.url() + TestServer.API + "/presence/u-2?x=1"))
                .header("X-Request-Id", "bad id with spaces")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String madeId = made.headers().firstValue("X-Request-Id").orElseThrow();
    assertThat(madeId).matches("[0-9a-f-]{36}");

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              List<ILoggingEvent> lines = List.copyOf(accessLog.list);
              assertThat(lines)
                  .anySatisfy(
                      e -> {
                        assertThat(e.getFormattedMessage())
                            .startsWith(
                                "GET " + TestServer.API + "/presence/u-1 " + given.statusCode());
                        assertThat(e.getMDCPropertyMap())
                            .containsEntry("request_id", "req-from-the-balancer");
                      });
              assertThat(lines)
                  .anySatisfy(
                      e -> {
                        // no query string: it may hold a token
                        assertThat(e.getFormattedMessage())
                            .startsWith("GET " + TestServer.API + "/presence/u-2 401 ");
                        assertThat(e.getMDCPropertyMap()).containsEntry("request_id", madeId);
                      });
            });
  }
}

package bd.com.getit.realtime.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bd.com.getit.realtime.testsupport.EmbeddedKafka;
import bd.com.getit.realtime.testsupport.HttpTestClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Events produced to Kafka by another program reach the right sockets: the reference server with
 * its Kafka consumer against a real KRaft broker in this JVM (one for the class).
 */
class KafkaIngestIT {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static EmbeddedKafka kafka;

  @BeforeAll
  static void startKafka() throws Exception {
    kafka = EmbeddedKafka.start();
  }

  @AfterAll
  static void stopKafka() throws Exception {
    if (kafka != null) {
      kafka.close();
    }
  }

  /** A server reading {@code topic} in consumer group {@code group}. */
  private static TestServer server(String topic, String dlq, String group) throws Exception {
    return TestServer.start(
        Map.of(
            "REALTIME_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
            "REALTIME_KAFKA_TOPICS", topic,
            "REALTIME_KAFKA_DEAD_LETTER_TOPIC", dlq,
            "REALTIME_KAFKA_GROUP_ID", group));
  }

  private static Client join(TestServer server, String channel) throws Exception {
    Client c =
        Client.connect(server, TestServer.token("viewer-" + UUID.randomUUID()), Client.WEBSOCKET);
    JSONObject ack = c.call("join_channel", new JSONObject().put("channels", List.of(channel)));
    assertThat(ack.getJSONArray("joined").length()).isEqualTo(1);
    assertThat(ack.getJSONArray("joined").getString(0)).isEqualTo(channel);
    return c;
  }

  /**
   * Connects {@code user}, listening for {@code event} from the start (queued events come first).
   */
  private static Client connectListening(TestServer server, String user, String event) {
    Client c = new Client(server.url(), "/realtime", TestServer.token(user), Client.WEBSOCKET);
    c.listen(event);
    c.socket.connect();
    c.await("authenticated");
    return c;
  }

  private static String price(String id, String product, int newPrice) throws Exception {
    return new JSONObject()
        .put("id", id)
        .put("event", "product_price_change")
        .put("data", new JSONObject().put("product_id", product).put("new_price", newPrice))
        .put("priority", "high")
        .toString();
  }

  private static String orderStatus(String customer, String order, String status) throws Exception {
    return new JSONObject()
        .put("event", "order_status_update")
        .put(
            "data",
            new JSONObject()
                .put("order_id", order)
                .put("customer_id", customer)
                .put("status", status))
        .toString();
  }

  @Test
  void aPriceChangeReachesTheProductSubscriberInTheSection5Envelope() throws Exception {
    String topic = kafka.topic("product-events");
    try (TestServer server = server(topic, kafka.topic("dlq"), "g-" + UUID.randomUUID());
        Client viewer = join(server, "product:p1")) {
      kafka.send(topic, "p1", price("price-1", "p1", 990));

      JSONObject e = viewer.awaitObject("product_price_change");
      List<String> keys = new ArrayList<>();
      e.keys().forEachRemaining(k -> keys.add((String) k));
      assertThat(keys)
          .containsExactlyInAnyOrder("id", "event", "channel", "data", "timestamp", "priority");
      assertThat(e.getString("id")).isEqualTo("price-1");
      assertThat(e.getString("event")).isEqualTo("product_price_change");
      assertThat(e.getString("channel")).isEqualTo("product:p1");
      assertThat(e.getJSONObject("data").getInt("new_price")).isEqualTo(990);
      assertThat(e.getString("priority")).isEqualTo("high");
      assertThat(Instant.parse(e.getString("timestamp"))).isBeforeOrEqualTo(Instant.now());
    }
  }

  @Test
  void anOrderUpdateForAnOfflineCustomerIsQueuedAndDeliveredOnConnect() throws Exception {
    String topic = kafka.topic("order-events");
    String group = "g-" + UUID.randomUUID();
    String customer = "c-" + UUID.randomUUID().toString().substring(0, 8);
    try (TestServer server = server(topic, kafka.topic("dlq"), group)) {
      kafka.send(topic, "o1", orderStatus(customer, "o1", "shipped"));
      await().atMost(WAIT).until(() -> kafka.committed(group, topic) == 1);

      try (Client c = connectListening(server, customer, "order_status_update")) {
        JSONObject e = c.awaitObject("order_status_update");
        assertThat(e.getString("channel")).isIn("user:" + customer, "order:o1");
        assertThat(e.getJSONObject("data").getString("status")).isEqualTo("shipped");
        assertThat(c.awaitObject("offline_sync").getInt("delivered")).isEqualTo(1);

        // Online now: the next update arrives live, once.
        kafka.send(topic, "o1", orderStatus(customer, "o1", "delivered"));
        JSONObject live = c.awaitObject("order_status_update");
        assertThat(live.getJSONObject("data").getString("status")).isEqualTo("delivered");
        assertThat(c.receives("order_status_update", 300)).isFalse();
      }
    }
  }

  @Test
  void aDuplicateRecordIsDeliveredOnce() throws Exception {
    String topic = kafka.topic("product-events");
    try (TestServer server = server(topic, kafka.topic("dlq"), "g-" + UUID.randomUUID());
        Client viewer = join(server, "product:p2")) {
      kafka.send(topic, "p2", price("dup-1", "p2", 100));
      kafka.send(topic, "p2", price("dup-1", "p2", 100));
      kafka.send(topic, "p2", price("after-dup", "p2", 101));

      assertThat(viewer.awaitObject("product_price_change").getString("id")).isEqualTo("dup-1");
      // Same partition, so order is kept: the next one is the record after the duplicate.
      assertThat(viewer.awaitObject("product_price_change").getString("id")).isEqualTo("after-dup");
    }
  }

  @Test
  void aMalformedRecordGoesToTheDeadLetterTopicAndTheNextOneIsDelivered() throws Exception {
    String topic = kafka.topic("product-events");
    String dlq = kafka.topic("dlq");
    try (TestServer server = server(topic, dlq, "g-" + UUID.randomUUID());
        Client viewer = join(server, "product:p3")) {
      kafka.send(topic, "bad-1", "{\"event\": price went up");
      kafka.send(topic, "bad-2", "{\"event\":\"product_price_change\",\"channel\":\"planet:9\"}");
      kafka.send(topic, "p3", price("good-1", "p3", 5));

      assertThat(viewer.awaitObject("product_price_change").getString("id")).isEqualTo("good-1");
      List<ConsumerRecord<String, String>> dead = kafka.readAllAsText(dlq, 2);
      assertThat(dead).extracting(ConsumerRecord::key).containsExactly("bad-1", "bad-2");
      assertThat(dead)
          .extracting(
              r -> new String(r.headers().lastHeader("dlq.reason").value(), StandardCharsets.UTF_8))
          .containsExactly("NOT_JSON", "CHANNEL_UNKNOWN");
      assertThat(dead.get(0).value()).isEqualTo("{\"event\": price went up");
    }
  }

  @Test
  void aRestartResumesFromTheCommittedOffsetsWithoutLossOrReplay() throws Exception {
    String topic = kafka.topic("order-events");
    String dlq = kafka.topic("dlq");
    String group = "g-" + UUID.randomUUID();
    String customer = "c-" + UUID.randomUUID().toString().substring(0, 8);
    try (TestServer first = server(topic, dlq, group);
        Client c = connectListening(first, customer, "order_status_update")) {
      kafka.send(topic, "o9", orderStatus(customer, "o9", "s1"));
      kafka.send(topic, "o9", orderStatus(customer, "o9", "s2"));
      assertThat(statuses(c, 2)).containsExactly("s1", "s2");
    }
    // Published while no server runs.
    kafka.send(topic, "o9", orderStatus(customer, "o9", "s3"));
    kafka.send(topic, "o9", orderStatus(customer, "o9", "s4"));

    try (TestServer second = server(topic, dlq, group)) {
      await().atMost(WAIT).until(() -> kafka.committed(group, topic) == 4);
      try (Client c = connectListening(second, customer, "order_status_update")) {
        assertThat(statuses(c, 2)).containsExactly("s3", "s4");
        assertThat(c.awaitObject("offline_sync").getInt("delivered")).isEqualTo(2);
        assertThat(c.receives("order_status_update", 300)).isFalse();
      }
      HttpTestClient.Reply ready = new HttpTestClient(second.url()).get("/health/ready", null);
      assertThat(ready.body()).contains("kafka");
      assertThat(ready.status()).isEqualTo(200);
    }
  }

  @Test
  void presenceChangesGoOutToKafkaWhenOutboundEventsAreOn() throws Exception {
    String presence = kafka.topic("presence");
    String user = "p-" + UUID.randomUUID().toString().substring(0, 8);
    try (TestServer server =
            TestServer.start(
                Map.of(
                    "REALTIME_KAFKA_BOOTSTRAP_SERVERS",
                    kafka.bootstrapServers(),
                    "REALTIME_KAFKA_TOPICS",
                    kafka.topic("product-events"),
                    "REALTIME_KAFKA_GROUP_ID",
                    "g-" + UUID.randomUUID(),
                    "REALTIME_KAFKA_OUTBOUND_ENABLED",
                    "true",
                    "REALTIME_KAFKA_OUTBOUND_TOPICS",
                    "presence_update=" + presence));
        Client c = Client.connect(server, TestServer.token(user), Client.WEBSOCKET)) {
      List<ConsumerRecord<String, String>> out = kafka.readAllAsText(presence, 1);
      assertThat(out).isNotEmpty();
      JSONObject envelope = new JSONObject(out.get(0).value());
      assertThat(envelope.getString("event")).isEqualTo("presence_update");
      assertThat(envelope.getString("channel")).isEqualTo("admin:presence");
      assertThat(envelope.getJSONObject("data").getString("user_id")).isEqualTo(user);
      assertThat(envelope.getJSONObject("data").getString("status")).isEqualTo("online");
      assertThat(out.get(0).key()).isEqualTo("admin:presence");
    }
  }

  private static List<String> statuses(Client c, int n) throws Exception {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(c.awaitObject("order_status_update").getJSONObject("data").getString("status"));
    }
    return out;
  }
}

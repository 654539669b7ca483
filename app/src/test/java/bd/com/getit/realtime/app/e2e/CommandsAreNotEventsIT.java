package bd.com.getit.realtime.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bd.com.getit.realtime.testsupport.EmbeddedKafka;
import bd.com.getit.realtime.testsupport.EmbeddedRedis;
import bd.com.getit.realtime.testsupport.HttpTestClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Commands are not events (PROTOCOL 10.1): two nodes on one Redis, the first also reading a Kafka
 * topic. What the admin API once put on the bus as an event ({@code admin_disconnect} on {@code
 * admin:connections}) is, from any ingest path, an ordinary event that is delivered and does
 * nothing else; names the server emits itself are refused; {@code DELETE
 * /admin/connections/{socket_id}} still disconnects a socket on the other node.
 *
 * <p>No waiting for something not to happen: an admin socket on each node listens on {@code
 * admin:connections}. Once both have received the published envelope, each node has handled it (a
 * node handles its bus in order), and the sockets it named answer a round trip.
 */
class CommandsAreNotEventsIT {
  private static final String SERVICE = TestServer.token("svc", "service");
  private static final String ADMIN = TestServer.token("root", "admin");
  private static final String OLD_ORDER = "admin_disconnect";
  private static final String CONNECTIONS = "admin:connections";

  /** PROTOCOL 10.1's list, and {@code auction_bid}, which only {@code place_bid} makes. */
  private static final List<String> SERVER_EMITTED =
      List.of(
          "authenticated",
          "error",
          "message",
          "typing",
          "read_receipt",
          "presence_update",
          "offline_sync",
          "room_closed",
          "notification_status",
          "auction_bid");

  static EmbeddedRedis redis;
  static EmbeddedKafka kafka;
  static String topic;
  static String deadLetters;
  static TestServer node1;
  static TestServer node2;

  private final List<Client> clients = new ArrayList<>();
  private Client watcher1;
  private Client watcher2;
  private Client victim1;
  private Client victim2;

  @BeforeAll
  static void startCluster() throws Exception {
    redis = EmbeddedRedis.launch();
    kafka = EmbeddedKafka.start();
    topic = kafka.topic("platform-events");
    deadLetters = kafka.topic("dlq");
    Map<String, String> kafkaEnv = new HashMap<>();
    kafkaEnv.put("REALTIME_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
    kafkaEnv.put("REALTIME_KAFKA_TOPICS", topic);
    kafkaEnv.put("REALTIME_KAFKA_DEAD_LETTER_TOPIC", deadLetters);
    String group = "g-" + UUID.randomUUID();
    kafkaEnv.put("REALTIME_KAFKA_GROUP_ID", group);
    node1 = node("node-1", kafkaEnv);
    node2 = node("node-2", Map.of());
    // The consumer's first group join can be slow on a busy machine: wait for it once, here.
    kafka.send(
        topic,
        "warm-up",
        "{\"event\":\"product_price_change\",\"channel\":\"product:warm-up\",\"data\":{}}");
    await().atMost(Duration.ofSeconds(60)).until(() -> kafka.committed(group, topic) >= 1);
  }

  @AfterAll
  static void stopCluster() throws Exception {
    for (AutoCloseable c : new AutoCloseable[] {node1, node2, kafka, redis}) {
      if (c != null) {
        c.close();
      }
    }
  }

  private static TestServer node(String id, Map<String, String> extra) throws Exception {
    Map<String, String> env = new HashMap<>(extra);
    env.put("REALTIME_NODE_ID", id);
    env.put("REALTIME_REDIS_URL", redis.url());
    env.put("REALTIME_REDIS_KEY_PREFIX", "commands-it:");
    return TestServer.start(env);
  }

  @BeforeEach
  void connect() throws Exception {
    watcher1 = watcher(node1);
    watcher2 = watcher(node2);
    victim1 = open(node1, TestServer.token("victim-1"));
    victim2 = open(node2, TestServer.token("victim-2"));
  }

  @AfterEach
  void disconnect() {
    clients.forEach(Client::close);
  }

  private Client open(TestServer node, String token) {
    Client c = Client.connect(node, token, Client.WEBSOCKET);
    clients.add(c);
    return c;
  }

  /** An admin socket of {@code node} on {@code admin:connections}, hearing the old order's name. */
  private Client watcher(TestServer node) throws Exception {
    Client c = open(node, ADMIN).listen(OLD_ORDER);
    JSONObject ack = c.call("join_channel", new JSONObject().put("channels", List.of(CONNECTIONS)));
    assertThat(ack.getJSONArray("joined").length()).as(ack.toString()).isEqualTo(1);
    return c;
  }

  /** The envelope the admin API once used to order a disconnect of {@code socketId}. */
  private static JSONObject oldOrder(String socketId) throws Exception {
    return new JSONObject()
        .put("event", OLD_ORDER)
        .put("channel", CONNECTIONS)
        .put("data", new JSONObject().put("socket_id", socketId));
  }

  /** Both nodes delivered the envelope naming {@code socketId}: each has handled it. */
  private void bothNodesDelivered(String socketId) {
    for (Client watcher : List.of(watcher1, watcher2)) {
      JSONObject e = watcher.awaitObject(OLD_ORDER);
      assertThat(Json.read(() -> e.getJSONObject("data").getString("socket_id")))
          .isEqualTo(socketId);
    }
  }

  /** {@code victim} is connected and its node still answers it. */
  private static void stillConnected(Client victim) throws Exception {
    JSONObject ack =
        victim.call("join_channel", new JSONObject().put("channels", List.of("product:alive")));
    assertThat(ack.getBoolean("ok")).as(ack.toString()).isTrue();
    assertThat(victim.socket.connected()).isTrue();
    assertThat(victim.receives(io.socket.client.Socket.EVENT_DISCONNECT, 0)).isFalse();
  }

  @Test
  void aServiceTokensRestPublishOfTheOldDisconnectOrderDisconnectsNobody() throws Exception {
    for (Client victim : List.of(victim1, victim2)) {
      String id = victim.socket.id();
      HttpTestClient.Reply reply = node1.rest().post("/events", SERVICE, oldOrder(id).toString());
      assertThat(reply.status()).as(reply.body()).isEqualTo(202);
      bothNodesDelivered(id);
    }

    stillConnected(victim1);
    stillConnected(victim2);
  }

  @Test
  void aKafkaRecordOfTheOldDisconnectOrderDisconnectsNobody() throws Exception {
    for (Client victim : List.of(victim1, victim2)) {
      String id = victim.socket.id();
      kafka.send(topic, "order-" + id, oldOrder(id).toString());
      bothNodesDelivered(id);
    }

    stillConnected(victim1);
    stillConnected(victim2);
  }

  @Test
  void aServiceSocketsBroadcastOfTheOldDisconnectOrderDisconnectsNobody() throws Exception {
    Client service = open(node1, SERVICE);
    for (Client victim : List.of(victim1, victim2)) {
      String id = victim.socket.id();
      JSONObject ack =
          service.call(
              "broadcast_event",
              new JSONObject()
                  .put("channel", CONNECTIONS)
                  .put("event_type", OLD_ORDER)
                  .put("data", new JSONObject().put("socket_id", id)));
      assertThat(ack.getBoolean("ok")).as(ack.toString()).isTrue();
      bothNodesDelivered(id);
    }

    stillConnected(victim1);
    stillConnected(victim2);
  }

  @Test
  void namesTheServerEmitsItselfAreRefusedOverRestAndBroadcast() throws Exception {
    Client service = open(node2, SERVICE);
    for (String name : SERVER_EMITTED) {
      String envelope =
          new JSONObject()
              .put("event", name)
              .put("channel", "product:1")
              .put("data", new JSONObject())
              .toString();
      RestApiIT.assertProblem(
          node1.rest().post("/events", SERVICE, envelope), 422, "PAYLOAD_INVALID");
      RestApiIT.assertProblem(
          node2.rest().post("/events", ADMIN, envelope), 422, "PAYLOAD_INVALID");

      JSONObject ack =
          service.call(
              "broadcast_event",
              new JSONObject()
                  .put("channel", "product:1")
                  .put("event_type", name)
                  .put("data", new JSONObject()));
      assertThat(ack.getBoolean("ok")).as(name).isFalse();
      assertThat(ack.getJSONObject("error").getString("code"))
          .as(name)
          .isEqualTo("PAYLOAD_INVALID");
    }
  }

  @Test
  void namesTheServerEmitsItselfGoFromKafkaToTheDeadLetterTopic() throws Exception {
    Client viewer = open(node2, TestServer.token("viewer"));
    JSONObject joined =
        viewer.call("join_channel", new JSONObject().put("channels", List.of("product:dl")));
    assertThat(joined.getBoolean("ok")).isTrue();
    for (String name : SERVER_EMITTED) {
      kafka.send(
          topic,
          "emitted-" + name,
          new JSONObject()
              .put("event", name)
              .put("channel", "product:dl")
              .put("data", new JSONObject().put("n", 1))
              .toString());
    }
    kafka.send(
        topic,
        "after",
        new JSONObject()
            .put("id", "after-emitted")
            .put("event", "product_price_change")
            .put("channel", "product:dl")
            .put("data", new JSONObject())
            .toString());

    // The valid record after them arrives, and nothing refused reached the viewer before it.
    assertThat(viewer.awaitObject("product_price_change").getString("id"))
        .isEqualTo("after-emitted");
    for (String name : List.of("message", "typing", "read_receipt", "presence_update")) {
      assertThat(viewer.receives(name, 0)).as(name).isFalse();
    }
    List<ConsumerRecord<String, String>> dead =
        kafka.readAllAsText(deadLetters, SERVER_EMITTED.size());
    assertThat(dead)
        .extracting(ConsumerRecord::key)
        .containsExactlyElementsOf(SERVER_EMITTED.stream().map(n -> "emitted-" + n).toList());
    assertThat(dead)
        .extracting(
            r -> new String(r.headers().lastHeader("dlq.reason").value(), StandardCharsets.UTF_8))
        .containsOnly("PAYLOAD_INVALID");
  }

  @Test
  void theAdminApiDisconnectsASocketOfTheOtherNode() throws Exception {
    String id = victim2.socket.id();
    HttpTestClient.Reply refused = node1.rest().delete("/admin/connections/" + id, SERVICE);
    assertThat(refused.status()).as(refused.body()).isEqualTo(403);

    HttpTestClient.Reply reply = node1.rest().delete("/admin/connections/" + id, ADMIN);

    assertThat(reply.status()).as(reply.body()).isEqualTo(204);
    victim2.await(io.socket.client.Socket.EVENT_DISCONNECT);
    stillConnected(victim1);
    // The command is not an event: once a marker published after it has reached both watchers,
    // nobody on admin:connections has heard of the command.
    watcher1.listen("marker");
    watcher2.listen("marker");
    HttpTestClient.Reply marker =
        node1
            .rest()
            .post(
                "/events",
                SERVICE,
                "{\"event\":\"marker\",\"channel\":\"" + CONNECTIONS + "\",\"data\":{}}");
    assertThat(marker.status()).as(marker.body()).isEqualTo(202);
    for (Client watcher : List.of(watcher1, watcher2)) {
      watcher.await("marker");
      assertThat(watcher.receives(OLD_ORDER, 0)).isFalse();
    }
  }
}

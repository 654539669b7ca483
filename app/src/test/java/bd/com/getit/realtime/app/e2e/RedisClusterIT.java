package bd.com.getit.realtime.app.e2e;

import static bd.com.getit.realtime.app.e2e.ClusterApi.onlineUsers;
import static bd.com.getit.realtime.app.e2e.ClusterApi.presence;
import static bd.com.getit.realtime.app.e2e.ClusterApi.publishPrice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.domain.presence.PresenceStatus;
import bd.com.getit.realtime.testsupport.EmbeddedRedis;
import bd.com.getit.realtime.testsupport.HttpTestClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Three nodes sharing one Redis behave as one service: fanout, presence, rate limits, offline
 * queues, recovery on another node, a crashed node's cleanup, and a Redis restart.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisClusterIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int NODE_TIMEOUT_SECONDS = 2;
  private static final int JOIN_LIMIT = 8;

  static EmbeddedRedis redis;
  static TestServer node1;
  static TestServer node2;
  static TestServer node3;

  @BeforeAll
  static void startCluster() throws Exception {
    redis = EmbeddedRedis.launch();
    node1 = node("node-1");
    node2 = node("node-2");
    node3 = node("node-3");
  }

  @AfterAll
  static void stopCluster() throws Exception {
    for (TestServer node : new TestServer[] {node1, node2, node3}) {
      if (node != null) {
        node.close();
      }
    }
    if (redis != null) {
      redis.close();
    }
  }

  static TestServer node(String id) throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("REALTIME_NODE_ID", id);
    env.put("REALTIME_REDIS_URL", redis.url());
    env.put("REALTIME_REDIS_KEY_PREFIX", "cluster-it:");
    env.put("REALTIME_NODE_TIMEOUT_SECONDS", Integer.toString(NODE_TIMEOUT_SECONDS));
    env.put("REALTIME_RECOVERY_WINDOW_SECONDS", "60");
    env.put("REALTIME_RATE_LIMITS", "join_channel=" + JOIN_LIMIT);
    return TestServer.start(env);
  }

  static Client connect(TestServer node, String user) {
    return Client.connect(node, TestServer.token(user), Client.WEBSOCKET);
  }

  static JSONObject json(String text) {
    try {
      return new JSONObject(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  static void join(Client c, String channel) throws Exception {
    JSONObject ack = c.call("join_channel", json("{\"channels\":[\"" + channel + "\"]}"));
    assertThat(ack.getBoolean("ok")).as(ack.toString()).isTrue();
  }

  static int priceN(Client c) throws Exception {
    return c.awaitObject("product_price_change").getJSONObject("data").getInt("n");
  }

  @Test
  @Order(1)
  void aPublicationThroughOneNodeReachesSubscribersOnEveryNodeExactlyOnce() throws Exception {
    try (Client at1 = connect(node1, "fan-1");
        Client at2 = connect(node2, "fan-2");
        Client at3 = connect(node3, "fan-3")) {
      for (Client c : List.of(at1, at2, at3)) {
        join(c, "product:everywhere");
      }

      publishPrice(node3, "product:everywhere", 7);

      for (Client c : List.of(at1, at2, at3)) {
        assertThat(priceN(c)).isEqualTo(7);
      }
      for (Client c : List.of(at1, at2, at3)) {
        assertThat(c.receives("product_price_change", 300)).isFalse();
      }
    }
  }

  @Test
  @Order(2)
  void adminStatsAreClusterWideTheSameOnEveryNodeWithARowPerNode() throws Exception {
    String admin = TestServer.token("ops", "admin");
    try (Client a = connect(node1, "stats-a");
        Client b = connect(node2, "stats-b");
        Client b2 = connect(node2, "stats-a")) {
      await()
          .atMost(Duration.ofSeconds(10))
          .pollInterval(Duration.ofMillis(100))
          .untilAsserted(
              () -> {
                for (TestServer node : List.of(node1, node2, node3)) {
                  HttpTestClient.Reply reply = node.rest().get("/admin/stats", admin);
                  assertThat(reply.status()).as(reply.body()).isEqualTo(200);
                  JsonNode stats = JSON.readTree(reply.body());
                  assertThat(stats.get("total_connections").asLong()).isEqualTo(3);
                  assertThat(stats.get("active_users").asLong()).isEqualTo(2);
                  List<String> ids = new ArrayList<>();
                  Map<String, Long> connections = new HashMap<>();
                  for (JsonNode row : stats.get("nodes")) {
                    ids.add(row.get("node_id").asText());
                    connections.put(row.get("node_id").asText(), row.get("connections").asLong());
                    assertThat(row.get("started_at").asText()).endsWith("Z");
                    assertThat(row.has("messages_per_second")).isTrue();
                  }
                  assertThat(ids).containsExactly("node-1", "node-2", "node-3");
                  assertThat(connections)
                      .containsEntry("node-1", 1L)
                      .containsEntry("node-2", 2L)
                      .containsEntry("node-3", 0L);
                }
              });
    }
  }

  @Test
  @Order(2)
  void aUserWithADeviceOnTwoNodesIsOnlineWithTwoDevicesEverywhere() {
    try (Client phone = connect(node1, "dual-device");
        Client laptop = connect(node2, "dual-device")) {
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () -> {
                for (TestServer node : List.of(node1, node2, node3)) {
                  assertThat(presence(node, "dual-device").deviceCount()).isEqualTo(2);
                  assertThat(presence(node, "dual-device").status())
                      .isEqualTo(PresenceStatus.ONLINE);
                }
                assertThat(onlineUsers(node2)).isEqualTo(onlineUsers(node1));
                assertThat(onlineUsers(node3)).isEqualTo(onlineUsers(node1));
                assertThat(onlineUsers(node1).total()).isGreaterThanOrEqualTo(1);
              });

      laptop.close();

      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () -> assertThat(presence(node3, "dual-device").deviceCount()).isEqualTo(1));
    }
  }

  @Test
  @Order(3)
  void aRateLimitIsSharedByTheUsersSocketsOnEveryNode() throws Exception {
    try (Client at1 = connect(node1, "limited");
        Client at2 = connect(node2, "limited")) {
      int allowed = 0;
      for (int i = 0; i < JOIN_LIMIT; i++) {
        for (Client c : List.of(at1, at2)) {
          JSONObject ack =
              c.call("join_channel", json("{\"channels\":[\"product:limit-" + i + "\"]}"));
          if (ack.getBoolean("ok")) {
            allowed++;
          } else {
            assertThat(ack.getJSONObject("error").getString("code")).isEqualTo("RATE_LIMITED");
          }
        }
      }

      assertThat(allowed).isEqualTo(JOIN_LIMIT);
    }
  }

  @Test
  @Order(4)
  void aQueuedMessageIsDeliveredOnceOnAnotherNodeThenOfflineSync() throws Exception {
    ClusterApi.publish(
        node1,
        "order_status_update",
        "user:olivia",
        JsonValue.JsonObject.builder().put("order_id", "o-1").put("status", "shipped").build());

    try (Client olivia = connectListening(node2, "olivia", "order_status_update")) {
      assertThat(
              olivia.awaitObject("order_status_update").getJSONObject("data").getString("order_id"))
          .isEqualTo("o-1");
      olivia.await("offline_sync");
      assertThat(olivia.receives("order_status_update", 300)).isFalse();
    }
    try (Client again = connectListening(node3, "olivia", "order_status_update")) {
      assertThat(again.receives("order_status_update", 500)).isFalse();
    }
  }

  static Client connectListening(TestServer node, String user, String event) {
    Client c =
        new Client(node.url(), "/realtime", TestServer.token(user), Client.WEBSOCKET).listen(event);
    c.socket.connect();
    c.await("authenticated");
    return c;
  }

  @Test
  @Order(5)
  void aDroppedClientRecoversOnAnotherNodeWithEveryMissedEventInOrder() throws Exception {
    String token = TestServer.token("roamer");
    String sid;
    String pid;
    String offset;
    try (RawClient first = RawClient.open(node1.port())) {
      JsonNode reply = CrashedSession.connect(first, "{\"token\":\"" + token + "\"}");
      sid = reply.get("sid").asText();
      pid = reply.get("pid").asText();
      first.send("42/realtime,1[\"join_channel\",{\"channels\":[\"product:roam\"]}]");
      assertThat(first.next("43/realtime,1")).contains("\"joined\":[\"product:roam\"]");
      publishPrice(node1, "product:roam", 0);
      JsonNode args = CrashedSession.priceEvent(first);
      offset = args.get(2).asText();
    } // dropped without a DISCONNECT: recoverable
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                node1
                    .server
                    .core()
                    .subscriptions()
                    .principalOf(bd.com.getit.realtime.domain.ConnectionId.of(sid))
                    .isEmpty());

    publishPrice(node3, "product:roam", 1);
    publishPrice(node1, "product:roam", 2);

    try (RawClient second = RawClient.open(node2.port())) {
      JsonNode reply =
          CrashedSession.connect(
              second,
              "{\"token\":\""
                  + token
                  + "\",\"pid\":\""
                  + pid
                  + "\",\"offset\":\""
                  + offset
                  + "\"}");
      assertThat(reply.get("sid").asText()).as("recovered: same socket id").isEqualTo(sid);
      List<Integer> missed = new ArrayList<>();
      missed.add(CrashedSession.priceEvent(second).get(1).get("data").get("n").asInt());
      missed.add(CrashedSession.priceEvent(second).get(1).get("data").get("n").asInt());
      assertThat(missed).containsExactly(1, 2);

      publishPrice(node3, "product:roam", 3);
      assertThat(CrashedSession.priceEvent(second).get(1).get("data").get("n").asInt())
          .isEqualTo(3);
    }
  }

  @Test
  @Order(6)
  void aCrashedNodesUsersLeavePresenceWithinTheBoundAndReconnectElsewhere() throws Exception {
    TestServer doomed = node("node-4");
    try (Client victim = connect(doomed, "crash-victim");
        Client watcher = connect(node1, "crash-watcher")) {
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> presence(node1, "crash-victim").deviceCount() == 1);

      long crashedAt = System.nanoTime();
      doomed.server.halt();

      await()
          .atMost(Duration.ofSeconds(NODE_TIMEOUT_SECONDS * 4L))
          .pollInterval(Duration.ofMillis(100))
          .untilAsserted(
              () -> {
                assertThat(presence(node2, "crash-victim").deviceCount()).isZero();
                assertThat(presence(node2, "crash-victim").status())
                    .isEqualTo(PresenceStatus.OFFLINE);
              });
      assertThat(Duration.ofNanos(System.nanoTime() - crashedAt))
          .isLessThan(Duration.ofSeconds(NODE_TIMEOUT_SECONDS * 3L));
      assertThat(watcher.socket.connected()).isTrue();
    }
    try (Client moved = connect(node1, "crash-victim");
        Client peer = connect(node2, "crash-peer")) {
      join(moved, "product:after-crash");
      publishPrice(node2, "product:after-crash", 5);
      assertThat(priceN(moved)).isEqualTo(5);
    } finally {
      doomed.close();
    }
  }

  @Test
  @Order(7)
  void aClientOfACrashedNodeRecoversOnAnotherNodeWithEveryEventPublishedMeanwhile()
      throws Exception {
    TestServer doomed = node("node-5");
    try {
      CrashedSession lost = CrashedSession.crash(doomed, node1, "phoenix", "product:phoenix");
      publishPrice(node2, "product:phoenix", 1);
      publishPrice(node3, "product:phoenix", 2);
      publishPrice(node1, "product:phoenix", 3);
      // The old socket is cleaned up after node 5 within the (short) node timeout of this cluster.
      await()
          .atMost(Duration.ofSeconds(NODE_TIMEOUT_SECONDS * 4L))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> presence(node2, "phoenix").deviceCount() == 0);

      lost.recoversOn(node2, 1, 2, 3);
    } finally {
      doomed.close();
    }
  }

  @Test
  @Order(99)
  void aRedisRestartDuringTrafficKeepsLocalDeliveryAndLosesNothingAcrossNodes() throws Exception {
    if (redis.isExternal()) {
      return; // an external Redis cannot be restarted by the test
    }
    try (Client at1 = connect(node1, "outage-1");
        Client at2 = connect(node2, "outage-2")) {
      join(at1, "product:outage");
      join(at2, "product:outage");
      publishPrice(node1, "product:outage", 0);
      assertThat(priceN(at1)).isZero();
      assertThat(priceN(at2)).isZero();

      redis.stop();
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(ready(node1)).contains("\"redis\":\"DOWN\""));
      publishPrice(node1, "product:outage", 1);
      assertThat(priceN(at1)).as("local delivery during the outage").isEqualTo(1);

      redis.start();
      await()
          .atMost(Duration.ofSeconds(15))
          .untilAsserted(() -> assertThat(ready(node2)).contains("\"redis\":\"UP\""));
      // What node 1 published while Redis was away was kept and reaches node 2 now, in order.
      assertThat(priceN(at2)).as("kept through the outage").isEqualTo(1);
      publishPrice(node1, "product:outage", 2);
      assertThat(priceN(at2)).isEqualTo(2);
      assertThat(priceN(at1)).isEqualTo(2);
      await()
          .atMost(Duration.ofSeconds(15))
          .untilAsserted(() -> assertThat(ready(node1)).contains("\"redis\":\"UP\""));
      // Redis came back empty: each node found the cluster had forgotten it and registered its
      // live sockets again, so both users are online again for every node.
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () -> {
                assertThat(presence(node2, "outage-1").deviceCount()).isEqualTo(1);
                assertThat(presence(node1, "outage-2").deviceCount()).isEqualTo(1);
              });
    }
  }

  static String ready(TestServer node) {
    HttpTestClient.Reply r = new HttpTestClient(node.url()).get("/health/ready", null);
    return r.status() + " " + r.body();
  }
}

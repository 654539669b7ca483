package bd.com.getit.realtime.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bd.com.getit.realtime.testsupport.EmbeddedRedis;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Chat and notifications across three nodes that share one Redis, whatever holds the records
 * (PROTOCOL 10.5): a room created through one node is the same room on the others, members join and
 * talk through any node, history and read marks are the same everywhere, and a notification created
 * on one node is listed, read and clicked through the others. Subclasses say where the records
 * live.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ClusterChatScenario implements SupportRoomsScenario {
  EmbeddedRedis redis;
  TestServer node1;
  TestServer node2;
  TestServer node3;

  @Override
  public TestServer node(int n) {
    return switch (n) {
      case 1 -> node1;
      case 2 -> node2;
      case 3 -> node3;
      default -> throw new IllegalArgumentException("no node " + n);
    };
  }

  /** Starts whatever else the nodes need and answers their extra environment. */
  abstract Map<String, String> startStores() throws Exception;

  /** The nodes' Redis key prefix: one per test class, so they may share a Redis. */
  String keyPrefix() {
    return getClass().getSimpleName() + ":";
  }

  /** Stops what {@link #startStores} started. */
  abstract void stopStores() throws Exception;

  @BeforeAll
  void start() throws Exception {
    redis = EmbeddedRedis.launch();
    Map<String, String> stores = startStores();
    node1 = node("chat-node-1", stores);
    node2 = node("chat-node-2", stores);
    node3 = node("chat-node-3", stores);
  }

  @AfterAll
  void stop() throws Exception {
    for (TestServer node : new TestServer[] {node1, node2, node3}) {
      if (node != null) {
        node.close();
      }
    }
    stopStores();
    if (redis != null) {
      redis.close();
    }
  }

  private TestServer node(String id, Map<String, String> stores) throws Exception {
    Map<String, String> env = new HashMap<>(stores);
    env.put("REALTIME_NODE_ID", id);
    env.put("REALTIME_REDIS_URL", redis.url());
    env.put("REALTIME_REDIS_KEY_PREFIX", keyPrefix());
    env.put("REALTIME_ATTACHMENT_HOSTS", ATTACHMENT_HOST);
    return TestServer.start(env);
  }

  static JSONObject send(Client c, String channel, String text) throws Exception {
    JSONObject ack =
        c.call(
            "send_message",
            new JSONObject().put("channel", channel).put("message", text).put("type", "text"));
    assertThat(ack.getBoolean("ok")).as(ack.toString()).isTrue();
    return ack;
  }

  static void joinChannel(Client c, String channel) throws Exception {
    JSONObject ack =
        c.call("join_channel", new JSONObject().put("channels", new JSONArray().put(channel)));
    assertThat(ack.getJSONArray("joined").toString()).as(ack.toString()).contains(channel);
  }

  private static JSONObject participant(JSONObject room, String user) throws Exception {
    JSONArray participants = room.getJSONArray("participants");
    for (int i = 0; i < participants.length(); i++) {
      if (participants.getJSONObject(i).getString("user_id").equals(user)) {
        return participants.getJSONObject(i);
      }
    }
    throw new AssertionError(user + " is not in " + room);
  }

  @Test
  void aChatBetweenUsersOnTwoNodesGoesBothWaysWithHistory() throws Exception {
    String room = new RecordsApi(node1).createRoom("rahim", "karim");
    String channel = "chat:" + room;
    try (Client rahim = Client.connect(node1, TestServer.token("rahim"), Client.WEBSOCKET);
        Client karim = Client.connect(node2, TestServer.token("karim"), Client.POLLING)) {
      joinChannel(rahim, channel);
      joinChannel(karim, channel);

      send(rahim, channel, "আসসালামু আলাইকুম, from node 1");
      JSONObject atKarim = karim.awaitObject("message");
      assertThat(atKarim.getString("sender_id")).isEqualTo("rahim");
      assertThat(atKarim.getString("message")).isEqualTo("আসসালামু আলাইকুম, from node 1");
      assertThat(atKarim.getString("room_id")).isEqualTo(room);

      send(karim, channel, "ওয়ালাইকুম আসসালাম, from node 2");
      JSONObject atRahim = rahim.awaitObject("message");
      assertThat(atRahim.getString("sender_id")).isEqualTo("karim");

      assertThat(rahim.receives("message", 300)).as("no echo to the sender").isFalse();
      assertThat(karim.receives("message", 300)).as("no echo to the sender").isFalse();
    }
    List<String> expected =
        List.of("ওয়ালাইকুম আসসালাম, from node 2", "আসসালামু আলাইকুম, from node 1");
    assertThat(new RecordsApi(node1).history("karim", room)).isEqualTo(expected);
    assertThat(new RecordsApi(node2).history("rahim", room)).isEqualTo(expected);
    assertThat(new RecordsApi(node3).history("rahim", room)).isEqualTo(expected);
  }

  @Test
  void aRoomCreatedOnOneNodeIsJoinedUsedAndReadOnTheOthers() throws Exception {
    String room = new RecordsApi(node1).createRoom("amina", "bilal");
    String channel = "chat:" + room;
    JSONObject joined = new RecordsApi(node3).join("chayan", room);
    assertThat(participant(joined, "chayan").getString("role")).isEqualTo("customer");

    try (Client amina = Client.connect(node1, TestServer.token("amina"), Client.WEBSOCKET);
        Client chayan = Client.connect(node2, TestServer.token("chayan"), Client.WEBSOCKET)) {
      joinChannel(amina, channel);
      joinChannel(chayan, channel);

      JSONObject sent = send(chayan, channel, "joined through node 3, writing on node 2");
      JSONObject atAmina = amina.awaitObject("message");
      assertThat(atAmina.getString("sender_id")).isEqualTo("chayan");
      assertThat(atAmina.getString("id")).isEqualTo(sent.getString("id"));

      JSONObject read =
          amina.call(
              "mark_read",
              new JSONObject().put("room_id", room).put("message_id", sent.getString("id")));
      assertThat(read.getBoolean("ok")).as(read.toString()).isTrue();
      JSONObject receipt = chayan.awaitObject("read_receipt");
      assertThat(receipt.getString("user_id")).isEqualTo("amina");
      assertThat(receipt.getString("message_id")).isEqualTo(sent.getString("id"));
    }

    for (TestServer node : List.of(node1, node2, node3)) {
      JSONObject seen = new RecordsApi(node).room("bilal", room);
      assertThat(participant(seen, "amina").isNull("last_read_at")).as("read mark").isFalse();
      assertThat(participant(seen, "chayan").getString("role")).isEqualTo("customer");
      assertThat(new RecordsApi(node).history("bilal", room))
          .containsExactly("joined through node 3, writing on node 2");
    }
  }

  @Test
  void aNotificationCreatedOnOneNodeIsListedReadAndClickedOnTheOthers() throws Exception {
    try (Client dina = Client.connect(node2, TestServer.token("dina"), Client.WEBSOCKET)) {
      String id = new RecordsApi(node1).sendNotification("dina", "Your order has shipped");
      assertThat(dina.awaitObject("notification").getJSONObject("data").getString("id"))
          .isEqualTo(id);
      // Taken by dina's socket on node 2: delivered, on every node (PROTOCOL 10.3).
      await()
          .atMost(Duration.ofSeconds(5))
          .untilAsserted(
              () ->
                  assertThat(new RecordsApi(node3).notifications("dina"))
                      .containsExactly(id + " delivered"));
      assertThat(new RecordsApi(node3).unreadCount("dina")).isEqualTo(1);

      JSONObject read = dina.call("notification_read", new JSONObject().put("id", id));
      assertThat(read.getBoolean("ok")).as(read.toString()).isTrue();
      await()
          .atMost(Duration.ofSeconds(5))
          .untilAsserted(
              () ->
                  assertThat(new RecordsApi(node1).notifications("dina"))
                      .containsExactly(id + " read"));
      assertThat(new RecordsApi(node1).unreadCount("dina")).isZero();

      assertThat(new RecordsApi(node3).click("dina", id)).isEqualTo("clicked");
      assertThat(new RecordsApi(node2).notifications("dina")).containsExactly(id + " clicked");
    }
  }
}

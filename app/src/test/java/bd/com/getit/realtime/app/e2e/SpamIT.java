package bd.com.getit.realtime.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import bd.com.getit.realtime.testsupport.EmbeddedRedis;
import bd.com.getit.realtime.testsupport.HttpTestClient;
import java.util.List;
import java.util.Map;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/**
 * {@code SPAM_DETECTED} end to end (PROTOCOL section 7): the same text past the configured repeat
 * limit is refused over the socket and REST, neither stored nor delivered; with Redis the rules are
 * shared, so the same user spamming through two nodes is caught as through one.
 */
class SpamIT {
  private static final Map<String, String> TWO_REPEATS = Map.of("REALTIME_SPAM_MAX_REPEATS", "2");

  static JSONObject send(Client c, String channel, String text) throws Exception {
    return c.call(
        "send_message",
        new JSONObject().put("channel", channel).put("message", text).put("type", "text"));
  }

  static void join(Client c, String channel) throws Exception {
    JSONObject ack =
        c.call("join_channel", new JSONObject().put("channels", new JSONArray().put(channel)));
    assertThat(ack.getJSONArray("joined").toString()).as(ack.toString()).contains(channel);
  }

  static void assertSpam(JSONObject ack) throws Exception {
    assertThat(ack.getBoolean("ok")).as(ack.toString()).isFalse();
    JSONObject error = ack.getJSONObject("error");
    assertThat(error.getString("code")).isEqualTo("SPAM_DETECTED");
    assertThat(error.getString("message_bn")).isEqualTo("বার্তাটি স্প্যামের মতো দেখাচ্ছে");
  }

  @Test
  void theSameTextPastTheConfiguredLimitIsRefusedOverTheSocketAndNeitherStoredNorDelivered()
      throws Exception {
    try (TestServer server = TestServer.start(TWO_REPEATS)) {
      String room = new RecordsApi(server).createRoom("spammer", "shopper");
      String channel = "chat:" + room;
      try (Client spammer = Client.connect(server, TestServer.token("spammer"), Client.WEBSOCKET);
          Client shopper = Client.connect(server, TestServer.token("shopper"), Client.WEBSOCKET)) {
        join(spammer, channel);
        join(shopper, channel);

        String offer = "৫০% ছাড়! এখনই কিনুন";
        assertThat(send(spammer, channel, offer).getBoolean("ok")).isTrue();
        assertThat(send(spammer, channel, "  ৫০% ছাড়!   এখনই কিনুন ").getBoolean("ok")).isTrue();
        assertSpam(send(spammer, channel, offer));

        shopper.await("message");
        shopper.await("message");
        assertThat(shopper.receives("message", 300)).as("the spam is not delivered").isFalse();
        assertThat(new RecordsApi(server).history("shopper", room)).hasSize(2);

        // Another text is no repeat.
        assertThat(send(spammer, channel, "দুঃখিত").getBoolean("ok")).isTrue();
      }
    }
  }

  @Test
  void restRefusesTheRepeatWithProblemJson() throws Exception {
    try (TestServer server = TestServer.start(TWO_REPEATS)) {
      String room = new RecordsApi(server).createRoom("poster", "reader");
      HttpTestClient rest = server.rest();
      String body = new JSONObject().put("message", "Buy now").put("type", "text").toString();
      String token = TestServer.token("poster");
      for (int i = 0; i < 2; i++) {
        HttpTestClient.Reply ok = rest.post("/chat/rooms/" + room + "/messages", token, body);
        assertThat(ok.status()).as(ok.body()).isBetween(200, 201);
      }

      HttpTestClient.Reply refused = rest.post("/chat/rooms/" + room + "/messages", token, body);

      assertThat(refused.status()).as(refused.body()).isEqualTo(429);
      assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
      assertThat(Json.code(refused)).isEqualTo("SPAM_DETECTED");
      assertThat(new RecordsApi(server).history("reader", room)).hasSize(2);
    }
  }

  @Test
  void theSameUserSpammingThroughTwoNodesIsCaught() throws Exception {
    try (EmbeddedRedis redis = EmbeddedRedis.launch()) {
      Map<String, String> shared =
          Map.of(
              "REALTIME_REDIS_URL", redis.url(),
              "REALTIME_REDIS_KEY_PREFIX", "spam-it:",
              "REALTIME_SPAM_MAX_REPEATS", "2");
      try (TestServer node1 = TestServer.start(with(shared, "REALTIME_NODE_ID", "spam-node-1"));
          TestServer node2 = TestServer.start(with(shared, "REALTIME_NODE_ID", "spam-node-2"))) {
        String room = new RecordsApi(node1).createRoom("roamer", "listener");
        String channel = "chat:" + room;
        try (Client viaNode1 = Client.connect(node1, TestServer.token("roamer"), Client.WEBSOCKET);
            Client viaNode2 = Client.connect(node2, TestServer.token("roamer"), Client.WEBSOCKET)) {
          join(viaNode1, channel);
          join(viaNode2, channel);

          assertThat(send(viaNode1, channel, "free gift").getBoolean("ok")).isTrue();
          assertThat(send(viaNode2, channel, "FREE gift").getBoolean("ok")).isTrue();
          assertSpam(send(viaNode1, channel, "free  gift"));
          assertSpam(send(viaNode2, channel, "free gift"));
        }
        assertThat(new RecordsApi(node2).history("listener", room)).hasSize(2);
      }
    }
  }

  private static Map<String, String> with(Map<String, String> env, String name, String value) {
    Map<String, String> out = new java.util.HashMap<>(env);
    out.put(name, value);
    return out;
  }

  /** Guards the test's own premise: without the override the default limit is three. */
  @Test
  void theDefaultLimitIsThreeRepeats() throws Exception {
    try (TestServer server = TestServer.start()) {
      String room = new RecordsApi(server).createRoom("talker", "other");
      try (Client talker = Client.connect(server, TestServer.token("talker"), Client.WEBSOCKET)) {
        join(talker, "chat:" + room);
        for (String text : List.of("hi", "hi", "hi")) {
          assertThat(send(talker, "chat:" + room, text).getBoolean("ok")).isTrue();
        }
        assertSpam(send(talker, "chat:" + room, "hi"));
      }
    }
  }
}

package bd.com.getit.realtime.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bd.com.getit.realtime.testsupport.EmbeddedRedis;
import bd.com.getit.realtime.testsupport.HttpTestClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/**
 * Presence by place end to end (PROTOCOL section 9): locations sent over the socket in English,
 * Bangla and old spellings are counted under the canonical division and district names by {@code
 * GET /online-users}, and the counts follow connections, disconnections, moves and, in a cluster,
 * the death of a node; {@code GET /presence/{user_id}} shows the shopping activity to staff only;
 * staff subscribed to {@code admin:presence} see every change, on their node and from others.
 */
class PresenceIT {
  private static final int NODE_TIMEOUT_SECONDS = 2;

  private static JSONObject online(TestServer server) {
    HttpTestClient.Reply r = server.rest().get("/online-users", TestServer.token("reader"));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return Json.object(r);
  }

  /** The counts of a {@code by_location} or {@code by_district} object. */
  private static Map<String, Integer> map(JSONObject object) {
    Map<String, Integer> out = new HashMap<>();
    java.util.Iterator<String> keys = object.keys();
    while (keys.hasNext()) {
      String key = keys.next();
      out.put(key, object.optInt(key, -1));
    }
    return out;
  }

  private static void locate(Client client, Object location) throws Exception {
    JSONObject ack = client.call("update_presence", new JSONObject().put("location", location));
    assertThat(ack.getBoolean("ok")).as(ack.toString()).isTrue();
  }

  private static JSONObject at(String division, String district) throws Exception {
    return new JSONObject().put("division", division).put("district", district);
  }

  private static Client connect(TestServer server, String user) {
    return Client.connect(server, TestServer.token(user), Client.WEBSOCKET);
  }

  @Test
  void locationsInEitherScriptAreCountedUnderCanonicalNamesAndFollowEveryChange() throws Exception {
    try (TestServer server = TestServer.start();
        Client rahim = connect(server, "rahim");
        Client karim = connect(server, "karim");
        Client nasrin = connect(server, "nasrin");
        Client tania = connect(server, "tania");
        Client guest = Client.connect(server, null, Client.WEBSOCKET)) {
      locate(rahim, "dhaka");
      locate(karim, "ঢাকা");
      locate(nasrin, at("Chittagong", "Comilla"));
      locate(tania, at("চট্টগ্রাম", "কুমিল্লা"));

      JSONObject counts = online(server);
      assertThat(counts.getLong("total_online")).isEqualTo(4);
      assertThat(map(counts.getJSONObject("by_location")))
          .isEqualTo(Map.of("Dhaka", 2, "Chattogram", 2));
      assertThat(map(counts.getJSONObject("by_district")))
          .isEqualTo(Map.of("Chattogram/Cumilla", 2));

      locate(karim, "Mars"); // unknown text counts under Other
      locate(tania, at("Khulna", "Jessore")); // a move
      counts = online(server);
      assertThat(map(counts.getJSONObject("by_location")))
          .isEqualTo(Map.of("Dhaka", 1, "Chattogram", 1, "Khulna", 1, "Other", 1));
      assertThat(map(counts.getJSONObject("by_district")))
          .isEqualTo(Map.of("Chattogram/Cumilla", 1, "Khulna/Jashore", 1));

      nasrin.close(); // a disconnection
      await()
          .atMost(Duration.ofSeconds(5))
          .untilAsserted(
              () -> {
                JSONObject after = online(server);
                assertThat(after.getLong("total_online")).isEqualTo(3);
                assertThat(map(after.getJSONObject("by_location")))
                    .isEqualTo(Map.of("Dhaka", 1, "Khulna", 1, "Other", 1));
                assertThat(map(after.getJSONObject("by_district")))
                    .isEqualTo(Map.of("Khulna/Jashore", 1));
              });
    }
  }

  @Test
  void theShoppingActivityIsReturnedToStaffOnly() throws Exception {
    try (TestServer server = TestServer.start();
        Client shopper = connect(server, "shopper")) {
      JSONObject ack =
          shopper.call(
              "update_presence",
              new JSONObject()
                  .put("status", "online")
                  .put("current_page", "/checkout")
                  .put(
                      "activity",
                      new JSONObject()
                          .put("viewing_product", "p-1299")
                          .put("cart_items", 3)
                          .put("in_checkout", true)));
      assertThat(ack.getBoolean("ok")).as(ack.toString()).isTrue();

      HttpTestClient.Reply toAgent =
          server.rest().get("/presence/shopper", TestServer.token("agent-1", "support_agent"));
      HttpTestClient.Reply toCustomer =
          server.rest().get("/presence/shopper", TestServer.token("other-shopper"));
      HttpTestClient.Reply toSelf =
          server.rest().get("/presence/shopper", TestServer.token("shopper"));

      JSONObject activity = Json.object(toAgent).getJSONObject("activity");
      assertThat(activity.getString("viewing_product")).isEqualTo("p-1299");
      assertThat(activity.getInt("cart_items")).isEqualTo(3);
      assertThat(activity.getBoolean("in_checkout")).isTrue();
      assertThat(Json.object(toCustomer).has("activity")).isFalse();
      assertThat(Json.object(toSelf).has("activity")).isFalse();
      assertThat(Json.object(toCustomer).getString("current_page")).isEqualTo("/checkout");
    }
  }

  @Test
  void clusterCountsAreTheSameOnEveryNodeAndLoseADeadNodesUsers() throws Exception {
    try (EmbeddedRedis redis = EmbeddedRedis.launch()) {
      Map<String, String> env = new HashMap<>();
      env.put("REALTIME_REDIS_URL", redis.url());
      env.put("REALTIME_REDIS_KEY_PREFIX", "presence-it:");
      env.put("REALTIME_NODE_TIMEOUT_SECONDS", Integer.toString(NODE_TIMEOUT_SECONDS));
      try (TestServer node1 = TestServer.start(with(env, "presence-node-1"));
          TestServer doomed = TestServer.start(with(env, "presence-node-2"));
          Client sylhet = connect(node1, "in-sylhet");
          Client bogura = connect(doomed, "in-bogura");
          Client barishal = connect(doomed, "in-barishal")) {
        locate(sylhet, "সিলেট");
        locate(bogura, at("Rajshahi", "Bogra"));
        locate(barishal, "Barisal");

        for (TestServer node : new TestServer[] {node1, doomed}) {
          JSONObject counts = online(node);
          assertThat(counts.getLong("total_online")).isEqualTo(3);
          assertThat(map(counts.getJSONObject("by_location")))
              .isEqualTo(Map.of("Sylhet", 1, "Rajshahi", 1, "Barishal", 1));
          assertThat(map(counts.getJSONObject("by_district")))
              .isEqualTo(Map.of("Rajshahi/Bogura", 1));
        }

        doomed.server.halt();

        await()
            .atMost(Duration.ofSeconds(NODE_TIMEOUT_SECONDS * 5L))
            .pollInterval(Duration.ofMillis(200))
            .untilAsserted(
                () -> {
                  JSONObject counts = online(node1);
                  assertThat(counts.getLong("total_online")).isEqualTo(1);
                  assertThat(map(counts.getJSONObject("by_location")))
                      .isEqualTo(Map.of("Sylhet", 1));
                  assertThat(map(counts.getJSONObject("by_district"))).isEmpty();
                });
      }
    }
  }

  /** An admin's socket subscribed to {@code admin:presence}, recording {@code presence_update}. */
  private static Client staffWatching(TestServer server) throws Exception {
    Client admin =
        Client.connect(server, TestServer.token("boss", "admin"), Client.WEBSOCKET)
            .listen("presence_update");
    ChannelAccessIT.join(admin, java.util.List.of("admin:presence"), Map.of());
    return admin;
  }

  /** The next {@code presence_update} about {@code user} the watcher receives. */
  private static JSONObject nextAbout(Client watcher, String user) throws Exception {
    while (true) {
      JSONObject update = watcher.awaitObject("presence_update");
      if (update.getString("user_id").equals(user)) {
        return update;
      }
    }
  }

  @Test
  void staffOnAdminPresenceSeeEveryConnectAndDisconnect() throws Exception {
    try (TestServer server = TestServer.start();
        Client admin = staffWatching(server)) {
      Client shopper = connect(server, "watched-shopper");
      assertThat(nextAbout(admin, "watched-shopper").getString("status")).isEqualTo("online");

      shopper.close();
      assertThat(nextAbout(admin, "watched-shopper").getString("status")).isEqualTo("offline");
    }
  }

  @Test
  void staffOnOneNodeSeeConnectsOnAnotherNode() throws Exception {
    try (EmbeddedRedis redis = EmbeddedRedis.launch()) {
      Map<String, String> env = new HashMap<>();
      env.put("REALTIME_REDIS_URL", redis.url());
      env.put("REALTIME_REDIS_KEY_PREFIX", "presence-staff-it:");
      try (TestServer watched = TestServer.start(with(env, "staff-node-1"));
          TestServer other = TestServer.start(with(env, "staff-node-2"));
          Client admin = staffWatching(watched);
          Client shopper = connect(other, "far-shopper")) {
        assertThat(nextAbout(admin, "far-shopper").getString("status")).isEqualTo("online");
      }
    }
  }

  private static Map<String, String> with(Map<String, String> env, String nodeId) {
    Map<String, String> out = new HashMap<>(env);
    out.put("REALTIME_NODE_ID", nodeId);
    return out;
  }
}

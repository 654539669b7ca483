package bd.com.getit.realtime.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import bd.com.getit.realtime.testsupport.EmbeddedRedis;
import bd.com.getit.realtime.testsupport.HttpTestClient;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Announcements across two nodes sharing a Redis (PROTOCOL 10.3): one made through node 1 reaches a
 * socket that connects to node 2 afterwards, right after {@code authenticated}, and is listed by
 * {@code GET /announcements} on both nodes, for anyone, until its {@code show_until}.
 */
class AnnouncementsClusterIT {
  private static final String ADMIN = TestServer.token("ops-admin", "admin");
  private static EmbeddedRedis redis;
  private static TestServer node1;
  private static TestServer node2;

  @BeforeAll
  static void start() throws Exception {
    redis = EmbeddedRedis.launch();
    node1 = node("announce-node-1");
    node2 = node("announce-node-2");
  }

  private static TestServer node(String id) throws Exception {
    return TestServer.start(
        Map.of(
            "REALTIME_NODE_ID",
            id,
            "REALTIME_REDIS_URL",
            redis.url(),
            "REALTIME_REDIS_KEY_PREFIX",
            "AnnouncementsClusterIT:"));
  }

  @AfterAll
  static void stop() throws Exception {
    for (AutoCloseable c : new AutoCloseable[] {node1, node2, redis}) {
      if (c != null) {
        c.close();
      }
    }
  }

  private static JSONObject announce(String title, String titleBn, Instant showUntil)
      throws Exception {
    JSONObject body =
        new JSONObject()
            .put("title", title)
            .put("title_bn", titleBn)
            .put("message", "The shop pauses from 2 AM to 3 AM")
            .put("message_bn", "রাত ২টা থেকে ৩টা পর্যন্ত দোকান বন্ধ থাকবে")
            .put("type", "maintenance");
    if (showUntil != null) {
      body.put("show_until", showUntil.toString());
    }
    HttpTestClient.Reply r = node1.rest().post("/admin/announcements", ADMIN, body.toString());
    assertThat(r.status()).as(r.body()).isEqualTo(202);
    return new JSONObject(r.body());
  }

  @Test
  void anAnnouncementReachesASocketThatConnectsLaterToAnotherNode() throws Exception {
    Instant until = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    String id = announce("Maintenance tonight", "আজ রাতে রক্ষণাবেক্ষণ", until).getString("id");
    announce("Live only", "শুধু এখন", null);

    Client late =
        new Client(node2.url(), "/realtime", TestServer.token("late-user"), Client.WEBSOCKET);
    try (late) {
      late.socket.connect();
      late.await("authenticated");
      JSONObject envelope = late.awaitObject("system_announcement");
      assertThat(envelope.getString("id")).isEqualTo(id);
      assertThat(envelope.getString("channel")).isEqualTo("system:announcements");
      JSONObject data = envelope.getJSONObject("data");
      assertThat(data.getString("title_bn")).isEqualTo("আজ রাতে রক্ষণাবেক্ষণ");
      assertThat(data.getString("show_until")).isEqualTo(until.toString());
      assertThat(late.receives("system_announcement", 300))
          .as("the live-only one is not kept")
          .isFalse();
    }

    for (TestServer node : new TestServer[] {node1, node2}) {
      HttpTestClient.Reply r = node.rest().get("/announcements", null);
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      JSONArray listed = new JSONObject(r.body()).getJSONArray("announcements");
      assertThat(listed.length()).isEqualTo(1);
      assertThat(listed.getJSONObject(0).getString("id")).isEqualTo(id);
      assertThat(listed.getJSONObject(0).getString("message_bn"))
          .isEqualTo("রাত ২টা থেকে ৩টা পর্যন্ত দোকান বন্ধ থাকবে");
    }
  }
}

package bd.com.getit.realtime.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.domain.presence.PresenceStatus;
import bd.com.getit.realtime.testsupport.HttpTestClient;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.json.JSONObject;

/**
 * What the cluster tests ask a node's REST API (PROTOCOL section 9): {@code POST /events}, {@code
 * GET /presence/{user}}, {@code GET /online-users}, over HTTP with a service token.
 */
final class ClusterApi {
  private static final String SERVICE = TestServer.token("svc", "service");

  /** The fields of {@code GET /presence/{user}} the tests compare. */
  record PresenceView(PresenceStatus status, int deviceCount) {}

  /** {@code GET /online-users}, comparable between nodes. */
  record OnlineView(long total, Map<String, Long> byLocation, Map<String, Long> byDistrict) {}

  private ClusterApi() {}

  /** Publishes an event of another service through {@code node}: {@code POST /events}, 202. */
  static void publish(TestServer node, String event, String channel, JsonValue.JsonObject data) {
    String envelope =
        JsonValue.JsonObject.builder()
            .put("event", event)
            .put("channel", channel)
            .put("data", data)
            .build()
            .toJson();
    HttpTestClient.Reply reply = node.rest().post("/events", SERVICE, envelope);
    assertThat(reply.status()).as(reply.body()).isEqualTo(202);
  }

  /** {@code product_price_change} with data {@code {n}} on {@code channel}. */
  static void publishPrice(TestServer node, String channel, int n) {
    publish(
        node, "product_price_change", channel, JsonValue.JsonObject.builder().put("n", n).build());
  }

  /** A user's presence as {@code node} reports it: {@code GET /presence/{user}}. */
  static PresenceView presence(TestServer node, String user) {
    HttpTestClient.Reply reply = node.rest().get("/presence/" + user, SERVICE);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return Json.read(
        () -> {
          JSONObject body = Json.object(reply);
          return new PresenceView(
              PresenceStatus.valueOf(body.getString("status").toUpperCase(Locale.ROOT)),
              body.getInt("device_count"));
        });
  }

  /** {@code GET /online-users} on {@code node}. */
  static OnlineView onlineUsers(TestServer node) {
    HttpTestClient.Reply reply = node.rest().get("/online-users", SERVICE);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return Json.read(
        () -> {
          JSONObject body = Json.object(reply);
          return new OnlineView(
              body.getLong("total_online"),
              counts(body.getJSONObject("by_location")),
              counts(body.getJSONObject("by_district")));
        });
  }

  private static Map<String, Long> counts(JSONObject object) throws org.json.JSONException {
    Map<String, Long> counts = new TreeMap<>();
    for (java.util.Iterator<String> keys = object.keys(); keys.hasNext(); ) {
      String key = keys.next();
      counts.put(key, object.getLong(key));
    }
    return counts;
  }
}

package bd.com.getit.realtime.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import bd.com.getit.realtime.testsupport.HttpTestClient;
import java.util.ArrayList;
import java.util.List;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * The record-keeping calls the end-to-end tests make besides the socket, over the node's REST API
 * (PROTOCOL section 9): rooms, history, notifications and publishing.
 */
final class RecordsApi {
  private static final String SERVICE = TestServer.token("order-service", "service");

  private final TestServer server;

  RecordsApi(TestServer server) {
    this.server = server;
  }

  private HttpTestClient.Reply expect(HttpTestClient.Reply reply, int status) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    return reply;
  }

  private JSONObject expectJson(HttpTestClient.Reply reply, int status) {
    return Json.object(expect(reply, status));
  }

  /** {@code POST /chat/rooms} by {@code creator}: a group room with {@code others}; its id. */
  String createRoom(String creator, String... others) {
    return Json.read(() -> createRoomJson(creator, others));
  }

  private String createRoomJson(String creator, String... others) throws Exception {
    JSONObject body =
        new JSONObject()
            .put("type", "group_chat")
            .put("participants", new JSONArray(List.of(others)))
            .put("metadata", new JSONObject());
    return expectJson(
            server.rest().post("/chat/rooms", TestServer.token(creator), body.toString()), 201)
        .getString("room_id");
  }

  /** {@code GET /chat/rooms/{room}/messages?limit=50} as {@code user}: the texts, newest first. */
  List<String> history(String user, String room) {
    return Json.read(() -> historyJson(user, room));
  }

  private List<String> historyJson(String user, String room) throws Exception {
    JSONArray messages =
        expectJson(
                server
                    .rest()
                    .get("/chat/rooms/" + room + "/messages?limit=50", TestServer.token(user)),
                200)
            .getJSONArray("messages");
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < messages.length(); i++) {
      texts.add(messages.getJSONObject(i).getString("message"));
    }
    return texts;
  }

  /** {@code POST /notifications} by a service: its id. */
  String sendNotification(String user, String title) {
    return Json.read(() -> sendNotificationJson(user, title));
  }

  private String sendNotificationJson(String user, String title) throws Exception {
    JSONObject body =
        new JSONObject()
            .put("user_id", user)
            .put("notification_type", "order_shipped")
            .put("title", title)
            .put("title_bn", "অর্ডার পাঠানো হয়েছে")
            .put("message", "Order 42 is on its way")
            .put("data", new JSONObject().put("order_id", "42"))
            .put("action_url", "/orders/42")
            .put("priority", "high");
    return expectJson(server.rest().post("/notifications", SERVICE, body.toString()), 201)
        .getString("id");
  }

  /** {@code GET /notifications} as {@code user}: "id status" per notification, newest first. */
  List<String> notifications(String user) {
    return Json.read(() -> notificationsJson(user));
  }

  private List<String> notificationsJson(String user) throws Exception {
    JSONArray list =
        expectJson(server.rest().get("/notifications?limit=50", TestServer.token(user)), 200)
            .getJSONArray("notifications");
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < list.length(); i++) {
      JSONObject n = list.getJSONObject(i);
      lines.add(n.getString("id") + " " + n.getString("status"));
    }
    return lines;
  }

  /** {@code GET /notifications} as {@code user}: the {@code unread_count}. */
  int unreadCount(String user) {
    return Json.read(
        () ->
            expectJson(server.rest().get("/notifications?limit=1", TestServer.token(user)), 200)
                .getInt("unread_count"));
  }

  /** {@code POST /notifications/{id}/clicked} as {@code user}: the status answered. */
  String click(String user, String id) {
    return Json.read(
        () ->
            expectJson(
                    server
                        .rest()
                        .post("/notifications/" + id + "/clicked", TestServer.token(user), "{}"),
                    200)
                .getString("status"));
  }

  /** {@code GET /chat/rooms/{room}} as {@code user}: the room. */
  JSONObject room(String user, String room) {
    return Json.read(
        () -> expectJson(server.rest().get("/chat/rooms/" + room, TestServer.token(user)), 200));
  }

  /** {@code POST /chat/rooms/{room}/join} by {@code user} for self: the room. */
  JSONObject join(String user, String room) {
    return Json.read(
        () ->
            expectJson(
                server.rest().post("/chat/rooms/" + room + "/join", TestServer.token(user), "{}"),
                200));
  }

  /** {@code POST /events} by a service: a persisted {@code product_price_change} with this id. */
  void publishPersisted(String id, String channel) {
    Json.read(() -> publishPersistedJson(id, channel));
  }

  private Void publishPersistedJson(String id, String channel) throws Exception {
    JSONObject envelope =
        new JSONObject()
            .put("id", id)
            .put("event", "product_price_change")
            .put("channel", channel)
            .put("data", new JSONObject().put("new_price", 990))
            .put("persist", true);
    expect(server.rest().post("/events", SERVICE, envelope.toString()), 202);
    return null;
  }
}

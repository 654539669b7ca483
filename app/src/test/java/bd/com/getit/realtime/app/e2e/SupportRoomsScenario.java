package bd.com.getit.realtime.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bd.com.getit.realtime.testsupport.HttpTestClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/**
 * The support desk's rooms across nodes that share their stores (PROTOCOL 10.1 and 10.2), over the
 * socket and REST: a room created on one node is joined, listed with its unread count and last
 * message, closed, archived and left through the others; a retried send is stored and delivered
 * once whichever node the retry reaches; attachments travel as checked references; a peer on
 * another node sees {@code typing} and {@code read_receipt}. Mixed into {@link
 * ClusterChatScenario}, so it runs with MongoDB and with Redis alone as the store of record.
 */
interface SupportRoomsScenario {
  /** The host the nodes take attachment URLs from ({@code REALTIME_ATTACHMENT_HOSTS}). */
  String ATTACHMENT_HOST = "cdn.getit.com.bd";

  /** Node 1, 2 or 3 of the cluster; they share Redis and the store of record. */
  TestServer node(int n);

  private static String token(String user, String... roles) {
    return TestServer.token(user, roles);
  }

  private static JSONObject json(HttpTestClient.Reply reply, int status) throws Exception {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    return Json.object(reply);
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

  private static void joinChannel(Client c, String channel) throws Exception {
    JSONObject ack =
        c.call("join_channel", new JSONObject().put("channels", new JSONArray().put(channel)));
    assertThat(ack.getJSONArray("joined").toString()).as(ack.toString()).contains(channel);
  }

  private static JSONObject send(Client c, String channel, String text, String clientMsgId)
      throws Exception {
    JSONObject payload = new JSONObject().put("channel", channel).put("message", text);
    if (clientMsgId != null) {
      payload.put("client_msg_id", clientMsgId);
    }
    return c.call("send_message", payload);
  }

  private static String errorCode(JSONObject ack) throws Exception {
    assertThat(ack.getBoolean("ok")).as(ack.toString()).isFalse();
    return ack.getJSONObject("error").getString("code");
  }

  /** {@code GET /chat/rooms?...} on a node as {@code token}: the rooms, by id, in order. */
  private static JSONObject rooms(TestServer node, String token, String query) throws Exception {
    return json(node.rest().get("/chat/rooms" + query, token), 200);
  }

  private static List<String> ids(JSONObject list) throws Exception {
    List<String> ids = new ArrayList<>();
    JSONArray rooms = list.getJSONArray("rooms");
    for (int i = 0; i < rooms.length(); i++) {
      ids.add(rooms.getJSONObject(i).getString("room_id"));
    }
    return ids;
  }

  /** The channels of {@code user}'s connections, as the admin API lists them. */
  private static List<String> channelsOf(TestServer node, String user) throws Exception {
    JSONArray connections =
        json(node.rest().get("/admin/connections", token("admin-rina", "admin")), 200)
            .getJSONArray("connections");
    List<String> channels = new ArrayList<>();
    for (int i = 0; i < connections.length(); i++) {
      JSONObject c = connections.getJSONObject(i);
      if (c.getString("user_id").equals(user)) {
        JSONArray names = c.getJSONArray("channels");
        for (int j = 0; j < names.length(); j++) {
          channels.add(names.getString(j));
        }
      }
    }
    return channels;
  }

  private String supportRoom(String customer) throws Exception {
    JSONObject body =
        new JSONObject()
            .put("type", "customer_support")
            .put("metadata", new JSONObject().put("order_id", "o-42"));
    return json(node(1).rest().post("/chat/rooms", token(customer), body.toString()), 201)
        .getString("room_id");
  }

  @Test
  default void aSupportRoomIsJoinedListedClosedAndArchivedThroughAnyNode() throws Exception {
    String customer = "nasrin";
    String agent = token("agent-tariq", "support_agent");
    String room = supportRoom(customer);
    String channel = "chat:" + room;

    JSONObject joined =
        json(node(2).rest().post("/chat/rooms/" + room + "/join", agent, "{}"), 200);
    assertThat(participant(joined, "agent-tariq").getString("role")).isEqualTo("support_agent");
    assertThat(participant(joined, customer).getString("role")).isEqualTo("customer");

    try (Client atAgent = Client.connect(node(2), agent, Client.WEBSOCKET);
        Client atCustomer = Client.connect(node(3), token(customer), Client.WEBSOCKET)) {
      atCustomer.listen("room_closed");
      joinChannel(atAgent, channel);
      joinChannel(atCustomer, channel);
      JSONObject sent = send(atAgent, channel, "আপনার অর্ডার ৪২ আজ পৌঁছাবে", null);
      assertThat(sent.getBoolean("ok")).as(sent.toString()).isTrue();
      atCustomer.awaitObject("message");

      JSONObject listed = rooms(node(1), token(customer), "");
      assertThat(ids(listed)).containsExactly(room);
      JSONObject mine = listed.getJSONArray("rooms").getJSONObject(0);
      assertThat(mine.getString("status")).isEqualTo("active");
      assertThat(mine.getString("type")).isEqualTo("customer_support");
      assertThat(mine.getLong("unread_count")).isEqualTo(1);
      assertThat(mine.getJSONObject("last_message").getString("message"))
          .isEqualTo("আপনার অর্ডার ৪২ আজ পৌঁছাবে");
      assertThat(mine.getString("last_activity")).isEqualTo(sent.getString("timestamp"));
      assertThat(listed.getBoolean("has_more")).isFalse();

      JSONObject read =
          atCustomer.call(
              "mark_read",
              new JSONObject().put("room_id", room).put("message_id", sent.getString("id")));
      assertThat(read.getBoolean("ok")).as(read.toString()).isTrue();
      JSONObject receipt = atAgent.awaitObject("read_receipt");
      assertThat(receipt.getString("user_id")).isEqualTo(customer);
      assertThat(receipt.getString("message_id")).isEqualTo(sent.getString("id"));
      assertThat(receipt.has("read_at")).isTrue();
      assertThat(
              rooms(node(3), token(customer), "")
                  .getJSONArray("rooms")
                  .getJSONObject(0)
                  .getLong("unread_count"))
          .isZero();

      JSONObject closed =
          json(node(1).rest().post("/chat/rooms/" + room + "/close", agent, "{}"), 200);
      assertThat(closed.getString("status")).isEqualTo("closed");
      JSONObject notice = atCustomer.awaitObject("room_closed");
      assertThat(notice.getString("room_id")).isEqualTo(room);
      assertThat(notice.getString("closed_by")).isEqualTo("agent-tariq");
      assertThat(notice.has("timestamp")).isTrue();

      HttpTestClient.Reply again = node(2).rest().post("/chat/rooms/" + room + "/close", agent, "");
      assertThat(again.status()).as(again.body()).isEqualTo(409);
      assertThat(Json.code(again)).isEqualTo("CONFLICT");
      assertThat(errorCode(send(atCustomer, channel, "হ্যালো?", null))).isEqualTo("CONFLICT");
      HttpTestClient.Reply rest =
          node(1)
              .rest()
              .post(
                  "/chat/rooms/" + room + "/messages",
                  token(customer),
                  "{\"message\":\"হ্যালো?\"}");
      assertThat(rest.status()).as(rest.body()).isEqualTo(409);
      assertThat(Json.code(rest)).isEqualTo("CONFLICT");
    }

    assertThat(ids(rooms(node(2), token(customer), "?status=closed"))).containsExactly(room);
    assertThat(ids(rooms(node(2), token(customer), "?status=active"))).doesNotContain(room);
    HttpTestClient.Reply byCustomer =
        node(3).rest().post("/chat/rooms/" + room + "/archive", token(customer), "");
    assertThat(byCustomer.status()).as(byCustomer.body()).isEqualTo(403);
    JSONObject archived =
        json(
            node(3)
                .rest()
                .post("/chat/rooms/" + room + "/archive", token("admin-rina", "admin"), ""),
            200);
    assertThat(archived.getString("status")).isEqualTo("archived");
    JSONObject staffView =
        rooms(node(1), agent, "?status=archived&participant=" + customer + "&limit=10");
    assertThat(ids(staffView)).containsExactly(room);
    HttpTestClient.Reply notStaff =
        node(1).rest().get("/chat/rooms?participant=agent-tariq", token(customer));
    assertThat(notStaff.status()).as(notStaff.body()).isEqualTo(403);
  }

  @Test
  default void aParticipantWhoLeavesStopsReceivingTheRoomOnEveryNode() throws Exception {
    String room = new RecordsApi(node(1)).createRoom("sumon", "lipi");
    String channel = "chat:" + room;
    try (Client sumon = Client.connect(node(2), token("sumon"), Client.WEBSOCKET);
        Client lipi = Client.connect(node(3), token("lipi"), Client.WEBSOCKET)) {
      joinChannel(sumon, channel);
      joinChannel(lipi, channel);

      JSONObject left =
          json(node(1).rest().post("/chat/rooms/" + room + "/leave", token("lipi"), ""), 200);
      assertThat(left.toString()).doesNotContain("\"lipi\"");

      // Lipi's socket on node 3 leaves the channel when the bus brings node 3 the leave.
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(channelsOf(node(1), "lipi")).doesNotContain(channel));
      assertThat(errorCode(send(lipi, channel, "still here?", null))).isEqualTo("NOT_SUBSCRIBED");
      assertThat(send(sumon, channel, "গেছেন?", null).getBoolean("ok")).isTrue();
      assertThat(lipi.receives("message", 500)).as("no message after leaving").isFalse();
      assertThat(ids(rooms(node(2), token("lipi"), ""))).doesNotContain(room);
      assertThat(ids(rooms(node(3), token("sumon"), ""))).contains(room);
      HttpTestClient.Reply twice =
          node(2).rest().post("/chat/rooms/" + room + "/leave", token("lipi"), "");
      assertThat(twice.status()).as(twice.body()).isEqualTo(403);
    }
  }

  @Test
  default void aRetriedMessageIsStoredAndDeliveredOnceWhicheverNodeTheRetryReaches()
      throws Exception {
    String room = new RecordsApi(node(1)).createRoom("shila", "rafiq");
    String channel = "chat:" + room;
    try (Client rafiq = Client.connect(node(3), token("rafiq"), Client.WEBSOCKET);
        Client first = Client.connect(node(1), token("shila"), Client.WEBSOCKET)) {
      joinChannel(rafiq, channel);
      joinChannel(first, channel);
      JSONObject ack = send(first, channel, "পেমেন্ট করেছি, ৳১,২০০", "android-77.1");
      assertThat(ack.getBoolean("ok")).as(ack.toString()).isTrue();

      // The phone lost the ack and reconnected to another node: it sends the same message again.
      try (Client retry = Client.connect(node(2), token("shila"), Client.POLLING)) {
        joinChannel(retry, channel);
        JSONObject again = send(retry, channel, "পেমেন্ট করেছি, ৳১,২০০", "android-77.1");
        assertThat(again.getBoolean("ok")).as(again.toString()).isTrue();
        assertThat(again.getString("id")).isEqualTo(ack.getString("id"));
        assertThat(again.getString("timestamp")).isEqualTo(ack.getString("timestamp"));
      }
      JSONObject body =
          new JSONObject()
              .put("message", "পেমেন্ট করেছি, ৳১,২০০")
              .put("client_msg_id", "android-77.1");
      JSONObject overRest =
          json(
              node(3)
                  .rest()
                  .post("/chat/rooms/" + room + "/messages", token("shila"), body.toString()),
              201);
      assertThat(overRest.getString("id")).isEqualTo(ack.getString("id"));
      assertThat(overRest.getString("timestamp")).isEqualTo(ack.getString("timestamp"));

      JSONObject delivered = rafiq.awaitObject("message");
      assertThat(delivered.getString("id")).isEqualTo(ack.getString("id"));
      assertThat(rafiq.receives("message", 500)).as("delivered once").isFalse();

      HttpTestClient.Reply bad =
          node(2)
              .rest()
              .post(
                  "/chat/rooms/" + room + "/messages",
                  token("shila"),
                  "{\"message\":\"x\",\"client_msg_id\":\"has space\"}");
      assertThat(bad.status()).as(bad.body()).isEqualTo(422);
      assertThat(Json.code(bad)).isEqualTo("PAYLOAD_INVALID");
      assertThat(errorCode(send(first, channel, "x", "x".repeat(65)))).isEqualTo("PAYLOAD_INVALID");
    }
    for (int n = 1; n <= 3; n++) {
      assertThat(new RecordsApi(node(n)).history("rafiq", room))
          .containsExactly("পেমেন্ট করেছি, ৳১,২০০");
    }
  }

  @Test
  default void anAttachmentTravelsAsACheckedReferenceAndABadOneIsRefused() throws Exception {
    String room = new RecordsApi(node(1)).createRoom("mitu", "jamal");
    String channel = "chat:" + room;
    JSONObject attachment =
        new JSONObject()
            .put("url", "https://" + ATTACHMENT_HOST + "/chat/u/mitu/receipt-42.jpg")
            .put("mime_type", "image/jpeg")
            .put("size_bytes", 184_320)
            .put("name", "রসিদ-৪২.jpg");
    try (Client jamal = Client.connect(node(2), token("jamal"), Client.WEBSOCKET);
        Client mitu = Client.connect(node(3), token("mitu"), Client.WEBSOCKET)) {
      joinChannel(jamal, channel);
      joinChannel(mitu, channel);
      JSONObject ok =
          mitu.call(
              "send_message",
              new JSONObject()
                  .put("channel", channel)
                  .put("message", "রসিদের ছবি")
                  .put("type", "image")
                  .put("metadata", new JSONObject().put("attachment", attachment)));
      assertThat(ok.getBoolean("ok")).as(ok.toString()).isTrue();
      JSONObject atJamal = jamal.awaitObject("message");
      assertThat(atJamal.getString("type")).isEqualTo("image");
      assertThat(atJamal.getJSONObject("metadata").getJSONObject("attachment").toString())
          .isEqualTo(attachment.toString());

      JSONObject elsewhere =
          new JSONObject(attachment.toString()).put("url", "https://evil.example/x.jpg");
      JSONObject refused =
          mitu.call(
              "send_message",
              new JSONObject()
                  .put("channel", channel)
                  .put("message", "x")
                  .put("type", "file")
                  .put("metadata", new JSONObject().put("attachment", elsewhere)));
      assertThat(errorCode(refused)).isEqualTo("PAYLOAD_INVALID");
      assertThat(refused.getJSONObject("error").getString("message")).contains("host");
      JSONObject tooBig = new JSONObject(attachment.toString()).put("size_bytes", 26_214_401L);
      HttpTestClient.Reply rest =
          node(1)
              .rest()
              .post(
                  "/chat/rooms/" + room + "/messages",
                  token("mitu"),
                  new JSONObject()
                      .put("message", "x")
                      .put("type", "image")
                      .put("metadata", new JSONObject().put("attachment", tooBig))
                      .toString());
      assertThat(rest.status()).as(rest.body()).isEqualTo(422);
      assertThat(Json.object(rest).getString("detail")).contains("size_bytes");
      HttpTestClient.Reply none =
          node(1)
              .rest()
              .post(
                  "/chat/rooms/" + room + "/messages",
                  token("mitu"),
                  "{\"message\":\"x\",\"type\":\"file\"}");
      assertThat(none.status()).as(none.body()).isEqualTo(422);
      assertThat(jamal.receives("message", 300)).as("nothing refused is delivered").isFalse();
    }
    assertThat(new RecordsApi(node(2)).history("jamal", room)).containsExactly("রসিদের ছবি");
  }

  @Test
  default void aPeerOnAnotherNodeSeesTypingButTheTypistDoesNot() throws Exception {
    String room = new RecordsApi(node(2)).createRoom("ruma", "kabir");
    String channel = "chat:" + room;
    try (Client ruma = Client.connect(node(1), token("ruma"), Client.WEBSOCKET);
        Client kabir = Client.connect(node(3), token("kabir"), Client.POLLING)) {
      joinChannel(ruma, channel);
      joinChannel(kabir, channel);

      JSONObject ack =
          ruma.call("typing", new JSONObject().put("room_id", room).put("is_typing", true));
      assertThat(ack.getBoolean("ok")).as(ack.toString()).isTrue();
      JSONObject typing = kabir.awaitObject("typing");
      assertThat(typing.getString("room_id")).isEqualTo(room);
      assertThat(typing.getString("user_id")).isEqualTo("ruma");
      assertThat(typing.getBoolean("is_typing")).isTrue();
      ruma.call("typing", new JSONObject().put("room_id", room).put("is_typing", false));
      assertThat(kabir.awaitObject("typing").getBoolean("is_typing")).isFalse();
      assertThat(ruma.receives("typing", 300)).as("not to the typing socket").isFalse();
    }
  }
}

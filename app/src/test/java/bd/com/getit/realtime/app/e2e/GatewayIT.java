package bd.com.getit.realtime.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bd.com.getit.realtime.domain.Caller;
import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.domain.Principal;
import bd.com.getit.realtime.domain.Role;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.chat.ChatRoom;
import bd.com.getit.realtime.domain.chat.RoomType;
import bd.com.getit.realtime.port.in.ChatUseCase;
import io.socket.client.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The reference server driven end to end by the official Java Socket.IO client. */
class GatewayIT {
  static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static JSONObject json(String text) throws Exception {
    return new JSONObject(text);
  }

  @Test
  void websocketOnlyClientIsAuthenticatedWithItsAutoJoinedChannels() throws Exception {
    try (Client c =
        new Client(server.url(), "/realtime", TestServer.token("ws-user"), Client.WEBSOCKET)) {
      c.socket.connect();
      JSONObject me = c.awaitObject("authenticated");

      assertThat(me.getString("user_id")).isEqualTo("ws-user");
      assertThat(me.getString("socket_id")).isEqualTo(c.socket.id());
      assertThat(me.getBoolean("guest")).isFalse();
      assertThat(strings(me.getJSONArray("roles"))).containsExactly("customer");
      assertThat(strings(me.getJSONArray("channels")))
          .containsExactlyInAnyOrder("user:ws-user", "system:announcements");
      assertThat(Instant.parse(me.getString("server_time"))).isCloseTo(Instant.now(), within());
      assertThat(c.awaitObject("offline_sync").getInt("delivered")).isZero();
    }
  }

  @Test
  void pollingOnlyClientWorks() throws Exception {
    try (Client c = Client.connect(server, TestServer.token("poll-user"), Client.POLLING)) {
      JSONObject ack = c.call("join_channel", json("{\"channels\":[\"product:p1\"]}"));
      assertThat(ack.getBoolean("ok")).isTrue();
      assertThat(c.transport()).isEqualTo("polling");
    }
  }

  @Test
  void pollingClientUpgradesToWebsocketAndKeepsWorking() throws Exception {
    try (Client c = Client.connect(server, TestServer.token("upgrade-user"), Client.BOTH)) {
      await().atMost(Duration.ofSeconds(10)).until(() -> "websocket".equals(c.transport()));
      JSONObject ack = c.call("join_channel", json("{\"channels\":[\"product:up1\"]}"));
      assertThat(strings(ack.getJSONArray("joined"))).containsExactly("product:up1");
    }
  }

  @Test
  void guestConnectsWithoutTokenAndMayOnlyJoinPublicChannels() throws Exception {
    try (Client guest = Client.connect(server, null, Client.WEBSOCKET)) {
      JSONObject ack =
          guest.call(
              "join_channel",
              json(
                  "{\"channels\":[\"product:9\",\"order:9\",\"user:someone\",\"bogus:1\",\"product:\"]}"));

      assertThat(ack.getBoolean("ok")).isTrue();
      assertThat(strings(ack.getJSONArray("joined"))).containsExactly("product:9");
      assertThat(rejections(ack))
          .containsEntry("order:9", "FORBIDDEN")
          .containsEntry("user:someone", "FORBIDDEN")
          .containsEntry("bogus:1", "CHANNEL_UNKNOWN")
          .containsEntry("product:", "CHANNEL_INVALID");
    }
  }

  @Test
  void badAndExpiredTokensAreRefusedWithTheirCodes() throws Exception {
    assertThat(connectError("not-a-token").getJSONObject("data").getString("code"))
        .isEqualTo("AUTH_INVALID");
    String expired =
        TestServer.token("late", Instant.now().minusSeconds(3600), Map.of(), "customer");
    JSONObject error = connectError(expired);
    assertThat(error.getString("message")).isEqualTo("unauthorized");
    assertThat(error.getJSONObject("data").getString("code")).isEqualTo("AUTH_EXPIRED");
  }

  @Test
  void unknownNamespaceIsRefusedAsNodeDoes() throws Exception {
    try (Client c = new Client(server.url(), "/nope", null, Client.WEBSOCKET)) {
      c.socket.connect();
      JSONObject error = c.awaitObject(Socket.EVENT_CONNECT_ERROR);
      assertThat(error.getString("message")).isEqualTo("Invalid namespace");
    }
  }

  @Test
  void joinAndLeaveAreAcknowledged() throws Exception {
    try (Client c = Client.connect(server, TestServer.token("joiner"), Client.WEBSOCKET)) {
      JSONObject joined =
          c.call("join_channel", json("{\"channels\":[\"product:a\",\"auction:b\"]}"));
      assertThat(strings(joined.getJSONArray("joined"))).containsExactly("product:a", "auction:b");
      assertThat(joined.getJSONArray("rejected").length()).isZero();

      JSONObject left = c.call("leave_channel", json("{\"channels\":[\"product:a\"]}"));
      assertThat(left.getBoolean("ok")).isTrue();
      assertThat(strings(left.getJSONArray("left"))).containsExactly("product:a");

      JSONObject malformed = c.call("join_channel", json("{\"channels\":\"product:a\"}"));
      assertThat(malformed.getBoolean("ok")).isFalse();
      assertThat(malformed.getJSONObject("error").getString("code")).isEqualTo("PAYLOAD_INVALID");
      assertThat(malformed.getJSONObject("error").getString("message_bn")).isNotBlank();
    }
  }

  @Test
  void chatMessageReachesOtherParticipantsAndTheSendersOtherDevicesButNotTheSender()
      throws Exception {
    ChatRoom room = createRoom("alice", "bob");
    String channel = "chat:" + room.id().value();
    try (Client alice = Client.connect(server, TestServer.token("alice"), Client.WEBSOCKET);
        Client alicePhone = Client.connect(server, TestServer.token("alice"), Client.WEBSOCKET);
        Client bob = Client.connect(server, TestServer.token("bob"), Client.POLLING)) {
      for (Client c : List.of(alice, alicePhone, bob)) {
        JSONObject ack = c.call("join_channel", json("{\"channels\":[\"" + channel + "\"]}"));
        assertThat(strings(ack.getJSONArray("joined"))).containsExactly(channel);
      }

      JSONObject ack =
          alice.call(
              "send_message",
              json(
                  "{\"channel\":\""
                      + channel
                      + "\",\"message\":\"<b>হ্যালো</b> 😀\",\"type\":\"text\"}"));
      assertThat(ack.getBoolean("ok")).isTrue();
      String id = ack.getString("id");

      JSONObject atBob = bob.awaitObject("message");
      assertThat(atBob.getString("id")).isEqualTo(id);
      assertThat(atBob.getString("message")).isEqualTo("হ্যালো 😀");
      assertThat(atBob.getString("sender_id")).isEqualTo("alice");
      assertThat(atBob.getString("room_id")).isEqualTo(room.id().value());
      assertThat(alicePhone.awaitObject("message").getString("id")).isEqualTo(id);
      assertThat(alice.receives("message", 300)).isFalse();
    }
  }

  @Test
  void sendMessageOutsideChatOrWithoutJoiningIsRefused() throws Exception {
    ChatRoom room = createRoom("carol", "dave");
    try (Client carol = Client.connect(server, TestServer.token("carol"), Client.WEBSOCKET)) {
      JSONObject readOnly =
          carol.call(
              "send_message",
              json("{\"channel\":\"product:1\",\"message\":\"hi\",\"type\":\"text\"}"));
      assertThat(readOnly.getJSONObject("error").getString("code")).isEqualTo("READ_ONLY_CHANNEL");

      JSONObject notJoined =
          carol.call(
              "send_message",
              json(
                  "{\"channel\":\"chat:"
                      + room.id().value()
                      + "\",\"message\":\"hi\",\"type\":\"text\"}"));
      assertThat(notJoined.getJSONObject("error").getString("code")).isEqualTo("NOT_SUBSCRIBED");
    }
  }

  @Test
  void broadcastEventFollowsRoles() throws Exception {
    try (Client listener = Client.connect(server, null, Client.WEBSOCKET);
        Client customer = Client.connect(server, TestServer.token("cust"), Client.WEBSOCKET);
        Client admin =
            Client.connect(server, TestServer.token("boss", "admin"), Client.WEBSOCKET)) {
      listener.call("join_channel", json("{\"channels\":[\"product:77\"]}"));

      JSONObject refused =
          customer.call(
              "broadcast_event",
              json(
                  "{\"channel\":\"product:77\",\"event_type\":\"product_price_change\",\"data\":{}}"));
      assertThat(refused.getJSONObject("error").getString("code")).isEqualTo("FORBIDDEN");

      JSONObject ok =
          admin.call(
              "broadcast_event",
              json(
                  "{\"channel\":\"product:77\",\"event_type\":\"product_price_change\","
                      + "\"data\":{\"new_price\":1250.50}}"));
      assertThat(ok.getBoolean("ok")).isTrue();

      JSONObject envelope = listener.awaitObject("product_price_change");
      assertThat(envelope.getString("event")).isEqualTo("product_price_change");
      assertThat(envelope.getString("channel")).isEqualTo("product:77");
      assertThat(envelope.getJSONObject("data").getDouble("new_price")).isEqualTo(1250.50);
      assertThat(envelope.getString("priority")).isEqualTo("medium");
      assertThat(envelope.has("id")).isTrue();
      assertThat(envelope.has("timestamp")).isTrue();
    }
  }

  @Test
  void everyEventIsAcknowledged() throws Exception {
    ChatRoom room = createRoom("erin", "frank");
    String roomId = room.id().value();
    try (Client erin = Client.connect(server, TestServer.token("erin"), Client.WEBSOCKET)) {
      erin.call("join_channel", json("{\"channels\":[\"chat:" + roomId + "\"]}"));
      JSONObject sent =
          erin.call(
              "send_message",
              json("{\"channel\":\"chat:" + roomId + "\",\"message\":\"one\",\"type\":\"text\"}"));
      assertThat(sent.getBoolean("ok")).isTrue();
      assertThat(Instant.parse(sent.getString("timestamp"))).isCloseTo(Instant.now(), within());

      assertOk(
          erin.call("update_presence", json("{\"status\":\"busy\",\"current_page\":\"/cart\"}")));
      assertOk(erin.call("typing", json("{\"room_id\":\"" + roomId + "\",\"is_typing\":true}")));
      assertOk(
          erin.call(
              "mark_read",
              json(
                  "{\"room_id\":\""
                      + roomId
                      + "\",\"message_id\":\""
                      + sent.getString("id")
                      + "\"}")));
      assertOk(erin.call("network_info", json("{\"bandwidth\":\"3g\",\"latency_ms\":300}")));
      assertOk(erin.call("leave_channel", json("{\"channels\":[\"chat:" + roomId + "\"]}")));

      JSONObject badStatus = erin.call("update_presence", json("{\"status\":\"sleeping\"}"));
      assertThat(badStatus.getJSONObject("error").getString("code")).isEqualTo("PAYLOAD_INVALID");
      JSONObject unknownNotification = erin.call("notification_read", json("{\"id\":\"nope\"}"));
      assertThat(unknownNotification.getJSONObject("error").getString("code"))
          .isEqualTo("NOT_FOUND");
    }
  }

  @Test
  void failureWithoutAckIsReportedAsErrorEvent() throws Exception {
    try (Client c = Client.connect(server, TestServer.token("noack"), Client.WEBSOCKET)) {
      c.socket.emit("join_channel", json("{\"channels\":42}"));
      JSONObject error = c.awaitObject("error");
      assertThat(error.getString("event")).isEqualTo("join_channel");
      assertThat(error.getString("code")).isEqualTo("PAYLOAD_INVALID");
      assertThat(error.getString("message")).isNotBlank();
      assertThat(error.getString("message_bn")).isNotBlank();
    }
  }

  @Test
  void oversizedPayloadClosesTheSessionOnBothTransports() throws Exception {
    String big = "{\"message\":\"" + "x".repeat(1_100_000) + "\"}";
    // Websocket: the server closes the session at once; the Java client learns it only when its
    // own stalled write gives up, so the server side is what this checks.
    try (Client c = Client.connect(server, TestServer.token("big"), Client.WEBSOCKET)) {
      String id = c.socket.id();
      c.socket.emit("send_message", json(big));
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  server
                      .server
                      .core()
                      .subscriptions()
                      .principalOf(bd.com.getit.realtime.domain.ConnectionId.of(id))
                      .isEmpty());
    }
    // Polling: the POST is refused with 413 and the client sees the session end.
    try (Client c = Client.connect(server, TestServer.token("big-poll"), Client.POLLING)) {
      c.socket.emit("send_message", json(big));
      c.await(Socket.EVENT_DISCONNECT);
      assertThat(c.socket.connected()).isFalse();
    }
    try (Client other = Client.connect(server, TestServer.token("big2"), Client.WEBSOCKET)) {
      assertOk(other.call("update_presence", json("{\"status\":\"online\"}")));
    }
  }

  @Test
  void twoDevicesOfOneUserBothGetTheirUserChannelAndCountAsTwoDevices() throws Exception {
    try (Client phone = Client.connect(server, TestServer.token("dual"), Client.WEBSOCKET);
        Client laptop = Client.connect(server, TestServer.token("dual"), Client.POLLING);
        Client service =
            Client.connect(server, TestServer.token("svc", "service"), Client.WEBSOCKET)) {
      phone.listen("order_status_update");
      laptop.listen("order_status_update");
      JSONObject ok =
          service.call(
              "broadcast_event",
              json(
                  "{\"channel\":\"user:dual\",\"event_type\":\"order_status_update\",\"data\":{\"status\":\"shipped\"}}"));
      assertThat(ok.getBoolean("ok")).isTrue();
      assertThat(phone.awaitObject("order_status_update").getJSONObject("data").getString("status"))
          .isEqualTo("shipped");
      assertThat(
              laptop.awaitObject("order_status_update").getJSONObject("data").getString("status"))
          .isEqualTo("shipped");

      var presence =
          server
              .server
              .core()
              .presence()
              .get(
                  Caller.of(Principal.of(UserId.of("svc"), Set.of(Role.SERVICE))),
                  UserId.of("dual"))
              .toCompletableFuture()
              .get();
      assertThat(presence.deviceCount()).isEqualTo(2);
    }
  }

  static ChatRoom createRoom(String owner, String... others) {
    try {
      return server
          .server
          .core()
          .chat()
          .createRoom(
              new ChatUseCase.CreateRoomCommand(
                  Caller.of(Principal.of(UserId.of(owner), Set.of(Role.CUSTOMER))),
                  RoomType.GROUP_CHAT,
                  java.util.Arrays.stream(others).map(UserId::of).toList(),
                  JsonValue.JsonObject.EMPTY))
          .toCompletableFuture()
          .get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static JSONObject connectError(String token) throws Exception {
    try (Client c = new Client(server.url(), "/realtime", token, Client.WEBSOCKET)) {
      c.socket.connect();
      return c.awaitObject(Socket.EVENT_CONNECT_ERROR);
    }
  }

  static Map<String, String> rejections(JSONObject ack) throws Exception {
    JSONArray rejected = ack.getJSONArray("rejected");
    Map<String, String> out = new java.util.HashMap<>();
    for (int i = 0; i < rejected.length(); i++) {
      out.put(
          rejected.getJSONObject(i).getString("channel"),
          rejected.getJSONObject(i).getString("code"));
    }
    return out;
  }

  static List<String> strings(JSONArray array) throws Exception {
    List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < array.length(); i++) {
      out.add(array.getString(i));
    }
    return out;
  }

  static void assertOk(JSONObject ack) throws Exception {
    assertThat(ack.getBoolean("ok")).as(ack.toString()).isTrue();
  }

  static org.assertj.core.data.TemporalUnitOffset within() {
    return new org.assertj.core.data.TemporalUnitWithinOffset(
        30, java.time.temporal.ChronoUnit.SECONDS);
  }
}

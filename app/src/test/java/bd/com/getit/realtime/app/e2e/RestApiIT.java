package bd.com.getit.realtime.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import bd.com.getit.realtime.testsupport.HttpTestClient;
import java.util.Map;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The REST API of PROTOCOL section 9 against the running server, on the same port as Socket.IO:
 * each endpoint's success, 401, 403, 404, invalid body and, where the core limits the action, 429.
 * Every test uses its own users so that the (low) rate limits of one do not touch another.
 */
class RestApiIT {
  private static TestServer server;
  private static HttpTestClient rest;

  @BeforeAll
  static void start() throws Exception {
    server =
        TestServer.start(
            Map.of(
                "REALTIME_RATE_LIMITS",
                    "send_message=3,update_presence=3,notification_status=3,rest_read=5",
                "REALTIME_CORS_ORIGINS", "https://shop.example"));
    rest = server.rest();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  static String customer(String user) {
    return TestServer.token(user, "customer");
  }

  static final String ADMIN = TestServer.token("admin-1", "admin");
  static final String SERVICE = TestServer.token("orders-service", "service");
  static final String AGENT = TestServer.token("agent-1", "support_agent");

  static void assertProblem(HttpTestClient.Reply r, int status, String code) throws Exception {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    JSONObject p = Json.object(r);
    assertThat(p.getInt("status")).isEqualTo(status);
    assertThat(p.getString("code")).isEqualTo(code);
    assertThat(p.getString("detail_bn")).isNotBlank();
    assertThat(r.body()).doesNotContain("Exception").doesNotContain("<html");
  }

  static void assertRateLimited(HttpTestClient.Reply r) throws Exception {
    assertProblem(r, 429, "RATE_LIMITED");
    assertThat(Long.parseLong(r.header("Retry-After"))).isPositive();
    assertThat(Json.object(r).getLong("retry_after_ms")).isPositive();
  }

  static JSONObject createRoom(String token, String type, String... participants) throws Exception {
    HttpTestClient.Reply r =
        rest.post(
            "/chat/rooms",
            token,
            new JSONObject()
                .put("type", type)
                .put("participants", new JSONArray(participants))
                .put("metadata", new JSONObject().put("order_id", "o-1"))
                .toString());
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return Json.object(r);
  }

  @Nested
  class Presence {
    @Test
    void putSetsOwnPresenceAndOthersReadIt() throws Exception {
      try (Client device = Client.connect(server, customer("pres-a"), Client.WEBSOCKET)) {
        HttpTestClient.Reply put =
            rest.put(
                "/presence",
                customer("pres-a"),
                "{\"status\":\"busy\",\"current_page\":\"/cart\",\"location\":\"Dhaka\"}");
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(Json.object(put).getString("user_id")).isEqualTo("pres-a");
        assertThat(Json.object(put).getString("status")).isEqualTo("busy");

        HttpTestClient.Reply get = rest.get("/presence/pres-a", customer("pres-b"));
        assertThat(get.status()).as(get.body()).isEqualTo(200);
        assertThat(Json.object(get).getString("user_id")).isEqualTo("pres-a");
        assertThat(Json.object(get).getString("status")).isEqualTo("busy");
        assertThat(Json.object(get).getInt("device_count")).isEqualTo(1);
      }
    }

    @Test
    void putWithoutALiveDeviceIsAConflict() throws Exception {
      assertProblem(
          rest.put("/presence", customer("pres-none"), "{\"status\":\"online\"}"), 409, "CONFLICT");
    }

    @Test
    void putRefusesBadInput() throws Exception {
      assertProblem(rest.put("/presence", null, "{\"status\":\"busy\"}"), 401, "AUTH_REQUIRED");
      assertProblem(
          rest.put("/presence", customer("pres-c"), "{\"status\":\"dancing\"}"),
          422,
          "PAYLOAD_INVALID");
      assertProblem(
          rest.put("/presence", customer("pres-c"), "{\"current_page\":\"/x\"}"),
          422,
          "PAYLOAD_INVALID");
      assertProblem(
          rest.put("/presence", customer("pres-c"), "{\"status\":"), 400, "PAYLOAD_INVALID");
      assertProblem(
          rest.put("/presence", customer("pres-c"), "{\"status\":\"away\",\"location\":7}"),
          422,
          "PAYLOAD_INVALID");
    }

    @Test
    void putIsRateLimited() throws Exception {
      String token = customer("pres-r");
      try (Client device = Client.connect(server, token, Client.WEBSOCKET)) {
        for (int i = 0; i < 3; i++) {
          HttpTestClient.Reply ok = rest.put("/presence", token, "{\"status\":\"online\"}");
          assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        }
        assertRateLimited(rest.put("/presence", token, "{\"status\":\"online\"}"));
      }
    }

    @Test
    void getRefusesUnauthenticatedAndUnknownIds() throws Exception {
      assertProblem(rest.get("/presence/pres-a", null), 401, "AUTH_REQUIRED");
      assertProblem(rest.get("/presence/not%20an%20id", customer("pres-d")), 404, "NOT_FOUND");
    }

    @Test
    void onlineUsersCountsConnectedUsersByLocation() throws Exception {
      try (Client c = Client.connect(server, customer("pres-online"), Client.WEBSOCKET)) {
        HttpTestClient.Reply r = rest.get("/online-users", customer("pres-e"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(Json.object(r).getLong("total_online")).isPositive();
        assertThat(Json.object(r).getJSONObject("by_location").length()).isPositive();
        assertThat(Json.object(r).has("by_district")).isTrue();
      }
      assertProblem(rest.get("/online-users", null), 401, "AUTH_REQUIRED");
    }
  }

  @Nested
  class Chat {
    @Test
    void createAndReadARoom() throws Exception {
      JSONObject room = createRoom(customer("chat-a"), "group_chat", "chat-b");
      String id = room.getString("room_id");
      assertThat(room.getString("type")).isEqualTo("group_chat");
      assertThat(room.getJSONArray("participants").length()).isEqualTo(2);

      HttpTestClient.Reply get = rest.get("/chat/rooms/" + id, customer("chat-b"));
      assertThat(get.status()).as(get.body()).isEqualTo(200);
      assertThat(Json.object(get).getString("room_id")).isEqualTo(id);
      assertThat(rest.get("/chat/rooms/" + id, AGENT).status()).isEqualTo(200);
    }

    @Test
    void roomEndpointsRefuseOutsidersAndUnknownRooms() throws Exception {
      String id = createRoom(customer("chat-c"), "customer_support").getString("room_id");

      assertProblem(rest.get("/chat/rooms/" + id, null), 401, "AUTH_REQUIRED");
      assertProblem(rest.get("/chat/rooms/" + id, customer("chat-x")), 403, "FORBIDDEN");
      assertProblem(rest.get("/chat/rooms/no-such-room", customer("chat-c")), 404, "NOT_FOUND");
      assertProblem(
          rest.get("/chat/rooms/" + id + "/messages", customer("chat-x")), 403, "FORBIDDEN");
      assertProblem(
          rest.post("/chat/rooms/" + id + "/messages", customer("chat-x"), "{\"message\":\"hi\"}"),
          403,
          "FORBIDDEN");
    }

    @Test
    void createRefusesBadBodies() throws Exception {
      String token = customer("chat-d");
      assertProblem(
          rest.post("/chat/rooms", null, "{\"type\":\"group_chat\"}"), 401, "AUTH_REQUIRED");
      assertProblem(
          rest.post("/chat/rooms", token, "{\"type\":\"party\"}"), 422, "PAYLOAD_INVALID");
      assertProblem(rest.post("/chat/rooms", token, "{}"), 422, "PAYLOAD_INVALID");
      assertProblem(
          rest.post("/chat/rooms", token, "{\"type\":\"group_chat\",\"participants\":\"chat-e\"}"),
          422,
          "PAYLOAD_INVALID");
      assertProblem(rest.post("/chat/rooms", token, "{\"type\":"), 400, "PAYLOAD_INVALID");
    }

    @Test
    void joinFollowsTheRoomRules() throws Exception {
      String group = createRoom(customer("chat-f"), "group_chat").getString("room_id");
      String support = createRoom(customer("chat-g"), "customer_support").getString("room_id");

      HttpTestClient.Reply self =
          rest.post("/chat/rooms/" + group + "/join", customer("chat-h"), "{}");
      assertThat(self.status()).as(self.body()).isEqualTo(200);
      assertThat(self.body()).contains("chat-h");
      assertProblem(
          rest.post("/chat/rooms/" + support + "/join", customer("chat-h"), "{}"),
          403,
          "FORBIDDEN");
      HttpTestClient.Reply staff =
          rest.post(
              "/chat/rooms/" + support + "/join",
              AGENT,
              "{\"user_id\":\"agent-1\",\"role\":\"support_agent\"}");
      assertThat(staff.status()).as(staff.body()).isEqualTo(200);
      assertThat(staff.body()).contains("\"role\":\"support_agent\"");
      HttpTestClient.Reply legacy =
          rest.post(
              "/chat/rooms/" + support + "/join",
              AGENT,
              "{\"user_id\":\"agent-2\",\"role\":\"agent\"}");
      assertThat(legacy.status()).as("the old name still reads").isEqualTo(200);
      assertProblem(
          rest.post("/chat/rooms/" + support + "/join", AGENT, "{\"role\":\"boss\"}"),
          422,
          "PAYLOAD_INVALID");
      assertProblem(rest.post("/chat/rooms/nope/join", AGENT, "{}"), 404, "NOT_FOUND");
      assertProblem(rest.post("/chat/rooms/" + group + "/join", null, "{}"), 401, "AUTH_REQUIRED");
    }

    @Test
    void aRestMessageReachesTheRoomsSocketsLiveAndTheHistory() throws Exception {
      String sender = customer("chat-s");
      String reader = customer("chat-r");
      String room = createRoom(sender, "group_chat", "chat-r").getString("room_id");
      try (Client live = Client.connect(server, reader, Client.WEBSOCKET)) {
        JSONObject ack =
            live.call(
                "join_channel",
                new JSONObject().put("channels", new JSONArray().put("chat:" + room)));
        assertThat(ack.getJSONArray("joined").toString()).isEqualTo("[\"chat:" + room + "\"]");

        HttpTestClient.Reply posted =
            rest.post(
                "/chat/rooms/" + room + "/messages",
                sender,
                "{\"message\":\"<b>hello</b> from REST\",\"type\":\"text\"}");
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        assertThat(Json.object(posted).getString("sender_id")).isEqualTo("chat-s");

        JSONObject message = live.awaitObject("message");
        assertThat(message.getString("id")).isEqualTo(Json.object(posted).getString("id"));
        assertThat(message.getString("room_id")).isEqualTo(room);
        assertThat(message.getString("message")).doesNotContain("<b>").contains("hello");
      }

      HttpTestClient.Reply history =
          rest.get("/chat/rooms/" + room + "/messages?page=1&limit=10", reader);
      assertThat(history.status()).as(history.body()).isEqualTo(200);
      assertThat(Json.object(history).getJSONArray("messages").length()).isEqualTo(1);
      assertThat(Json.object(history).getBoolean("has_more")).isFalse();
      assertProblem(
          rest.get("/chat/rooms/" + room + "/messages?limit=500", reader), 422, "PAYLOAD_INVALID");
      assertProblem(
          rest.get("/chat/rooms/" + room + "/messages?before=soon", reader),
          422,
          "PAYLOAD_INVALID");
    }

    @Test
    void postMessageRefusesBadBodiesAndIsRateLimited() throws Exception {
      String token = customer("chat-l");
      String room = createRoom(token, "group_chat").getString("room_id");
      String path = "/chat/rooms/" + room + "/messages";

      assertProblem(rest.post(path, token, "{\"type\":\"text\"}"), 422, "PAYLOAD_INVALID");
      assertProblem(
          rest.post(path, token, "{\"message\":\"x\",\"type\":\"video\"}"), 422, "PAYLOAD_INVALID");
      assertProblem(rest.post(path, token, "{\"message\":"), 400, "PAYLOAD_INVALID");
      assertProblem(
          rest.post(path, token, "{\"message\":\"" + "x".repeat(4_001) + "\"}"),
          413,
          "PAYLOAD_TOO_LARGE");
      // refused attempts count against the limit too: a fresh user and room for the limit
      String limited = customer("chat-m");
      path = "/chat/rooms/" + createRoom(limited, "group_chat").getString("room_id") + "/messages";
      token = limited;
      for (int i = 0; i < 3; i++) {
        HttpTestClient.Reply ok = rest.post(path, token, "{\"message\":\"message " + i + "\"}");
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
      }
      assertRateLimited(rest.post(path, token, "{\"message\":\"one more\"}"));
      assertProblem(
          rest.post("/chat/rooms/nope/messages", token, "{\"message\":\"x\"}"), 404, "NOT_FOUND");
    }
  }

  @Nested
  class Notifications {
    static final String SEND =
        "{\"user_id\":\"%s\",\"notification_type\":\"order_update\",\"title\":\"Shipped\","
            + "\"title_bn\":\"পাঠানো হয়েছে\",\"message\":\"Your order left\",\"priority\":\"high\"}";

    @Test
    void serviceSendsTheUserReceivesListsAndMarks() throws Exception {
      String user = customer("note-a");
      String id;
      try (Client live = Client.connect(server, user, Client.WEBSOCKET)) {
        HttpTestClient.Reply sent =
            rest.post("/notifications", SERVICE, String.format(SEND, "note-a"));
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        id = Json.object(sent).getString("id");
        assertThat(Json.object(sent).getString("status")).isNotBlank();
        JSONObject event = live.awaitObject("notification");
        assertThat(event.getJSONObject("data").getString("id")).isEqualTo(id);
      }

      HttpTestClient.Reply list = rest.get("/notifications?unread=true&limit=10", user);
      assertThat(list.status()).as(list.body()).isEqualTo(200);
      assertThat(Json.object(list).getLong("unread_count")).isEqualTo(1);
      JSONObject first = Json.object(list).getJSONArray("notifications").getJSONObject(0);
      assertThat(first.getString("id")).isEqualTo(id);
      assertThat(first.getString("title_bn")).isEqualTo("পাঠানো হয়েছে");

      HttpTestClient.Reply read = rest.post("/notifications/" + id + "/read", user, null);
      assertThat(read.status()).as(read.body()).isEqualTo(200);
      assertThat(Json.object(read).getString("status")).isEqualTo("read");
      HttpTestClient.Reply clicked = rest.post("/notifications/" + id + "/clicked", user, null);
      assertThat(Json.object(clicked).getString("status")).isEqualTo("clicked");
      assertThat(Json.object(rest.get("/notifications?unread=true", user)).getLong("unread_count"))
          .isZero();
    }

    @Test
    void onlyServicesAndAdminsSend() throws Exception {
      assertProblem(
          rest.post("/notifications", customer("note-b"), String.format(SEND, "note-c")),
          403,
          "FORBIDDEN");
      assertProblem(
          rest.post("/notifications", null, String.format(SEND, "note-c")), 401, "AUTH_REQUIRED");
      assertProblem(
          rest.post("/notifications", SERVICE, "{\"user_id\":\"note-c\"}"), 422, "PAYLOAD_INVALID");
      assertProblem(
          rest.post("/notifications", SERVICE, "{\"user_id\":\"note-c\",\"title\":"),
          400,
          "PAYLOAD_INVALID");
    }

    @Test
    void marksAreOwnOnlyAndRateLimited() throws Exception {
      String id =
          Json.object(rest.post("/notifications", ADMIN, String.format(SEND, "note-d")))
              .getString("id");
      assertProblem(
          rest.post("/notifications/" + id + "/read", customer("note-e"), null), 404, "NOT_FOUND");
      assertProblem(
          rest.post("/notifications/nope/read", customer("note-d"), null), 404, "NOT_FOUND");
      assertProblem(rest.post("/notifications/" + id + "/read", null, null), 401, "AUTH_REQUIRED");
      assertProblem(rest.get("/notifications", null), 401, "AUTH_REQUIRED");
      assertProblem(rest.get("/notifications?limit=x", customer("note-d")), 422, "PAYLOAD_INVALID");

      String token = customer("note-d");
      // one refused above (404 after the limit check) counts too: the core limits the attempt
      HttpTestClient.Reply last = null;
      for (int i = 0; i < 4; i++) {
        last = rest.post("/notifications/" + id + "/read", token, null);
        if (last.status() == 429) {
          break;
        }
        assertThat(last.status()).as(last.body()).isEqualTo(200);
      }
      assertRateLimited(last);
    }
  }

  @Nested
  class Events {
    @Test
    void aServicePublishesAndSubscribersReceive() throws Exception {
      try (Client live = Client.connect(server, customer("evt-a"), Client.WEBSOCKET)) {
        live.call(
            "join_channel", new JSONObject().put("channels", new JSONArray().put("product:p-9")));
        HttpTestClient.Reply r =
            rest.post(
                "/events",
                SERVICE,
                "{\"id\":\"evt-1\",\"event\":\"product_price_change\","
                    + "\"data\":{\"product_id\":\"p-9\",\"new_price\":990},\"priority\":\"high\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        assertThat(Json.object(r).getString("id")).isEqualTo("evt-1");
        JSONObject event = live.awaitObject("product_price_change");
        assertThat(event.getString("channel")).isEqualTo("product:p-9");
        assertThat(event.getJSONObject("data").getInt("new_price")).isEqualTo(990);
      }
    }

    @Test
    void onlyServicesAndAdminsPublishWellFormedEnvelopes() throws Exception {
      String envelope = "{\"event\":\"system_announcement\",\"data\":{}}";
      assertProblem(rest.post("/events", customer("evt-b"), envelope), 403, "FORBIDDEN");
      assertProblem(rest.post("/events", null, envelope), 401, "AUTH_REQUIRED");
      assertProblem(rest.post("/events", SERVICE, "{\"data\":{}}"), 422, "PAYLOAD_INVALID");
      assertProblem(rest.post("/events", SERVICE, "{\"event\":"), 400, "PAYLOAD_INVALID");
      assertProblem(
          rest.post("/events", SERVICE, "{\"event\":\"x\",\"ttl_seconds\":\"soon\"}"),
          422,
          "PAYLOAD_INVALID");
      assertThat(rest.post("/events", ADMIN, envelope).status()).isEqualTo(202);
    }
  }

  @Nested
  class Admin {
    @Test
    void statsAndConnectionsForAdminsOnly() throws Exception {
      try (Client live = Client.connect(server, customer("adm-a"), Client.WEBSOCKET)) {
        HttpTestClient.Reply stats = rest.get("/admin/stats", ADMIN);
        assertThat(stats.status()).as(stats.body()).isEqualTo(200);
        assertThat(Json.object(stats).getLong("total_connections")).isPositive();
        assertThat(Json.object(stats).getJSONArray("nodes").length()).isEqualTo(1);

        HttpTestClient.Reply list = rest.get("/admin/connections", ADMIN);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(list.body()).contains("\"user_id\":\"adm-a\"").contains("\"socket_id\"");
      }
      assertProblem(rest.get("/admin/stats", customer("adm-b")), 403, "FORBIDDEN");
      assertProblem(rest.get("/admin/connections", customer("adm-b")), 403, "FORBIDDEN");
      assertProblem(rest.get("/admin/connections", SERVICE), 403, "FORBIDDEN");
      assertProblem(rest.get("/admin/stats", null), 401, "AUTH_REQUIRED");
    }

    @Test
    void disconnectKicksALiveSocket() throws Exception {
      try (Client live = Client.connect(server, customer("adm-c"), Client.WEBSOCKET)) {
        String sid = live.socket.id();
        assertProblem(
            rest.delete("/admin/connections/" + sid, customer("adm-c")), 403, "FORBIDDEN");
        HttpTestClient.Reply r = rest.delete("/admin/connections/" + sid, ADMIN);
        assertThat(r.status()).as(r.body()).isEqualTo(204);
        live.await(io.socket.client.Socket.EVENT_DISCONNECT);
      }
      assertProblem(rest.delete("/admin/connections/no-such-socket", ADMIN), 404, "NOT_FOUND");
      assertProblem(rest.delete("/admin/connections/x", null), 401, "AUTH_REQUIRED");
    }

    @Test
    void announcementsReachEveryone() throws Exception {
      try (Client live = Client.connect(server, null, Client.WEBSOCKET)) {
        HttpTestClient.Reply r =
            rest.post(
                "/admin/announcements",
                ADMIN,
                "{\"title\":\"Eid sale\",\"title_bn\":\"ঈদ সেল\",\"message\":\"50% off\","
                    + "\"type\":\"promo\",\"show_until\":\"2030-01-01T00:00:00Z\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        JSONObject event = live.awaitObject("system_announcement");
        assertThat(event.getJSONObject("data").getString("title_bn")).isEqualTo("ঈদ সেল");
      }
      String ok = "{\"title\":\"t\",\"message\":\"m\"}";
      assertProblem(rest.post("/admin/announcements", customer("adm-d"), ok), 403, "FORBIDDEN");
      assertProblem(rest.post("/admin/announcements", null, ok), 401, "AUTH_REQUIRED");
      assertProblem(
          rest.post("/admin/announcements", ADMIN, "{\"title\":\"t\"}"), 422, "PAYLOAD_INVALID");
      assertProblem(
          rest.post(
              "/admin/announcements",
              ADMIN,
              "{\"title\":\"t\",\"message\":\"m\"," + "\"show_until\":\"tomorrow\"}"),
          422,
          "PAYLOAD_INVALID");
    }
  }

  @Nested
  class Reads {
    @Test
    void readsShareOneLimitPerUser() throws Exception {
      String token = customer("read-a");
      String room = createRoom(token, "group_chat").getString("room_id");
      for (int i = 0; i < 5; i++) {
        HttpTestClient.Reply ok = rest.get("/online-users", token);
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
      }
      assertRateLimited(rest.get("/online-users", token));
      assertRateLimited(rest.get("/presence/read-b", token));
      assertRateLimited(rest.get("/chat/rooms/" + room, token));
      assertRateLimited(rest.get("/chat/rooms/" + room + "/messages", token));
      assertRateLimited(rest.get("/notifications", token));
      // another user is not affected
      assertThat(rest.get("/online-users", customer("read-b")).status()).isEqualTo(200);
    }
  }

  @Nested
  class Protocol {
    @Test
    void unknownRoutesAndWrongMethodsAreProblems() throws Exception {
      assertProblem(rest.get("/nothing-here", null), 404, "NOT_FOUND");
      HttpTestClient.Reply wrong = rest.delete("/online-users", customer("proto-a"));
      assertThat(wrong.status()).isEqualTo(405);
      assertThat(wrong.header("Content-Type")).startsWith("application/problem+json");
      assertThat(wrong.header("Allow")).contains("GET");
    }

    @Test
    void aClientOfferingAnH2cUpgradeGetsAPlainAnswer() throws Exception {
      // java.net.http's default: HTTP/2, offered as "Upgrade: h2c" on a cleartext GET
      java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
      java.net.http.HttpResponse<String> r =
          client.send(
              java.net.http.HttpRequest.newBuilder(
                      java.net.URI.create(server.url() + TestServer.API + "/online-users"))
                  .header("Authorization", "Bearer " + customer("proto-e"))
                  .timeout(java.time.Duration.ofSeconds(10))
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(r.body()).contains("total_online");
    }

    @Test
    void wrongMediaTypeAndHugeBodiesAreRefused() throws Exception {
      HttpTestClient.Reply text =
          rest.send("POST", "/chat/rooms", customer("proto-b"), "text/plain", "hi", Map.of());
      assertThat(text.status()).isEqualTo(415);
      assertThat(text.header("Content-Type")).startsWith("application/problem+json");

      String huge = "{\"message\":\"" + "x".repeat(1_000_001) + "\"}";
      assertProblem(
          rest.post("/chat/rooms/r/messages", customer("proto-b"), huge), 413, "PAYLOAD_TOO_LARGE");
      // the server keeps serving
      assertThat(rest.get("/online-users", customer("proto-b")).status()).isEqualTo(200);
    }

    @Test
    void socketIoAndHealthStillServeOnTheSamePort() throws Exception {
      try (Client c = Client.connect(server, customer("proto-c"), Client.BOTH)) {
        assertThat(c.socket.connected()).isTrue();
      }
      HttpTestClient.Reply health = new HttpTestClient(server.url()).get("/health/live", null);
      assertThat(health.status()).isEqualTo(200);
    }

    @Test
    void openApiDocumentMatchesAndIsPublic() throws Exception {
      HttpTestClient.Reply r = rest.get("/openapi.json", null);
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      JSONObject paths = Json.object(r).getJSONObject("paths");
      assertThat(
              java.util.stream.Stream.of(
                  "/presence",
                  "/presence/{user_id}",
                  "/online-users",
                  "/chat/rooms",
                  "/chat/rooms/{room_id}",
                  "/chat/rooms/{room_id}/join",
                  "/chat/rooms/{room_id}/messages",
                  "/notifications",
                  "/notifications/{id}/read",
                  "/notifications/{id}/clicked",
                  "/events",
                  "/admin/stats",
                  "/admin/connections",
                  "/admin/connections/{socket_id}",
                  "/admin/announcements"))
          .allMatch(paths::has);
    }

    @Test
    void corsAllowsTheConfiguredOriginOnly() throws Exception {
      Map<String, String> allowed =
          Map.of("Origin", "https://shop.example", "Access-Control-Request-Method", "POST");
      HttpTestClient.Reply preflight =
          rest.send("OPTIONS", "/chat/rooms", null, null, null, allowed);
      assertThat(preflight.status()).isEqualTo(204);
      assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("https://shop.example");

      HttpTestClient.Reply refused =
          rest.send(
              "OPTIONS",
              "/chat/rooms",
              null,
              null,
              null,
              Map.of("Origin", "https://evil.example", "Access-Control-Request-Method", "POST"));
      assertProblem(refused, 403, "FORBIDDEN");
      assertThat(refused.header("Access-Control-Allow-Origin")).isNull();

      HttpTestClient.Reply get =
          rest.send(
              "GET",
              "/online-users",
              customer("proto-d"),
              null,
              null,
              Map.of("Origin", "https://shop.example"));
      assertThat(get.header("Access-Control-Allow-Origin")).isEqualTo("https://shop.example");
      HttpTestClient.Reply other =
          rest.send(
              "GET",
              "/online-users",
              customer("proto-d"),
              null,
              null,
              Map.of("Origin", "https://evil.example"));
      assertThat(other.header("Access-Control-Allow-Origin")).isNull();
    }
  }
}

package bd.com.getit.realtime.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import bd.com.getit.realtime.domain.Caller;
import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.domain.Principal;
import bd.com.getit.realtime.domain.Role;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.chat.ChatRoom;
import bd.com.getit.realtime.domain.chat.RoomType;
import bd.com.getit.realtime.port.in.ChatUseCase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The channel access table of PROTOCOL section 3 over the socket: private channels are refused with
 * {@code FORBIDDEN}; an {@code order:} channel opens only with a subscription token for this user
 * and exactly this channel, signed like a connection token and not expired.
 */
class ChannelAccessIT {
  static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void privateChannelsOfOthersAreRefused() throws Exception {
    ChatRoom room = createRoom("owner-a", "member-b");
    try (Client c = Client.connect(server, TestServer.token("outsider"), Client.WEBSOCKET)) {
      String chat = "chat:" + room.id().value();
      JSONObject ack =
          join(c, List.of("user:member-b", chat, "admin:presence", "order:o1"), Map.of());
      assertThat(GatewayIT.strings(ack.getJSONArray("joined"))).isEmpty();
      assertThat(GatewayIT.rejections(ack))
          .containsOnly(
              Map.entry("user:member-b", "FORBIDDEN"),
              Map.entry(chat, "FORBIDDEN"),
              Map.entry("admin:presence", "FORBIDDEN"),
              Map.entry("order:o1", "FORBIDDEN"));
    }
    // the same channels open to those the table names
    try (Client member = Client.connect(server, TestServer.token("member-b"), Client.WEBSOCKET);
        Client admin =
            Client.connect(server, TestServer.token("boss", "admin"), Client.WEBSOCKET)) {
      String chat = "chat:" + room.id().value();
      assertThat(GatewayIT.strings(join(member, List.of(chat), Map.of()).getJSONArray("joined")))
          .containsExactly(chat);
      assertThat(
              GatewayIT.strings(
                  join(admin, List.of("admin:presence", "order:o1"), Map.of())
                      .getJSONArray("joined")))
          .containsExactlyInAnyOrder("admin:presence", "order:o1");
    }
  }

  @Test
  void anOrderChannelOpensWithAValidSubscriptionTokenOnly() throws Exception {
    Instant later = Instant.now().plusSeconds(600);
    String own = TestServer.token("buyer", later, Map.of("channel", "order:o7"));
    String otherUsers = TestServer.token("someone-else", later, Map.of("channel", "order:o7"));
    String otherChannel = TestServer.token("buyer", later, Map.of("channel", "order:o8"));
    String expired =
        TestServer.token("buyer", Instant.now().minusSeconds(600), Map.of("channel", "order:o7"));
    String foreign =
        JwtAttacks.hs256(
            "a-secret-this-server-does-not-know-0123456789",
            JwtAttacks.subscription("buyer", "order:o7").build());

    try (Client c = Client.connect(server, TestServer.token("buyer"), Client.WEBSOCKET)) {
      for (Map.Entry<String, String> bad :
          Map.of(
                  "another user's", otherUsers,
                  "another channel's", otherChannel,
                  "expired", expired,
                  "foreign-signed", foreign,
                  "garbage", "not-a-token")
              .entrySet()) {
        JSONObject ack = join(c, List.of("order:o7"), Map.of("order:o7", bad.getValue()));
        assertThat(GatewayIT.rejections(ack))
            .as(bad.getKey() + " token")
            .containsOnly(Map.entry("order:o7", "FORBIDDEN"));
      }
      assertThat(GatewayIT.rejections(join(c, List.of("order:o7"), Map.of())))
          .containsOnly(Map.entry("order:o7", "FORBIDDEN"));

      JSONObject ok = join(c, List.of("order:o7"), Map.of("order:o7", own));
      assertThat(GatewayIT.strings(ok.getJSONArray("joined"))).containsExactly("order:o7");
      // the token opens exactly its channel
      JSONObject other = join(c, List.of("order:o8"), Map.of("order:o8", own));
      assertThat(GatewayIT.rejections(other)).containsOnly(Map.entry("order:o8", "FORBIDDEN"));
    }
    // a guest never joins an order channel, even holding a token
    try (Client guest = Client.connect(server, null, Client.WEBSOCKET)) {
      JSONObject ack = join(guest, List.of("order:o7"), Map.of("order:o7", own));
      assertThat(GatewayIT.rejections(ack)).containsOnly(Map.entry("order:o7", "FORBIDDEN"));
    }
  }

  static ChatRoom createRoom(String owner, String member) throws Exception {
    return server
        .server
        .core()
        .chat()
        .createRoom(
            new ChatUseCase.CreateRoomCommand(
                Caller.of(Principal.of(UserId.of(owner), Set.of(Role.CUSTOMER))),
                RoomType.GROUP_CHAT,
                List.of(UserId.of(member)),
                JsonValue.JsonObject.EMPTY))
        .toCompletableFuture()
        .get();
  }

  static JSONObject join(Client c, List<String> channels, Map<String, String> tokens)
      throws Exception {
    JSONObject ack =
        c.call(
            "join_channel",
            new JSONObject().put("channels", channels).put("tokens", new JSONObject(tokens)));
    GatewayIT.assertOk(ack);
    return ack;
  }
}

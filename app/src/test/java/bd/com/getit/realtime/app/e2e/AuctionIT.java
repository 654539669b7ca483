package bd.com.getit.realtime.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import bd.com.getit.realtime.domain.Caller;
import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.domain.Principal;
import bd.com.getit.realtime.domain.Role;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.port.in.EventIngestUseCase.IngestCommand;
import bd.com.getit.realtime.testsupport.HttpTestClient;
import java.util.Set;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code place_bid} end to end: bids race on one auction, watchers see them, closing ends it. */
class AuctionIT {
  private static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JSONObject bid(Client c, String auction, Object amount) throws Exception {
    return c.call("place_bid", new JSONObject().put("auction_id", auction).put("amount", amount));
  }

  @Test
  void watchersSeeAcceptedBidsOnlyAndClosingEndsBidding() throws Exception {
    try (Client watcher = Client.connect(server, null, Client.WEBSOCKET).listen("auction_bid");
        Client alice = Client.connect(server, TestServer.token("alice"), Client.WEBSOCKET);
        Client bob = Client.connect(server, TestServer.token("bob"), Client.POLLING)) {
      watcher.call(
          "join_channel", new JSONObject().put("channels", new JSONArray().put("auction:lot7")));

      JSONObject first = bid(alice, "lot7", 1500.5);
      assertThat(first.getBoolean("ok")).isTrue();
      assertThat(first.getString("bid_id")).isNotBlank();
      assertThat(first.getDouble("amount")).isEqualTo(1500.5);

      JSONObject low = bid(bob, "lot7", "1500.50");
      assertThat(low.getBoolean("ok")).isFalse();
      assertThat(low.getJSONObject("error").getString("code")).isEqualTo("CONFLICT");
      assertThat(low.getJSONObject("error").getString("message_bn")).isNotBlank();

      assertThat(bid(bob, "lot7", 1600).getBoolean("ok")).isTrue();

      JSONObject seen1 = watcher.awaitObject("auction_bid");
      JSONObject seen2 = watcher.awaitObject("auction_bid");
      assertThat(seen1.getString("channel")).isEqualTo("auction:lot7");
      assertThat(seen1.getJSONObject("data").getString("user_id")).isEqualTo("alice");
      assertThat(seen2.getJSONObject("data").getString("user_id")).isEqualTo("bob");
      assertThat(seen2.getJSONObject("data").getInt("amount")).isEqualTo(1600);
      assertThat(watcher.receives("auction_bid", 300)).isFalse();

      // An auction_closed event from a service is news, not a command: bidding goes on.
      server
          .server
          .core()
          .ingest()
          .ingest(
              new IngestCommand(
                  Caller.of(Principal.of(UserId.of("svc"), Set.of(Role.SERVICE))),
                  JsonValue.JsonObject.builder()
                      .put("event", "auction_closed")
                      .put("channel", "auction:lot7")
                      .put("data", JsonValue.JsonObject.builder().put("winner", "bob").build())
                      .build()))
          .toCompletableFuture()
          .get();
      assertThat(bid(alice, "lot7", 1700).getBoolean("ok")).isTrue();
      assertThat(watcher.awaitObject("auction_bid").getJSONObject("data").getInt("amount"))
          .isEqualTo(1700);

      // The close command: a customer may not; a service closes bidding and everyone hears it.
      String service = TestServer.token("auction-service", "service");
      assertThat(server.rest().post("/auctions/lot7/close", TestServer.token("alice"), "").status())
          .isEqualTo(403);
      watcher.listen("auction_closed");
      HttpTestClient.Reply closed = server.rest().post("/auctions/lot7/close", service, "");
      assertThat(closed.status()).as(closed.body()).isEqualTo(202);
      JSONObject news = watcher.awaitObject("auction_closed");
      assertThat(news.getString("id")).isEqualTo(Json.object(closed).getString("id"));
      assertThat(news.getJSONObject("data").getString("closed_by")).isEqualTo("auction-service");
      JSONObject late = bid(alice, "lot7", 5000);
      assertThat(late.getJSONObject("error").getString("code")).isEqualTo("CONFLICT");
    }
  }

  @Test
  void guestsCannotBidAndBadAmountsAreRefused() throws Exception {
    try (Client guest = Client.connect(server, null, Client.WEBSOCKET);
        Client carol = Client.connect(server, TestServer.token("carol"), Client.WEBSOCKET)) {
      assertThat(bid(guest, "lot8", 10).getJSONObject("error").getString("code"))
          .isEqualTo("AUTH_REQUIRED");
      for (Object amount : new Object[] {-5, 0, 1.234, "ten", JSONObject.NULL}) {
        assertThat(bid(carol, "lot8", amount).getJSONObject("error").getString("code"))
            .as("amount %s", amount)
            .isEqualTo("PAYLOAD_INVALID");
      }
      assertThat(bid(carol, "lot 8", 10).getJSONObject("error").getString("code"))
          .isEqualTo("PAYLOAD_INVALID");
      assertThat(bid(carol, "lot8", 10).getBoolean("ok")).isTrue();
    }
  }
}

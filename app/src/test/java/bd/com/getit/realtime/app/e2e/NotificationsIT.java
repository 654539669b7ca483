package bd.com.getit.realtime.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bd.com.getit.realtime.app.ConfigException;
import bd.com.getit.realtime.testsupport.HttpTestClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Notifications end to end over the socket and REST (PROTOCOL 10.3): a template rendered in English
 * and Bangla with Bangla digits and taka, the status going sent, delivered, read and clicked with a
 * {@code notification_status} push each time, and the reader's language in {@code authenticated}.
 */
class NotificationsIT {
  private static final String SERVICE = TestServer.token("order-service", "service");
  private static TestServer server;
  private static HttpTestClient rest;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start();
    rest = server.rest();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private static JSONObject json(HttpTestClient.Reply r, int status) throws Exception {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    return new JSONObject(r.body());
  }

  private static String sendPriceDrop(String user) throws Exception {
    return json(
            rest.post(
                "/notifications",
                SERVICE,
                new JSONObject()
                    .put("user_id", user)
                    .put("template", "price_drop")
                    .put(
                        "params",
                        new JSONObject()
                            .put("product_name", "Walton Primo X5")
                            .put("old_price", 13999)
                            .put("new_price", 12499))
                    .put("action_url", "/products/walton-primo-x5")
                    .toString()),
            201)
        .getString("id");
  }

  private static JSONObject listed(String user, String id) throws Exception {
    JSONArray items =
        json(rest.get("/notifications", TestServer.token(user)), 200).getJSONArray("notifications");
    for (int i = 0; i < items.length(); i++) {
      if (items.getJSONObject(i).getString("id").equals(id)) {
        return items.getJSONObject(i);
      }
    }
    throw new AssertionError(id + " not listed for " + user + ": " + items);
  }

  /** The next {@code notification_status} push, which must be about {@code id}. */
  private static JSONObject status(Client c, String id) throws Exception {
    JSONObject push = c.awaitObject("notification_status");
    assertThat(push.getString("id")).isEqualTo(id);
    Instant.parse(push.getString("at"));
    return push;
  }

  @Test
  void aTemplateIsRenderedInBothLanguagesWithBanglaDigitsAndTaka() throws Exception {
    try (Client nadia = Client.connect(server, TestServer.token("nadia"), Client.WEBSOCKET)) {
      String id = sendPriceDrop("nadia");

      JSONObject data = nadia.awaitObject("notification").getJSONObject("data");
      assertThat(data.getString("id")).isEqualTo(id);
      assertThat(data.getString("type")).isEqualTo("price_drop");
      assertThat(data.getString("title")).isEqualTo("Price drop on Walton Primo X5");
      assertThat(data.getString("title_bn")).isEqualTo("Walton Primo X5-এর দাম কমেছে");
      assertThat(data.getString("message")).isEqualTo("Now Tk 12,499, was Tk 13,999.");
      assertThat(data.getString("message_bn")).isEqualTo("এখন ৳১২,৪৯৯, আগে ছিল ৳১৩,৯৯৯।");

      JSONObject item = listed("nadia", id);
      assertThat(item.getString("message_bn")).isEqualTo("এখন ৳১২,৪৯৯, আগে ছিল ৳১৩,৯৯৯।");
    }
  }

  @Test
  void theTemplatesAreListedAndABadCallIsNamed() throws Exception {
    JSONArray templates =
        json(rest.get("/notifications/templates", TestServer.token("nadia")), 200)
            .getJSONArray("templates");
    assertThat(templates.length()).isGreaterThanOrEqualTo(9);
    assertThat(templates.toString())
        .contains("\"id\":\"order_shipped\"")
        .contains("{\"name\":\"expected_at\",\"type\":\"time\"}");

    JSONObject missing =
        json(
            rest.post(
                "/notifications",
                SERVICE,
                "{\"user_id\":\"nadia\",\"template\":\"price_drop\","
                    + "\"params\":{\"product_name\":\"x\",\"old_price\":2}}"),
            422);
    assertThat(missing.getString("code")).isEqualTo("PAYLOAD_INVALID");
    assertThat(missing.getString("detail")).contains("new_price").contains("missing");
    assertThat(
            json(
                    rest.post(
                        "/notifications",
                        SERVICE,
                        "{\"user_id\":\"nadia\",\"template\":\"eid_mubarak\",\"params\":{}}"),
                    422)
                .getString("detail"))
        .contains("eid_mubarak");
  }

  @Test
  void aNotificationGoesSentDeliveredReadClickedWithAPushEachStep() throws Exception {
    try (Client rafi = Client.connect(server, TestServer.token("rafi"), Client.WEBSOCKET)) {
      rafi.listen("notification_status");
      String id = sendPriceDrop("rafi");
      assertThat(rafi.awaitObject("notification").getJSONObject("data").getString("id"))
          .isEqualTo(id);

      assertThat(status(rafi, id).getString("status")).isEqualTo("delivered");
      JSONObject delivered = listed("rafi", id);
      assertThat(delivered.getString("status")).isEqualTo("delivered");
      assertThat(delivered.getString("delivered_at")).isNotBlank();
      assertThat(delivered.isNull("read_at")).isTrue();

      JSONObject ack = rafi.call("notification_read", new JSONObject().put("id", id));
      assertThat(ack.getBoolean("ok")).as(ack.toString()).isTrue();
      assertThat(status(rafi, id).getString("status")).isEqualTo("read");

      json(rest.post("/notifications/" + id + "/clicked", TestServer.token("rafi"), "{}"), 200);
      assertThat(status(rafi, id).getString("status")).isEqualTo("clicked");
      JSONObject clicked = listed("rafi", id);
      assertThat(clicked.getString("status")).isEqualTo("clicked");
      assertThat(clicked.getString("delivered_at")).isEqualTo(delivered.getString("delivered_at"));
      assertThat(clicked.getString("read_at")).isNotBlank();
      assertThat(clicked.getString("clicked_at")).isNotBlank();
      assertThat(rafi.receives("notification_status", 300)).as("one push per step").isFalse();
    }
  }

  @Test
  void aNotificationQueuedOfflineIsDeliveredOnTheNextConnection() throws Exception {
    String id = sendPriceDrop("tania");
    assertThat(listed("tania", id).getString("status")).isEqualTo("sent");
    assertThat(listed("tania", id).isNull("delivered_at")).isTrue();

    try (Client tania = Client.connect(server, TestServer.token("tania"), Client.WEBSOCKET)) {
      tania.listen("notification_status");
      assertThat(tania.awaitObject("notification").getJSONObject("data").getString("id"))
          .isEqualTo(id);
      assertThat(status(tania, id).getString("status")).isEqualTo("delivered");
      assertThat(listed("tania", id).getString("delivered_at")).isNotBlank();
    }
  }

  @Test
  void authenticatedCarriesTheReadersLanguage() throws Exception {
    String bangla =
        TestServer.token("mitu", Instant.now().plusSeconds(600), Map.of("locale", "bn"));
    Client mitu = new Client(server.url(), "/realtime", bangla, Client.WEBSOCKET);
    Client sajid =
        new Client(server.url(), "/realtime", TestServer.token("sajid"), Client.WEBSOCKET);
    try (mitu;
        sajid) {
      mitu.socket.connect();
      sajid.socket.connect();
      assertThat(mitu.awaitObject("authenticated").getString("locale")).isEqualTo("bn");
      assertThat(sajid.awaitObject("authenticated").getString("locale")).isEqualTo("en");
    }
  }

  @Test
  void aTemplateThatDoesNotRenderStopsTheStart(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("sale.properties"),
        """
        eid_sale.params = percent:number
        eid_sale.title.en = Eid sale
        eid_sale.title.bn = ঈদ সেল
        eid_sale.message.en = {percent}% off until {ends_at}
        eid_sale.message.bn = {percent}% ছাড়
        """,
        StandardCharsets.UTF_8);

    assertThatThrownBy(
            () -> TestServer.start(Map.of("REALTIME_NOTIFICATION_TEMPLATES_DIR", dir.toString())))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("REALTIME_NOTIFICATION_TEMPLATES_DIR")
        .hasMessageContaining("template eid_sale")
        .hasMessageContaining("{ends_at}");
  }
}

package bd.com.getit.realtime.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bd.com.getit.realtime.app.AppConfig;
import bd.com.getit.realtime.app.RealtimeServer;
import bd.com.getit.realtime.testsupport.HttpTestClient;
import io.socket.client.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.support.ui.Select;

/**
 * The pages a person opens, in a real browser (headless Chromium): the admin dashboard shows
 * traffic as it happens and disconnects a socket; the development demo runs the official Socket.IO
 * browser client, which upgrades from polling to websocket and shows a price published over REST;
 * Swagger UI shows the REST API. The server runs in development mode, as a first try would, so
 * tokens come from {@code /dev/token}.
 */
class DashboardBrowserIT {
  /**
   * Where the screenshot goes: {@code target/} on every run, so a build leaves the working tree
   * clean; {@code -Ddashboard.screenshot=../docs/images/dashboard.png} refreshes the one
   * docs/operations.md shows (the test runs in the app module).
   */
  static final Path SCREENSHOT =
      Path.of(System.getProperty("dashboard.screenshot", "target/dashboard.png"));

  static RealtimeServer server;
  static String url;
  Browser browser;

  @BeforeAll
  static void start() throws Exception {
    server =
        RealtimeServer.start(
            AppConfig.from(
                Map.of(
                    "REALTIME_HOST", "127.0.0.1",
                    "REALTIME_PORT", "0",
                    "REALTIME_NODE_ID", "node-dashboard",
                    "REALTIME_SHUTDOWN_GRACE_SECONDS", "1",
                    "REALTIME_DEV_SOCKETIO_CLIENT", NpmPackages.browserClient().toString())));
    url = "http://127.0.0.1:" + server.port();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @BeforeEach
  void openBrowser() {
    browser = Browser.start();
  }

  @AfterEach
  void closeBrowser() {
    browser.close();
  }

  @Test
  void dashboardShowsTrafficLiveAndDisconnectsASocketFromThePage() throws Exception {
    String admin = devToken("ops-admin", "admin");
    signIn(admin);
    browser.awaitText("#total-connections", "0");

    try (Client buyer = Client.connect(url, devToken("buyer-1", "customer"), Client.WEBSOCKET);
        Client other = Client.connect(url, devToken("buyer-2", "customer"), Client.BOTH)) {
      assertThat(
              rest()
                  .put(
                      "/presence",
                      devToken("buyer-1", "customer"),
                      "{\"status\":\"online\",\"current_page\":\"/p/1\",\"activity\":{\"type\":\"browsing\"},"
                          + "\"location\":{\"division\":\"Dhaka\"}}")
                  .status())
          .isEqualTo(200);
      browser.awaitText("#total-connections", "2");
      browser.awaitText("#active-users", "2");
      browser.awaitText("#presence tbody", text -> text.contains("Dhaka"), "list Dhaka");

      for (Client c : new Client[] {buyer, other}) {
        c.call(
            "join_channel", new JSONObject().put("channels", new JSONArray().put("product:dash")));
        c.listen("product_price_change");
      }
      // a refusal, for the errors panel (counted by code where the server counts refusals)
      JSONObject refused =
          buyer.call(
              "join_channel", new JSONObject().put("channels", new JSONArray().put("admin:ops")));
      assertThat(refused.getJSONArray("rejected").getJSONObject(0).getString("code"))
          .isEqualTo("FORBIDDEN");

      String service = devToken("catalogue", "service");
      for (int price = 100; price < 110; price++) {
        publishPrice(service, price);
        buyer.await("product_price_change");
      }
      browser.awaitText("#mps", text -> !"0".equals(text) && !"–".equals(text), "be above 0");
      browser.awaitText(
          "#latency tbody", text -> text.contains("delivery.latency"), "list delivery latency");

      // the same figures in Bangla, with Bangla digits
      new Select(browser.find("#lang")).selectByValue("bn");
      browser.awaitText("h1", "রিয়েলটাইম ড্যাশবোর্ড");
      browser.awaitText("#total-connections", "২");
      new Select(browser.find("#lang")).selectByValue("en");
      browser.awaitText("#total-connections", "2");

      // a few seconds of steady traffic, so the charts in the screenshot have something to show
      AtomicInteger price = new AtomicInteger(200);
      int from = refreshes();
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(150))
          .until(
              () -> {
                publishPrice(service, price.getAndIncrement());
                return refreshes() >= from + 8;
              });
      Files.createDirectories(SCREENSHOT.getParent());
      Files.write(SCREENSHOT, browser.driver.getScreenshotAs(OutputType.BYTES));

      String socketId = socketIdOf("buyer-2", admin);
      CountDownLatch disconnected = new CountDownLatch(1);
      other.socket.on(Socket.EVENT_DISCONNECT, args -> disconnected.countDown());
      String row = "#connections tr[data-socket='" + socketId + "']";
      browser.awaitVisible(row + " button.disconnect");
      browser.find(row + " button.disconnect").click();

      assertThat(disconnected.await(10, TimeUnit.SECONDS))
          .as("the socket the page disconnected is told so")
          .isTrue();
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(rest().get("/admin/connections", admin).body())
                      .doesNotContain(socketId));
      browser.awaitText("#total-connections", "1");
      assertThat(browser.driver.findElements(By.cssSelector(row))).isEmpty();
      assertThat(buyer.socket.connected()).as("the other socket stays").isTrue();
    }
  }

  @Test
  void aTokenThatIsNotAnAdminsIsRefusedOnThePage() {
    signIn(devToken("buyer-3", "customer"));
    browser.awaitText("#sign-in-error", "This token is not an admin's.");
    assertThat(browser.find("#board").isDisplayed()).isFalse();

    signIn("not-a-jwt");
    browser.awaitText("#sign-in-error", text -> text.contains("AUTH_INVALID"), "name AUTH_INVALID");
  }

  @Test
  void officialBrowserClientUpgradesToWebsocketAndShowsAPricePublishedOverRest() throws Exception {
    browser.open(url + "/dev/demo/?product=demo-1");
    browser.awaitText("#state", "joined product:demo-1");
    browser.awaitText("#transport", "websocket");

    HttpTestClient.Reply published =
        rest()
            .post(
                "/events",
                devToken("catalogue", "service"),
                "{\"event\":\"product_price_change\","
                    + "\"data\":{\"product_id\":\"demo-1\",\"new_price\":990}}");
    assertThat(published.status()).isEqualTo(202);
    browser.awaitText("#price", "990");

    // The server's admin list keeps the transport a socket connected with (polling, for a
    // browser); the client's engine says what it runs on now.
    assertThat(browser.driver.executeScript("return window.demoSocket.io.engine.transport.name"))
        .isEqualTo("websocket");
    assertThat(rest().get("/admin/connections", devToken("ops-admin", "admin")).body())
        .contains("\"user_id\":\"demo-browser\"");
  }

  @Test
  void swaggerUiShowsTheRestApi() {
    browser.open(url + "/api/docs/");
    browser.awaitText(
        ".swagger-ui .info .title", text -> text.startsWith("Realtime REST API"), "name the API");
    browser.awaitText(
        ".swagger-ui", text -> text.contains("/admin/connections"), "list the admin operations");
  }

  private void signIn(String token) {
    browser.open(url + "/admin/");
    browser.awaitVisible("#token");
    browser.find("#token").clear();
    browser.find("#token").sendKeys(token);
    browser.find("#sign-in").click();
  }

  private static void publishPrice(String serviceToken, int price) {
    HttpTestClient.Reply reply =
        rest()
            .post(
                "/events",
                serviceToken,
                "{\"event\":\"product_price_change\",\"data\":{\"product_id\":\"dash\","
                    + "\"new_price\":"
                    + price
                    + "}}");
    assertThat(reply.status()).as(reply.body()).isEqualTo(202);
  }

  /** How many times the page has refreshed its figures. */
  private int refreshes() {
    Object n =
        browser.driver.executeScript("return document.getElementById('board').dataset.refreshes");
    return n == null ? 0 : Integer.parseInt(n.toString());
  }

  private String socketIdOf(String user, String admin) throws Exception {
    JSONArray all =
        new JSONObject(rest().get("/admin/connections", admin).body()).getJSONArray("connections");
    for (int i = 0; i < all.length(); i++) {
      if (user.equals(all.getJSONObject(i).getString("user_id"))) {
        return all.getJSONObject(i).getString("socket_id");
      }
    }
    throw new AssertionError(user + " has no connection in " + all);
  }

  private static HttpTestClient rest() {
    return new HttpTestClient(url + TestServer.API);
  }

  private static String devToken(String user, String roles) {
    HttpTestClient.Reply reply =
        new HttpTestClient(url).get("/dev/token?user=" + user + "&roles=" + roles, null);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.body();
  }
}

package bd.com.getit.realtime.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import bd.com.getit.realtime.testsupport.HttpTestClient;
import java.util.ArrayList;
import java.util.List;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's files and figures over plain HTTP, outside development mode: {@code
 * /admin/metrics} is for admins only, files are read-only and nothing outside their folders can be
 * named, and the development demo is not served.
 */
class AdminPagesIT {
  private static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void metricsAreForAdminsOnly() throws Exception {
    HttpTestClient http = new HttpTestClient(server.url());
    HttpTestClient.Reply none = http.get("/admin/metrics", null);
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.header("content-type")).isEqualTo("application/problem+json");
    assertThat(new JSONObject(none.body()).getString("code")).isEqualTo("AUTH_REQUIRED");

    HttpTestClient.Reply bad = http.get("/admin/metrics", "not-a-token");
    assertThat(bad.status()).isEqualTo(401);
    assertThat(new JSONObject(bad.body()).getString("code")).isEqualTo("AUTH_INVALID");

    HttpTestClient.Reply customer = http.get("/admin/metrics", TestServer.token("c1"));
    assertThat(customer.status()).isEqualTo(403);
    assertThat(new JSONObject(customer.body()).getString("code")).isEqualTo("FORBIDDEN");
  }

  @Test
  void metricsListTheServersMetersWithTheirValues() throws Exception {
    try (Client c = Client.connect(server, TestServer.token("m1"), Client.WEBSOCKET)) {
      HttpTestClient.Reply reply =
          new HttpTestClient(server.url()).get("/admin/metrics", TestServer.token("ops", "admin"));
      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.header("cache-control")).isEqualTo("no-store");
      JSONArray meters = new JSONObject(reply.body()).getJSONArray("meters");
      List<String> names = new ArrayList<>();
      for (int i = 0; i < meters.length(); i++) {
        JSONObject meter = meters.getJSONObject(i);
        names.add(meter.getString("name"));
        if ("realtime.sockets".equals(meter.getString("name"))) {
          assertThat(meter.getString("type")).isEqualTo("gauge");
          assertThat(meter.getDouble("value")).isEqualTo(1.0);
        }
      }
      assertThat(names)
          .contains("realtime.sockets", "realtime.deliveries", "realtime.delivery.shed")
          .allMatch(name -> name.startsWith("realtime."))
          .isSorted();
    }
  }

  @Test
  void servesThePagesAndTheirLibrariesFromTheJar() {
    HttpTestClient http = new HttpTestClient(server.url());
    HttpTestClient.Reply page = http.get("/admin/", null);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("content-type")).startsWith("text/html");
    assertThat(page.header("content-security-policy")).contains("default-src 'self'");
    assertThat(page.body()).contains("<script type=\"module\" src=\"app.js\">");

    assertThat(http.get("/admin", null).status()).isEqualTo(302);
    assertThat(http.get("/admin/app.js", null).header("content-type"))
        .startsWith("text/javascript");
    assertThat(http.get("/webjars/uplot/dist/uPlot.esm.js", null).status()).isEqualTo(200);
    assertThat(http.get("/webjars/swagger-ui/swagger-ui-bundle.js", null).status()).isEqualTo(200);
    assertThat(http.get("/api/docs/", null).body()).contains("swagger-ui-bundle.js");
  }

  @Test
  void namesNothingOutsideTheirFoldersAndRefusesWrites() {
    HttpTestClient http = new HttpTestClient(server.url());
    for (String path :
        List.of(
            "/admin/nothing.js",
            "/admin/%2e%2e/realtime-build.properties",
            "/admin/.hidden",
            "/webjars/realtime-build.properties",
            "/webjars/nosuchjar/x.js")) {
      assertThat(http.get(path, null).status()).as(path).isEqualTo(404);
    }
    // Grizzly refuses an encoded slash before any handler sees the path
    assertThat(http.get("/webjars/uplot/..%2f..%2f..%2fpackage.json", null).status())
        .isNotEqualTo(200);
    assertThat(http.send("POST", "/admin/", null, "text/plain", "x").status()).isEqualTo(405);
  }

  @Test
  void theDevelopmentDemoIsNotServedInProduction() {
    assertThat(new HttpTestClient(server.url()).get("/dev/demo/", null).status()).isEqualTo(404);
  }
}

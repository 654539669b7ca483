package bd.com.getit.realtime.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpTestClientTest {
  /** What the server saw of one request. */
  record Seen(String method, String path, String authorization, String contentType, String body) {}

  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private HttpTestClient http;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          seen.add(
              new Seen(
                  exchange.getRequestMethod(),
                  exchange.getRequestURI().toString(),
                  exchange.getRequestHeaders().getFirst("Authorization"),
                  exchange.getRequestHeaders().getFirst("Content-Type"),
                  body));
          byte[] reply = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("X-Trace", "t-1");
          exchange.sendResponseHeaders(
              exchange.getRequestMethod().equals("DELETE") ? 404 : 200, reply.length);
          exchange.getResponseBody().write(reply);
          exchange.close();
        });
    server.start();
    http = new HttpTestClient("http://127.0.0.1:" + server.getAddress().getPort() + "/api");
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void sendsPathTokenAndJsonBodyAndReturnsStatusHeadersAndBody() {
    HttpTestClient.Reply reply = http.post("/things?x=1", "tok", "{\"a\":1}");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).isEqualTo("{\"ok\":true}");
    assertThat(reply.header("X-Trace")).isEqualTo("t-1");
    assertThat(reply.header("X-Absent")).isNull();
    assertThat(seen)
        .containsExactly(
            new Seen("POST", "/api/things?x=1", "Bearer tok", "application/json", "{\"a\":1}"));
  }

  @Test
  void aNullTokenSendsNoAuthorizationAndErrorStatusesAreReturnedNotThrown() {
    assertThat(http.delete("/things/1", null).status()).isEqualTo(404);
    http.send("PATCH", "/p", null, "text/plain", "x", Map.of("X-Extra", "1"));

    assertThat(seen)
        .containsExactly(
            new Seen("DELETE", "/api/things/1", null, null, ""),
            new Seen("PATCH", "/api/p", null, "text/plain", "x"));
  }

  @Test
  void aBaseThatIsNotAnHttpUrlIsRefused() {
    assertThatThrownBy(() -> new HttpTestClient("127.0.0.1:8080"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("127.0.0.1:8080");
  }

  @Test
  void aServerThatIsNotThereIsAnIoFailureNamingTheRequest() {
    HttpTestClient nowhere = new HttpTestClient("http://127.0.0.1:" + FreePorts.pick());
    assertThatThrownBy(() -> nowhere.get("/x", null))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("GET http://127.0.0.1:");
  }
}

package bd.com.getit.realtime.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bd.com.getit.realtime.app.AppConfig;
import bd.com.getit.realtime.app.RealtimeServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Development mode, health checks and the graceful stop of the reference server. */
class ServerLifecycleIT {
  static final HttpClient HTTP = HttpClient.newHttpClient();

  static HttpResponse<String> get(String url) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void developmentModeIssuesTokensThatTheServerAccepts() throws Exception {
    RealtimeServer server =
        RealtimeServer.start(
            AppConfig.from(Map.of("REALTIME_HOST", "127.0.0.1", "REALTIME_PORT", "0")));
    String base = "http://127.0.0.1:" + server.port();
    try {
      HttpResponse<String> token = get(base + "/dev/token?user=first-try&roles=customer,vendor");
      assertThat(token.statusCode()).isEqualTo(200);
      assertThat(get(base + "/dev/token?user=bad%20user").statusCode()).isEqualTo(400);
      assertThat(get(base + "/dev/token?user=u1&roles=emperor").statusCode()).isEqualTo(400);

      try (Client c = new Client(base, "/realtime", token.body(), Client.WEBSOCKET)) {
        c.socket.connect();
        assertThat(c.awaitObject("authenticated").getString("user_id")).isEqualTo("first-try");
      }
    } finally {
      server.stop();
    }
  }

  @Test
  void configuredLimitsApplyToConnectionsAndEvents() throws Exception {
    try (TestServer server =
            TestServer.start(
                Map.of(
                    "REALTIME_MAX_CONNECTIONS_PER_USER", "1",
                    "REALTIME_RATE_LIMITS", "join_channel=1"));
        Client first = Client.connect(server, TestServer.token("limited"), Client.WEBSOCKET);
        Client second =
            new Client(server.url(), "/realtime", TestServer.token("limited"), Client.WEBSOCKET)) {
      second.socket.connect();
      org.json.JSONObject refused = second.awaitObject(io.socket.client.Socket.EVENT_CONNECT_ERROR);
      assertThat(refused.getJSONObject("data").getString("code")).isEqualTo("CONNECTION_LIMIT");

      org.json.JSONObject join = new org.json.JSONObject("{\"channels\":[\"product:1\"]}");
      assertThat(first.call("join_channel", join).getBoolean("ok")).isTrue();
      org.json.JSONObject limited = first.call("join_channel", join);
      assertThat(limited.getJSONObject("error").getString("code")).isEqualTo("RATE_LIMITED");
      assertThat(limited.getJSONObject("error").getLong("retry_after_ms")).isPositive();
    }
  }

  @Test
  void devTokenEndpointDoesNotExistWhenASecretIsConfigured() throws Exception {
    try (TestServer server = TestServer.start()) {
      assertThat(get(server.url() + "/dev/token?user=u1").statusCode()).isEqualTo(404);
    }
  }

  @Test
  void healthChecksAnswerAndStopTellsClientsToGoElsewhere() throws Exception {
    TestServer server = TestServer.start();
    try {
      assertThat(get(server.url() + "/health/live").statusCode()).isEqualTo(200);
      HttpResponse<String> ready = get(server.url() + "/health/ready");
      assertThat(ready.statusCode()).isEqualTo(200);
      assertThat(ready.body()).contains("\"status\":\"UP\"");

      try (RawClient c = RawClient.open(server.port())) {
        c.next("0{");
        c.send("40/realtime,{}");
        c.next("40/realtime,");
        server.close();
        // A close, not a server namespace disconnect: Socket.IO clients reconnect by themselves.
        assertThat(c.closedWithin(5_000)).isTrue();
      }
      String live = server.url() + "/health/live";
      assertThatThrownBy(() -> get(live)).isInstanceOf(java.net.ConnectException.class);
    } finally {
      server.close();
    }
  }
}

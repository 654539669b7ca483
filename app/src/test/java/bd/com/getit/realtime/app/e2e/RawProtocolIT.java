package bd.com.getit.realtime.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Hand-built Engine.IO / Socket.IO frames: recovery on the wire and malformed input. */
class RawProtocolIT {
  static final ObjectMapper JSON = new ObjectMapper();
  static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** Opens a websocket session and connects to /realtime; returns the CONNECT reply's data. */
  static JsonNode connect(RawClient c, String auth) throws Exception {
    String open = c.next();
    assertThat(open).startsWith("0{");
    JsonNode handshake = JSON.readTree(open.substring(1));
    assertThat(handshake.get("sid").asText()).isNotBlank();
    assertThat(handshake.get("pingInterval").asInt()).isEqualTo(25000);
    assertThat(handshake.get("pingTimeout").asInt()).isEqualTo(20000);
    assertThat(handshake.get("maxPayload").asInt()).isEqualTo(1000000);
    c.send("40/realtime," + auth);
    String reply = c.next("40/realtime,");
    return JSON.readTree(reply.substring("40/realtime,".length()));
  }

  @Test
  void recoveredSessionKeepsItsChannelsAndGetsWhatItMissedInOrder() throws Exception {
    String token = TestServer.token("recover-me");
    String pid;
    String offset;
    String sid;
    try (RawClient first = RawClient.open(server.port())) {
      JsonNode reply = connect(first, "{\"token\":\"" + token + "\"}");
      sid = reply.get("sid").asText();
      pid = reply.get("pid").asText();
      assertThat(pid).isNotBlank();
      first.send("42/realtime,1[\"join_channel\",{\"channels\":[\"product:rec\"]}]");
      assertThat(first.next("43/realtime,1")).contains("\"joined\":[\"product:rec\"]");
      publish("product:rec", 0);
      String event = first.next("42/realtime,[\"product_price_change\"");
      JsonNode args = JSON.readTree(event.substring("42/realtime,".length()));
      assertThat(args.get(1).get("data").get("n").asInt()).isZero();
      offset = args.get(2).asText();
      assertThat(offset).isNotBlank();
    } // the socket drops without a DISCONNECT: recoverable
    String dropped = sid;
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(10))
        .until(
            () ->
                server
                    .server
                    .core()
                    .subscriptions()
                    .principalOf(bd.com.getit.realtime.domain.ConnectionId.of(dropped))
                    .isEmpty());

    publish("product:rec", 1);
    publish("product:rec", 2);

    try (RawClient second = RawClient.open(server.port())) {
      JsonNode reply =
          connect(
              second,
              "{\"token\":\""
                  + token
                  + "\",\"pid\":\""
                  + pid
                  + "\",\"offset\":\""
                  + offset
                  + "\"}");
      assertThat(reply.get("sid").asText()).isEqualTo(sid);
      List<Integer> missed = new ArrayList<>();
      while (missed.size() < 2) {
        String frame = second.next("42/realtime,[\"product_price_change\"");
        missed.add(JSON.readTree(frame.substring(12)).get(1).get("data").get("n").asInt());
      }
      assertThat(missed).containsExactly(1, 2);

      publish("product:rec", 3);
      String live = second.next("42/realtime,[\"product_price_change\"");
      assertThat(JSON.readTree(live.substring(12)).get(1).get("data").get("n").asInt())
          .isEqualTo(3);
    }
  }

  @Test
  void unknownPidStartsAFreshSession() throws Exception {
    try (RawClient c = RawClient.open(server.port())) {
      JsonNode reply = connect(c, "{\"pid\":\"no-such-pid\",\"offset\":\"000001\"}");
      assertThat(reply.get("pid").asText()).isNotEqualTo("no-such-pid");
      assertThat(c.next("42/realtime,[\"authenticated\"")).contains("\"guest\":true");
    }
  }

  @Test
  void malformedFramesCloseTheSessionAndTheServerLivesOn() throws Exception {
    for (String garbage :
        List.of(
            "4garbage",
            "42/realtime,[",
            "42/realtime,999999999999999999999[\"x\"]",
            "9",
            "",
            "42/realtime,{\"not\":\"an array\"}",
            "45/realtime,[\"x\",{\"_placeholder\":true,\"num\":0}]")) {
      try (RawClient c = RawClient.open(server.port())) {
        connect(c, "{}");
        c.send(garbage);
        assertThat(c.closedWithin(5_000)).as("closed after %s", garbage).isTrue();
      }
    }
    try (RawClient healthy = RawClient.open(server.port())) {
      assertThat(connect(healthy, "{}").get("sid").asText()).isNotBlank();
    }
  }

  @Test
  void pollingHandshakeAndBadRequestsAnswerLikeNode() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String base = server.url() + "/socket.io/";
    HttpResponse<String> open =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "?EIO=4&transport=polling")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(open.statusCode()).isEqualTo(200);
    assertThat(open.body()).startsWith("0{").contains("\"upgrades\":[\"websocket\"]");

    HttpResponse<String> badTransport =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "?EIO=4&transport=carrier-pigeon")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(badTransport.statusCode()).isEqualTo(400);
    assertThat(badTransport.body()).contains("\"code\":0");

    HttpResponse<String> badSid =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "?EIO=4&transport=polling&sid=nope")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(badSid.statusCode()).isEqualTo(400);
    assertThat(badSid.body()).contains("\"code\":1");

    HttpResponse<String> oldProtocol =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "?EIO=3&transport=polling")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(oldProtocol.statusCode()).isEqualTo(400);
    assertThat(oldProtocol.body()).contains("\"code\":5");
  }

  static void publish(String channel, int n) {
    server.publish(channel, n);
  }
}

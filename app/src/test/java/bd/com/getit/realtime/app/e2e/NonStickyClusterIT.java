package bd.com.getit.realtime.app.e2e;

import static bd.com.getit.realtime.app.e2e.ClusterApi.publishPrice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bd.com.getit.realtime.testsupport.EmbeddedRedis;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Three nodes on one Redis behind a round-robin load balancer with no sticky sessions (PROTOCOL
 * 10.5): a polling request or a websocket upgrade that reaches a node other than the session's is
 * served by the session's node.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NonStickyClusterIT {
  // HTTP/1.1: the JDK's h2c upgrade offer on a POST keeps Grizzly from reading its body
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final String UNKNOWN_SID = "{\"code\":1,\"message\":\"Session ID unknown\"}";

  static EmbeddedRedis redis;
  static TestServer node1;
  static TestServer node2;
  static TestServer node3;
  static RoundRobinProxy proxy;

  @BeforeAll
  static void startCluster() throws Exception {
    redis = EmbeddedRedis.launch();
    node1 = node("rr-1");
    node2 = node("rr-2");
    node3 = node("rr-3");
    proxy = new RoundRobinProxy(List.of(node1.port(), node2.port(), node3.port()));
    // each node learns the others' addresses with its next heartbeat
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> forwardsTo(node1, node2) && forwardsTo(node2, node3) && forwardsTo(node3, node1));
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (proxy != null) {
      proxy.close();
    }
    for (TestServer node : new TestServer[] {node1, node2, node3}) {
      if (node != null) {
        node.close();
      }
    }
    if (redis != null) {
      redis.close();
    }
  }

  static TestServer node(String id) throws Exception {
    return node(id, Map.of());
  }

  static TestServer node(String id, Map<String, String> extra) throws Exception {
    Map<String, String> env = new HashMap<>(extra);
    env.put("REALTIME_NODE_ID", id);
    env.put("REALTIME_REDIS_URL", redis.url());
    env.put("REALTIME_REDIS_KEY_PREFIX", "non-sticky-it:");
    env.put("REALTIME_NODE_TIMEOUT_SECONDS", "4");
    env.put("REALTIME_PING_INTERVAL_MS", "2000");
    return TestServer.start(env);
  }

  /**
   * Whether {@code via} already forwards a poll of a session of {@code owner}: the owner holds it
   * until its next ping (200); a node that does not know the owner yet answers 400 at once.
   */
  private static boolean forwardsTo(TestServer via, TestServer owner) throws Exception {
    String sid = handshake(owner);
    HttpResponse<String> poll = get(via, sid);
    post(owner, sid, "1"); // done with it
    return poll.statusCode() == 200;
  }

  static String handshake(TestServer node) throws Exception {
    HttpResponse<String> open = get(node, null);
    assertThat(open.statusCode()).as(open.body()).isEqualTo(200);
    return new JSONObject(open.body().substring(1)).getString("sid");
  }

  static HttpRequest pollRequest(TestServer node, String sid) {
    return HttpRequest.newBuilder(
            URI.create(node.url() + "/socket.io/?EIO=4&transport=polling&sid=" + sid))
        .timeout(Duration.ofSeconds(10))
        .build();
  }

  static HttpResponse<String> get(TestServer node, String sid) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(
                URI.create(
                    node.url()
                        + "/socket.io/?EIO=4&transport=polling"
                        + (sid == null ? "" : "&sid=" + sid)))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> post(TestServer node, String sid, String payload) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(
                URI.create(node.url() + "/socket.io/?EIO=4&transport=polling&sid=" + sid))
            .header("Content-Type", "text/plain;charset=UTF-8")
            .POST(HttpRequest.BodyPublishers.ofString(payload))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static JSONObject json(String text) throws Exception {
    return new JSONObject(text);
  }

  @Test
  @Order(1)
  void pollsAndPostsOfASessionAreServedByItsOwnerThroughAnyNode() throws Exception {
    String sid = handshake(node1);

    HttpResponse<String> posted =
        post(node2, sid, "40/realtime,{\"token\":\"" + TestServer.token("raw-poller") + "\"}");
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
    assertThat(posted.body()).isEqualTo("ok");

    StringBuilder received = new StringBuilder();
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              HttpResponse<String> poll = get(node3, sid);
              assertThat(poll.statusCode()).as(poll.body()).isEqualTo(200);
              received.append(poll.body());
              assertThat(received.toString())
                  .contains("40/realtime,{\"sid\"")
                  .contains("authenticated");
            });
  }

  @Test
  @Order(2)
  void aWebsocketUpgradeThroughAnotherNodeIsRelayedToTheOwner() throws Exception {
    String sid = handshake(node1);
    post(node2, sid, "40/realtime,{\"token\":\"" + TestServer.token("raw-upgrader") + "\"}");
    BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    WebSocket ws =
        HTTP.newWebSocketBuilder()
            .buildAsync(
                URI.create(
                    "ws://127.0.0.1:"
                        + node3.port()
                        + "/socket.io/?EIO=4&transport=websocket&sid="
                        + sid),
                new WebSocket.Listener() {
                  private final StringBuilder text = new StringBuilder();

                  @Override
                  public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                    text.append(data);
                    if (last) {
                      frames.add(text.toString());
                      text.setLength(0);
                    }
                    w.request(1);
                    return null;
                  }
                })
            .get(10, TimeUnit.SECONDS);

    ws.sendText("2probe", true).get(5, TimeUnit.SECONDS);
    assertThat(frames.poll(10, TimeUnit.SECONDS)).isEqualTo("3probe");
    ws.sendText("5", true).get(5, TimeUnit.SECONDS);
    // a client sends events once its CONNECT is answered: one sent before is refused as a packet
    // for a namespace not joined (as Node does), and the handshake may outrun the CONNECT
    assertThat(next(frames, "40/realtime,")).contains("\"sid\"");
    ws.sendText("42/realtime,7[\"join_channel\",{\"channels\":[\"product:relayed\"]}]", true)
        .get(5, TimeUnit.SECONDS);
    String ack = next(frames, "43/realtime,7");
    assertThat(ack).contains("\"ok\":true");

    publishPrice(node2, "product:relayed", 5);
    assertThat(next(frames, "42/realtime,[\"product_price_change\"")).contains("\"n\":5");

    // a poll after the upgrade is refused by the owner, as without forwarding
    assertThat(get(node2, sid).statusCode()).isEqualTo(400);
    assertThat(relayedWebsockets(node3)).isEqualTo(1);

    ws.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
    await().atMost(Duration.ofSeconds(10)).until(() -> relayedWebsockets(node3) == 0);
  }

  private static int relayedWebsockets(TestServer node) throws Exception {
    return metric(node, "realtime_forward_websockets");
  }

  /** A gauge of the node's {@code /metrics}. */
  private static int metric(TestServer node, String name) throws Exception {
    String metrics =
        HTTP.send(
                HttpRequest.newBuilder(URI.create(node.url() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    for (String line : metrics.split("\n")) {
      if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
        return (int) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1).strip());
      }
    }
    throw new AssertionError("no " + name + " in /metrics");
  }

  /** The next frame starting with {@code prefix}, skipping others (pings, other events). */
  private static String next(BlockingQueue<String> frames, String prefix) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      String frame = frames.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (frame != null && frame.startsWith(prefix)) {
        return frame;
      }
    }
    throw new AssertionError("no frame starting with " + prefix);
  }

  @Test
  @Order(3)
  void aPollingOnlyClientWorksThroughARoundRobinBalancer() throws Exception {
    try (Client polling =
            Client.connect(proxy.url(), TestServer.token("poll-only"), Client.POLLING);
        Client elsewhere = Client.connect(node2, TestServer.token("ws-peer"), Client.WEBSOCKET)) {
      assertThat(
              polling
                  .call("join_channel", json("{\"channels\":[\"product:rr\"]}"))
                  .getBoolean("ok"))
          .isTrue();
      assertThat(
              elsewhere
                  .call("join_channel", json("{\"channels\":[\"product:rr\"]}"))
                  .getBoolean("ok"))
          .isTrue();

      for (int n = 1; n <= 6; n++) {
        publishPrice(List.of(node1, node2, node3).get(n % 3), "product:rr", n);
        assertThat(polling.awaitObject("product_price_change").getJSONObject("data").getInt("n"))
            .isEqualTo(n);
      }
      for (int i = 0; i < 5; i++) {
        JSONObject ack =
            polling.call("leave_channel", json("{\"channels\":[\"product:other" + i + "\"]}"));
        assertThat(ack.has("ok")).as(ack.toString()).isTrue();
      }
      assertThat(polling.transport()).isEqualTo("polling");
    }
  }

  @Test
  @Order(4)
  void aClientWithDefaultTransportsUpgradesThroughTheBalancerAndKeepsWorking() throws Exception {
    try (Client both = Client.connect(proxy.url(), TestServer.token("both"), Client.BOTH)) {
      await().atMost(Duration.ofSeconds(10)).until(() -> "websocket".equals(both.transport()));
      assertThat(
              both.call("join_channel", json("{\"channels\":[\"product:upgraded\"]}"))
                  .getBoolean("ok"))
          .isTrue();
      for (int n = 1; n <= 3; n++) {
        publishPrice(List.of(node1, node2, node3).get(n % 3), "product:upgraded", n);
        assertThat(both.awaitObject("product_price_change").getJSONObject("data").getInt("n"))
            .isEqualTo(n);
      }
      // still connected after a few heartbeats through the relay
      await()
          .during(Duration.ofSeconds(5))
          .atMost(Duration.ofSeconds(7))
          .until(both.socket::connected);
    }
  }

  @Test
  @Order(5)
  void forwardedRequestsPastTheBoundAreAnswered503AndTheOthersStillServed() throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("REALTIME_FORWARD_MAX_IN_FLIGHT", "1");
    try (TestServer narrow = node("rr-narrow", env)) {
      await().atMost(Duration.ofSeconds(30)).until(() -> forwardsTo(narrow, node1));
      String first = handshake(node1);
      String second = handshake(node1);
      var held = HTTP.sendAsync(pollRequest(narrow, first), HttpResponse.BodyHandlers.ofString());
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> metric(narrow, "realtime_forward_polls_in_flight") == 1);

      HttpResponse<String> refused = get(narrow, second);

      assertThat(refused.statusCode()).isEqualTo(503);
      assertThat(refused.headers().firstValue("Retry-After")).contains("1");
      assertThat(held.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200); // its ping
      assertThat(metric(narrow, "realtime_forward_polls_in_flight")).isZero();
    }
  }

  @Test
  @Order(6)
  void aRequestForASessionOfADeadNodeIsAnsweredAsAnUnknownSession() throws Exception {
    String sid = handshake(node3);
    node3.server.halt();

    HttpResponse<String> poll = get(node1, sid);

    assertThat(poll.statusCode()).isEqualTo(400);
    assertThat(poll.body()).isEqualTo(UNKNOWN_SID);
    HttpResponse<String> posted = post(node2, sid, "40/realtime,{}");
    assertThat(posted.statusCode()).isEqualTo(400);
    assertThat(posted.body()).isEqualTo(UNKNOWN_SID);
  }
}

package bd.com.getit.realtime.adapter.websocket.engineio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.http.server.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * This adapter's own websocket layer on a real server, seen on the wire: the handshake (RFC 6455
 * 4.2.1 and the reference server's errors), pings, close handshakes from either side, and the end
 * of a session when its connection drops.
 */
class WebSocketUpgradeIT {

  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final String PATH = "/engine.io/?EIO=4&transport=websocket";
  private static final String RFC_KEY = "dGhlIHNhbXBsZSBub25jZQ==";

  private final EchoListener listener = new EchoListener();
  private EngineServer engine;
  private HttpServer server;
  private int port;

  @BeforeEach
  void start() throws IOException {
    engine =
        new EngineServer(
            EngineOptions.builder()
                .path("/engine.io/")
                .websocketLayer(WebSocketLayer.GRIZZLY)
                .pingInterval(Duration.ofSeconds(20))
                .pingTimeout(Duration.ofSeconds(20))
                .build(),
            listener);
    server = engine.startStandalone("127.0.0.1", 0);
    port = server.getListener("engine.io").getPort();
  }

  @AfterEach
  void stop() {
    engine.shutdown(Duration.ofMillis(200));
    server.shutdownNow();
  }

  /** Sends {@code request} on a new connection and reads all the server says until it closes. */
  private String exchange(String request) throws IOException {
    try (Socket raw = new Socket("127.0.0.1", port)) {
      raw.setSoTimeout(5000);
      raw.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      // readAllBytes ends only because the server closes the connection
      return new String(raw.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String upgrade(String method, String connection, String version, String key) {
    return method
        + " "
        + PATH
        + " HTTP/1.1\r\n"
        + "Host: localhost\r\n"
        + "Connection: "
        + connection
        + "\r\n"
        + "Upgrade: websocket\r\n"
        + (version == null ? "" : "Sec-WebSocket-Version: " + version + "\r\n")
        + (key == null ? "" : "Sec-WebSocket-Key: " + key + "\r\n")
        + "\r\n";
  }

  private RawWebSocket open() throws IOException {
    RawWebSocket ws = RawWebSocket.open(port, PATH, null);
    assertThat(ws.status).isEqualTo(101);
    assertThat(ws.nextData().text()).startsWith("0{\"sid\":");
    return ws;
  }

  private static byte[] closePayload(int code, String reason) {
    byte[] text = reason.getBytes(StandardCharsets.UTF_8);
    byte[] payload = new byte[2 + text.length];
    payload[0] = (byte) (code >>> 8);
    payload[1] = (byte) code;
    System.arraycopy(text, 0, payload, 2, text.length);
    return payload;
  }

  private static int code(RawWebSocket.Frame close) {
    return ((close.payload()[0] & 0xff) << 8) | (close.payload()[1] & 0xff);
  }

  // ---- the handshake

  @Test
  void answersTheRfcExampleKeyWithItsAcceptValueAndOpensASession() throws Exception {
    try (RawWebSocket ws = RawWebSocket.open(port, PATH, null)) {
      assertThat(ws.status).isEqualTo(101);
      assertThat(ws.headers)
          .containsEntry("sec-websocket-accept", "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")
          .containsEntry("upgrade", "websocket")
          .doesNotContainKey("sec-websocket-extensions");
      assertThat(ws.nextData().text()).startsWith("0{\"sid\":");
      ws.sendText("4hello");
      assertThat(ws.nextData().text()).isEqualTo("4hello");
    }
    // RFC 6455 section 1.3's own example
    assertThat(WebSocketAccept.of(RFC_KEY)).isEqualTo("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
  }

  @Test
  void refusesAMissingOrMalformedKeyWith400() throws Exception {
    for (String key : new String[] {null, "c2hvcnQ=", "not base64 at all, but 24", RFC_KEY + "x"}) {
      assertThat(exchange(upgrade("GET", "Upgrade", "13", key)))
          .as("key %s", key)
          .startsWith("HTTP/1.1 400")
          .endsWith("{\"code\":3,\"message\":\"Bad request\"}");
    }
    assertThat(engine.sessions()).isZero();
  }

  @Test
  void refusesAnotherVersionWith426AndTheVersionItSpeaks() throws Exception {
    String response = exchange(upgrade("GET", "Upgrade", "8", RFC_KEY));

    assertThat(response).startsWith("HTTP/1.1 426").contains("Sec-WebSocket-Version: 13");
    assertThat(exchange(upgrade("GET", "Upgrade", null, RFC_KEY))).startsWith("HTTP/1.1 426");
    assertThat(engine.sessions()).isZero();
  }

  @Test
  void refusesAConnectionHeaderWithoutTheUpgradeToken() throws Exception {
    assertThat(exchange(upgrade("GET", "keep-alive", "13", RFC_KEY))).startsWith("HTTP/1.1 400");
    assertThat(engine.sessions()).isZero();

    // a list holding the token is fine
    try (RawWebSocket ws = RawWebSocket.open(port, PATH, null)) {
      assertThat(ws.status).isEqualTo(101);
    }
  }

  @Test
  void refusesAPostUpgradeAsABadHandshakeMethod() throws Exception {
    assertThat(exchange(upgrade("POST", "Upgrade", "13", RFC_KEY)))
        .startsWith("HTTP/1.1 400")
        .endsWith("{\"code\":2,\"message\":\"Bad handshake method\"}");
    assertThat(engine.sessions()).isZero();
  }

  @Test
  void refusesWhatTheReferenceServerRefusesBeforeTheWebsocketChecks() throws Exception {
    assertThat(
            exchange(
                upgrade("GET", "Upgrade", "8", RFC_KEY)
                    .replace("transport=websocket", "transport=websocket&sid=unknown")))
        .startsWith("HTTP/1.1 400")
        .endsWith("{\"code\":1,\"message\":\"Session ID unknown\"}");
    assertThat(exchange(upgrade("GET", "Upgrade", "13", RFC_KEY).replace("EIO=4", "EIO=3")))
        .startsWith("HTTP/1.1 400")
        .endsWith("{\"code\":5,\"message\":\"Unsupported protocol version\"}");
  }

  // ---- after it

  @Test
  void answersAPingWithAPongOfTheSamePayload() throws Exception {
    try (RawWebSocket ws = open()) {
      ws.send(0x9, false, new byte[] {1, 2, 3});

      RawWebSocket.Frame pong = ws.next();
      assertThat(pong.opcode()).isEqualTo(0xA);
      assertThat(pong.payload()).containsExactly(1, 2, 3);
      ws.sendText("4still open");
      assertThat(ws.nextData().text()).isEqualTo("4still open");
    }
  }

  @Test
  void echoesAClientCloseWithItsCodeThenClosesTheConnectionAndTheSessionOnce() throws Exception {
    try (RawWebSocket ws = open()) {
      String sid = listener.opened.poll(5, TimeUnit.SECONDS).id();
      ws.send(0x8, false, closePayload(4001, "bye"));

      RawWebSocket.Frame close = ws.nextData();
      assertThat(close.opcode()).isEqualTo(0x8);
      assertThat(code(close)).isEqualTo(4001);
      assertThat(ws.endOfStream()).isTrue();
      await().atMost(WAIT).until(() -> listener.closes(sid) == 1);
      assertThat(listener.closed.get(sid)).containsExactly("transport close");
    }
  }

  @Test
  void answersACloseWithoutACodeWithAnEmptyClose() throws Exception {
    try (RawWebSocket ws = open()) {
      ws.send(0x8, false, new byte[0]);

      RawWebSocket.Frame close = ws.nextData();
      assertThat(close.opcode()).isEqualTo(0x8);
      assertThat(close.payload()).isEmpty();
      assertThat(ws.endOfStream()).isTrue();
    }
  }

  @Test
  void aServerCloseSendsTheClosePacketAndACloseFrameThenCloses() throws Exception {
    try (RawWebSocket ws = open()) {
      EngineSocket socket = listener.opened.poll(5, TimeUnit.SECONDS);
      socket.close();

      assertThat(ws.nextData().text()).isEqualTo("1");
      RawWebSocket.Frame close = ws.nextData();
      assertThat(close.opcode()).isEqualTo(0x8);
      assertThat(code(close)).isEqualTo(1000);
      assertThat(ws.endOfStream()).isTrue();
      await().atMost(WAIT).until(() -> listener.closes(socket.id()) == 1);
      assertThat(listener.closed.get(socket.id())).containsExactly("forced close");
    }
  }

  @Test
  void anAbruptDisconnectEndsTheSessionExactlyOnce() throws Exception {
    String sid;
    try (RawWebSocket ws = open()) {
      sid = listener.opened.poll(5, TimeUnit.SECONDS).id();
    } // closed without a close frame
    await().atMost(WAIT).until(() -> listener.closes(sid) == 1);
    assertThat(listener.closed.get(sid)).containsExactly("transport close");
    await().atMost(WAIT).until(() -> engine.sessions() == 0);
    assertThat(listener.closes(sid)).isEqualTo(1);
  }

  @Test
  void aFrameSentAlongWithTheRequestIsRead() throws Exception {
    try (Socket raw = new Socket("127.0.0.1", port)) {
      raw.setSoTimeout(5000);
      byte[] request = upgrade("GET", "Upgrade", "13", RFC_KEY).getBytes(StandardCharsets.US_ASCII);
      byte[] text = "4early".getBytes(StandardCharsets.UTF_8);
      byte[] frame = new byte[6 + text.length];
      frame[0] = (byte) 0x81;
      frame[1] = (byte) (0x80 | text.length);
      // a zero mask: the payload goes as it is
      System.arraycopy(text, 0, frame, 6, text.length);
      byte[] both = new byte[request.length + frame.length];
      System.arraycopy(request, 0, both, 0, request.length);
      System.arraycopy(frame, 0, both, request.length, frame.length);
      raw.getOutputStream().write(both);

      StringBuilder received = new StringBuilder();
      while (received.indexOf("4early") < 0) {
        int c = raw.getInputStream().read(); // times out if the frame is never answered
        assertThat(c).as("the server's reply to the early frame").isNotNegative();
        received.append((char) c);
      }
      assertThat(received.toString()).startsWith("HTTP/1.1 101");
    }
  }
}

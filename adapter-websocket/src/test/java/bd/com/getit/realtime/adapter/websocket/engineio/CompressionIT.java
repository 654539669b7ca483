package bd.com.getit.realtime.adapter.websocket.engineio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import org.glassfish.grizzly.http.server.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * permessage-deflate and compressed polling over a real server, seen on the wire: what is
 * negotiated, which frames carry RSV1, that they inflate to what was sent, and that a compressed
 * frame inflating past the payload limit closes the connection instead of being inflated.
 */
class CompressionIT {

  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final String OFFER = "permessage-deflate; client_max_window_bits";
  private static final int MAX_PAYLOAD = 100_000;

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final Echo listener = new Echo();
  private EngineServer engine;
  private HttpServer server;
  private int port;

  /** The websocket layer under test; the Tyrus subclass runs every test on Tyrus. */
  WebSocketLayer layer() {
    return WebSocketLayer.GRIZZLY;
  }

  private void start(Compression compression) throws IOException {
    engine =
        new EngineServer(
            EngineOptions.builder()
                .websocketLayer(layer())
                .pingInterval(Duration.ofSeconds(20))
                .pingTimeout(Duration.ofSeconds(20))
                .maxPayload(MAX_PAYLOAD)
                .compression(compression)
                .build(),
            listener);
    server = engine.startStandalone("127.0.0.1", 0);
    port = server.getListener("engine.io").getPort();
  }

  @AfterEach
  void stop() {
    if (engine != null) {
      engine.shutdown(Duration.ofMillis(200));
    }
    if (server != null) {
      server.shutdownNow();
    }
  }

  private RawWebSocket openWebSocket(String offer) throws IOException {
    RawWebSocket ws = RawWebSocket.open(port, "/socket.io/?EIO=4&transport=websocket", offer);
    assertThat(ws.status).isEqualTo(101);
    assertThat(ws.nextData().text()).startsWith("0{\"sid\"");
    return ws;
  }

  private static String large(String seed) {
    return (seed + " ").repeat(2000 / (seed.length() + 1) + 1);
  }

  @Test
  void anOfferIsAcceptedWithoutContextTakeoverAndLargeFramesGoCompressed() throws Exception {
    start(Compression.DEFAULT);
    try (RawWebSocket ws = openWebSocket(OFFER)) {
      assertThat(ws.headers.get("sec-websocket-extensions"))
          .isEqualTo("permessage-deflate; client_no_context_takeover");

      String text = "P" + large("product_price_change 1299.00 ৳ মূল্য");
      ws.sendText("4" + text);
      RawWebSocket.Frame echoed = ws.nextData();
      assertThat(echoed.rsv1()).as("compressed").isTrue();
      assertThat(echoed.payload().length).isLessThan(text.length() / 4);
      assertThat(echoed.inflatedText()).isEqualTo("4" + text);

      ws.sendText("4small");
      RawWebSocket.Frame small = ws.nextData();
      assertThat(small.rsv1()).as("below the threshold").isFalse();
      assertThat(small.text()).isEqualTo("4small");
    }
    assertThat(engine.wireStats().get("websocket", LinkClass.UNKNOWN, WireStats.Counter.COMPRESSED))
        .isGreaterThanOrEqualTo(1);
    assertThat(engine.wireStats().get("websocket", LinkClass.UNKNOWN, WireStats.Counter.BYTES_WIRE))
        .isLessThan(
            engine.wireStats().get("websocket", LinkClass.UNKNOWN, WireStats.Counter.BYTES_RAW));
  }

  @Test
  void oneCompressedFrameServesEverySocketOfAFanout() throws Exception {
    start(Compression.DEFAULT);
    try (RawWebSocket first = openWebSocket(OFFER);
        RawWebSocket second = openWebSocket("permessage-deflate")) {
      await().atMost(WAIT).until(() -> listener.open.size() == 2);
      PreparedMessage message = PreparedMessage.of(large("order_status_update shipped"));
      for (EngineSocket socket : listener.open.values()) {
        socket.send(message);
      }

      RawWebSocket.Frame a = first.nextData();
      RawWebSocket.Frame b = second.nextData();
      assertThat(a.rsv1()).isTrue();
      assertThat(a.payload()).isEqualTo(b.payload());
      assertThat(a.inflatedText()).isEqualTo("4" + message.text());
      assertThat(message.deflatedFrame())
          .as("cached on the message")
          .isSameAs(message.deflatedFrame());
    }
  }

  @Test
  void aClientThatAsksForNoServerContextTakeoverGetsIt() throws Exception {
    start(Compression.DEFAULT);
    try (RawWebSocket ws =
        openWebSocket("permessage-deflate; server_no_context_takeover; client_max_window_bits")) {
      assertThat(ws.headers.get("sec-websocket-extensions"))
          .isEqualTo("permessage-deflate; server_no_context_takeover; client_no_context_takeover");
    }
  }

  @Test
  void onASlowLinkEveryFrameIsCompressedWithContextAndShrinksOnRepeat() throws Exception {
    start(Compression.DEFAULT);
    try (RawWebSocket ws = openWebSocket(OFFER)) {
      await().atMost(WAIT).until(() -> listener.open.size() == 1);
      EngineSocket socket = listener.open.values().iterator().next();
      socket.linkClass(LinkClass.G2);
      String first =
          "2/realtime,[\"product_price_change\",{\"channel\":\"product:1\",\"price\":1299}]";
      String second = first.replace("1299", "1301");

      socket.send(PreparedMessage.of(first));
      socket.send(PreparedMessage.of(second));
      RawWebSocket.Frame a = ws.nextData();
      RawWebSocket.Frame b = ws.nextData();

      assertThat(a.rsv1()).as("below 1 KiB, still compressed on a slow link").isTrue();
      assertThat(b.payload().length)
          .as("refers back to the first")
          .isLessThan(a.payload().length / 2);
      java.util.zip.Inflater context = new java.util.zip.Inflater(true);
      assertThat(RawWebSocket.inflate(context, a.payload())).isEqualTo("4" + first);
      assertThat(RawWebSocket.inflate(context, b.payload())).isEqualTo("4" + second);

      // back on a fast link: shared frames, compressed on their own, small ones not at all
      socket.linkClass(LinkClass.WIFI);
      socket.send(PreparedMessage.of(first));
      RawWebSocket.Frame c = ws.nextData();
      assertThat(c.rsv1()).isFalse();
      assertThat(c.text()).isEqualTo("4" + first);
    }
  }

  @Test
  void compressedFramesFromTheClientAreInflated() throws Exception {
    start(Compression.DEFAULT);
    try (RawWebSocket ws = openWebSocket(OFFER)) {
      String text = large("chat message from a phone");
      ws.sendCompressedText("4" + text);
      assertThat(ws.nextData().inflatedText()).isEqualTo("4" + text);
    }
  }

  @Test
  void aCompressedFrameInflatingPastMaxPayloadClosesTheConnection() throws Exception {
    start(Compression.DEFAULT);
    try (RawWebSocket ws = openWebSocket(OFFER)) {
      await().atMost(WAIT).until(() -> listener.open.size() == 1);
      // 20 MB of one letter deflates to about 20 KB: far below the frame limit, far above the
      // payload limit once inflated
      byte[] bomb =
          RawWebSocket.deflate(("4" + "a".repeat(20_000_000)).getBytes(StandardCharsets.UTF_8));
      assertThat(bomb.length).isLessThan(MAX_PAYLOAD);
      ws.send(0x1, true, bomb);

      RawWebSocket.Frame close = ws.nextData();
      assertThat(close.opcode()).isEqualTo(8);
      int code = ((close.payload()[0] & 0xff) << 8) | (close.payload()[1] & 0xff);
      // too big (RFC 6455 7.4.1) on this adapter's layer; Tyrus calls it a protocol error
      assertThat(code).isEqualTo(layer() == WebSocketLayer.TYRUS ? 1002 : 1009);
    }
    await().atMost(WAIT).until(() -> !listener.closed.isEmpty());
    assertThat(listener.messages).isEmpty();
  }

  @Test
  void aClientThatOffersNothingGetsPlainFrames() throws Exception {
    start(Compression.DEFAULT);
    try (RawWebSocket ws = openWebSocket(null)) {
      assertThat(ws.headers).doesNotContainKey("sec-websocket-extensions");
      String text = "P" + large("notification");
      ws.sendText("4" + text);
      RawWebSocket.Frame echoed = ws.nextData();
      assertThat(echoed.rsv1()).isFalse();
      assertThat(echoed.text()).isEqualTo("4" + text);
    }
  }

  @Test
  void anOfferThatAsksForASmallerServerWindowIsDeclined() throws Exception {
    start(Compression.DEFAULT);
    try (RawWebSocket ws = openWebSocket("permessage-deflate; server_max_window_bits=10")) {
      assertThat(ws.headers).doesNotContainKey("sec-websocket-extensions");
    }
    try (RawWebSocket ws =
        openWebSocket("permessage-deflate; server_max_window_bits=10, permessage-deflate")) {
      assertThat(ws.headers.get("sec-websocket-extensions")).startsWith("permessage-deflate");
    }
  }

  @Test
  void compressionTurnedOffNegotiatesNothing() throws Exception {
    start(Compression.OFF);
    try (RawWebSocket ws = openWebSocket(OFFER)) {
      assertThat(ws.headers).doesNotContainKey("sec-websocket-extensions");
      ws.sendText("4P" + large("x"));
      assertThat(ws.nextData().rsv1()).isFalse();
    }
  }

  @Test
  void pollingResponsesAreCompressedWhenTheRequestAcceptsIt() throws Exception {
    start(Compression.DEFAULT);
    String base = "http://127.0.0.1:" + port + "/socket.io/?EIO=4&transport=polling";
    String open = http.send(HttpRequest.newBuilder(URI.create(base)).build(), string()).body();
    String sid = open.substring(open.indexOf("\"sid\":\"") + 7).split("\"")[0];
    String polling = base + "&sid=" + sid;
    await().atMost(WAIT).until(() -> listener.open.size() == 1);
    EngineSocket socket = listener.open.values().iterator().next();
    String text = large("product_stock_update");

    socket.send(text);
    HttpResponse<byte[]> gzip = poll(polling, "gzip, deflate, br");
    socket.send(text);
    HttpResponse<byte[]> deflate = poll(polling, "deflate");
    socket.send(text);
    HttpResponse<byte[]> plain = poll(polling, null);
    socket.send("small");
    HttpResponse<byte[]> small = poll(polling, "gzip");

    assertThat(gzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(gzip.body().length).isLessThan(text.length() / 4);
    assertThat(
            new String(
                new GZIPInputStream(new ByteArrayInputStream(gzip.body())).readAllBytes(),
                StandardCharsets.UTF_8))
        .isEqualTo("4" + text);
    assertThat(deflate.headers().firstValue("Content-Encoding")).hasValue("deflate");
    assertThat(
            new String(
                new InflaterInputStream(new ByteArrayInputStream(deflate.body())).readAllBytes(),
                StandardCharsets.UTF_8))
        .isEqualTo("4" + text);
    assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(new String(plain.body(), StandardCharsets.UTF_8)).isEqualTo("4" + text);
    assertThat(small.headers().firstValue("Content-Encoding")).as("below 1 KiB").isEmpty();
    assertThat(new String(small.body(), StandardCharsets.UTF_8)).isEqualTo("4small");
    assertThat(gzip.headers().firstValue("Vary")).hasValue("Accept-Encoding");
  }

  private HttpResponse<byte[]> poll(String url, String acceptEncoding) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
    if (acceptEncoding != null) {
      request.header("Accept-Encoding", acceptEncoding);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static HttpResponse.BodyHandler<String> string() {
    return HttpResponse.BodyHandlers.ofString();
  }

  /** Echoes text, through a prepared message when it starts with {@code P}. */
  private static final class Echo implements EngineListener {
    final Map<String, EngineSocket> open = new ConcurrentHashMap<>();
    final Map<String, String> closed = new ConcurrentHashMap<>();
    final BlockingQueue<String> messages = new LinkedBlockingQueue<>();

    @Override
    public void onOpen(EngineSocket socket) {
      open.put(socket.id(), socket);
    }

    @Override
    public void onMessage(EngineSocket socket, String text) {
      messages.add(text);
      if (text.startsWith("P")) {
        socket.send(PreparedMessage.of(text));
      } else {
        socket.send(text);
      }
    }

    @Override
    public void onBinary(EngineSocket socket, byte[] data) {
      socket.send(data);
    }

    @Override
    public void onClose(EngineSocket socket, String reason) {
      open.remove(socket.id());
      closed.put(socket.id(), reason);
    }
  }
}

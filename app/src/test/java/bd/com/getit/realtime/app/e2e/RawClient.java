package bd.com.getit.realtime.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A bare websocket speaking hand-written Engine.IO / Socket.IO frames: for recovery, malformed
 * input and many sockets at once. Answers pings itself; every other text frame is queued.
 */
final class RawClient implements WebSocket.Listener, AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
  final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private final StringBuilder partial = new StringBuilder();
  private WebSocket ws;

  static RawClient open(int port) {
    return open(port, java.util.Map.of());
  }

  /** Opens a websocket session whose upgrade request carries {@code headers}. */
  static RawClient open(int port, java.util.Map<String, String> headers) {
    RawClient client = new RawClient();
    WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
    headers.forEach(builder::header);
    client.ws =
        builder
            .buildAsync(
                URI.create("ws://127.0.0.1:" + port + "/socket.io/?EIO=4&transport=websocket"),
                client)
            .join();
    return client;
  }

  void send(String frame) {
    ws.sendText(frame, true).join();
  }

  String next() {
    try {
      String frame = frames.poll(10, TimeUnit.SECONDS);
      assertThat(frame).as("a frame within 10 s").isNotNull();
      return frame;
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The next frame that starts with {@code prefix}, skipping others; a failure names the frames it
   * skipped, so that a missing one can be told from one that came in another form.
   */
  String next(String prefix) {
    List<String> skipped = new ArrayList<>();
    while (true) {
      String frame;
      try {
        frame = frames.poll(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      assertThat(frame)
          .as("a frame starting %s within 10 s; skipped before it: %s", prefix, skipped)
          .isNotNull();
      if (frame.startsWith(prefix)) {
        return frame;
      }
      skipped.add(frame);
    }
  }

  boolean closedWithin(long millis) {
    try {
      closed.get(millis, TimeUnit.MILLISECONDS);
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      String frame = partial.toString();
      partial.setLength(0);
      if (frame.equals("2")) {
        webSocket.sendText("3", true);
      } else {
        frames.add(frame);
      }
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closed.complete(statusCode);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closed.complete(-1);
  }

  @Override
  public void close() {
    if (!closed.isDone()) {
      ws.abort();
    }
  }
}

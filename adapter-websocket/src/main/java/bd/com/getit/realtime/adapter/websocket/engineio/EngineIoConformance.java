package bd.com.getit.realtime.adapter.websocket.engineio;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.glassfish.grizzly.http.server.HttpServer;

/**
 * Starts the configuration the official Engine.IO protocol test suite expects: localhost:3000, path
 * {@code /engine.io/}, pingInterval 300, pingTimeout 200, every message echoed back.
 *
 * <p>To check conformance, run this class, then in a copy of {@code test-suite} from
 * github.com/socketio/engine.io-protocol (outside this repository): {@code npm ci && npm test}.
 */
public final class EngineIoConformance {

  private EngineIoConformance() {}

  /** The suite's reference settings. */
  static EngineOptions options() {
    return EngineOptions.builder()
        .path("/engine.io/")
        .pingInterval(Duration.ofMillis(300))
        .pingTimeout(Duration.ofMillis(200))
        .maxPayload(1_000_000)
        .build();
  }

  public static void main(String[] args) throws IOException, InterruptedException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
    HttpServer server = EngineServer.standalone("localhost", port, options(), new Echo());
    Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
    System.out.println("Engine.IO conformance server on http://localhost:" + port + "/engine.io/");
    new CountDownLatch(1).await();
  }

  /** Echoes every text and binary message to its sender. */
  static final class Echo implements EngineListener {
    @Override
    public void onOpen(EngineSocket socket) {}

    @Override
    public void onMessage(EngineSocket socket, String text) {
      socket.send(text);
    }

    @Override
    public void onBinary(EngineSocket socket, byte[] data) {
      socket.send(data);
    }

    @Override
    public void onClose(EngineSocket socket, String reason) {}
  }
}

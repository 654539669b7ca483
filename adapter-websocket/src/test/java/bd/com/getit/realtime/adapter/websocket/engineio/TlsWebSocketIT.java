package bd.com.getit.realtime.adapter.websocket.engineio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.ssl.SSLEngineConfigurator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * This adapter's websocket layer on a TLS listener: frames cannot go straight to the connection's
 * write queue there, they go through the filter chain, which encrypts them. A real client
 * (java.net.http) talks to it over wss.
 */
class TlsWebSocketIT {

  private static final char[] PASSWORD = "secret123".toCharArray();

  @TempDir Path dir;

  private final EchoListener listener = new EchoListener();
  private EngineServer engine;
  private HttpServer server;
  private SSLContext context;

  @BeforeEach
  void start() throws Exception {
    Path keystore = dir.resolve("server.p12");
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "server",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=localhost",
                "-ext",
                "san=ip:127.0.0.1",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass",
                new String(PASSWORD))
            .redirectErrorStream(true)
            .start();
    assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).as("keytool ends").isTrue();
    assertThat(keytool.exitValue())
        .as(new String(keytool.getInputStream().readAllBytes()))
        .isZero();
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      store.load(in, PASSWORD);
    }
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, PASSWORD);
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store); // the client trusts the server's own self-signed certificate
    context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);

    engine =
        new EngineServer(
            EngineOptions.builder()
                .path("/engine.io/")
                .websocketLayer(WebSocketLayer.GRIZZLY)
                .pingInterval(Duration.ofSeconds(20))
                .pingTimeout(Duration.ofSeconds(20))
                .build(),
            listener);
    server = new HttpServer();
    NetworkListener listener = new NetworkListener("engine.io", "127.0.0.1", 0);
    listener.setSecure(true);
    listener.setSSLEngineConfig(new SSLEngineConfigurator(context, false, false, false));
    server.addListener(listener);
    engine.install(server);
    server.start();
  }

  @AfterEach
  void stop() {
    engine.shutdown(Duration.ofMillis(200));
    server.shutdownNow();
  }

  @Test
  void framesGoThroughTheEncryptingChainBothWays() throws Exception {
    BlockingQueue<String> received = new LinkedBlockingQueue<>();
    CompletableFuture<Integer> closed = new CompletableFuture<>();
    int port = server.getListener("engine.io").getPort();
    WebSocket ws =
        HttpClient.newBuilder()
            .sslContext(context)
            .build()
            .newWebSocketBuilder()
            .buildAsync(
                URI.create("wss://127.0.0.1:" + port + "/engine.io/?EIO=4&transport=websocket"),
                new WebSocket.Listener() {
                  private final StringBuilder text = new StringBuilder();

                  @Override
                  public CompletionStage<?> onText(
                      WebSocket socket, CharSequence data, boolean last) {
                    text.append(data);
                    if (last) {
                      received.add(text.toString());
                      text.setLength(0);
                    }
                    socket.request(1);
                    return null;
                  }

                  @Override
                  public CompletionStage<?> onClose(WebSocket socket, int code, String reason) {
                    closed.complete(code);
                    return null;
                  }
                })
            .get(10, TimeUnit.SECONDS);

    assertThat(received.poll(5, TimeUnit.SECONDS)).startsWith("0{\"sid\":");
    EngineSocket socket = listener.opened.poll(5, TimeUnit.SECONDS);
    assertThat(socket).isNotNull();
    GrizzlyWebSocket connection =
        (GrizzlyWebSocket)
            ((WebSocketTransport) ((EngineSession) socket).activeTransport()).rawFrames();
    assertThat(connection.writesDirectly()).as("TLS: through the chain").isFalse();

    ws.sendText("4hello", true).get(5, TimeUnit.SECONDS);
    assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("4hello");
    String large = "4" + "x".repeat(200_000); // many TLS records
    ws.sendText(large, true).get(5, TimeUnit.SECONDS);
    assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo(large);

    ws.sendClose(4000, "done").get(5, TimeUnit.SECONDS);
    assertThat(closed.get(5, TimeUnit.SECONDS)).isEqualTo(4000);
  }
}

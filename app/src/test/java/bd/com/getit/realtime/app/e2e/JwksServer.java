package bd.com.getit.realtime.app.e2e;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A JWKS endpoint on a free loopback port (the JDK's own HTTP server), whose key set a test can
 * rotate; it counts the fetches it answered.
 */
public final class JwksServer implements AutoCloseable {
  private final HttpServer http;
  private final AtomicReference<JWKSet> keys = new AtomicReference<>(new JWKSet());
  private final AtomicInteger fetches = new AtomicInteger();

  private JwksServer() throws IOException {
    http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.createContext(
        "/jwks.json",
        exchange -> {
          fetches.incrementAndGet();
          byte[] body =
              keys.get().toString(true).getBytes(StandardCharsets.UTF_8); // public keys only
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    http.start();
  }

  public static JwksServer start(JWK... keys) throws IOException {
    JwksServer server = new JwksServer();
    server.serve(keys);
    return server;
  }

  /** From now on the endpoint serves exactly these keys. */
  public void serve(JWK... keys) {
    this.keys.set(new JWKSet(List.of(keys)));
  }

  public String url() {
    return "http://127.0.0.1:" + http.getAddress().getPort() + "/jwks.json";
  }

  public int fetches() {
    return fetches.get();
  }

  @Override
  public void close() {
    http.stop(0);
  }
}

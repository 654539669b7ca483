package bd.com.getit.realtime.bench.client;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A server to load: host, port and Socket.IO path, from a base URL such as {@code
 * http://127.0.0.1:8080}.
 */
public record Target(String host, int port, String path) {

  public Target {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(path, "path");
    if (port <= 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    if (!path.startsWith("/") || !path.endsWith("/")) {
      throw new IllegalArgumentException("path must start and end with '/': " + path);
    }
  }

  public static Target of(String baseUrl) {
    URI uri = URI.create(baseUrl);
    if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
      throw new IllegalArgumentException("an http://host:port URL expected, was " + baseUrl);
    }
    return new Target(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort(), "/socket.io/");
  }

  /** The base URL for HTTP requests (publish, chat rooms). */
  public String baseUrl() {
    return "http://" + host + ":" + port;
  }

  /** The websocket upgrade request of an Engine.IO 4 websocket-only connection. */
  byte[] upgradeRequest(String key) {
    String request =
        "GET "
            + path
            + "?EIO=4&transport=websocket HTTP/1.1\r\n"
            + "Host: "
            + host
            + ":"
            + port
            + "\r\n"
            + "Upgrade: websocket\r\n"
            + "Connection: Upgrade\r\n"
            + "Sec-WebSocket-Key: "
            + key
            + "\r\n"
            + "Sec-WebSocket-Version: 13\r\n\r\n";
    return request.getBytes(StandardCharsets.US_ASCII);
  }
}

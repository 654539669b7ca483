package bd.com.getit.realtime.app.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import redis.embedded.RedisServer;

/**
 * A Redis for end-to-end tests: the {@code embedded-redis} bundled binary on 127.0.0.1 and a free
 * port (no persistence), or the server at {@code REALTIME_TEST_REDIS_URL} when set (then {@link
 * #stop()} and {@link #start()} are not available). Stopping and starting again keeps the port.
 */
final class EmbeddedRedis implements AutoCloseable {
  private final String external = System.getenv("REALTIME_TEST_REDIS_URL");
  private final int port;
  private RedisServer server;

  private EmbeddedRedis() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      this.port = socket.getLocalPort();
    }
  }

  static EmbeddedRedis launch() throws IOException {
    EmbeddedRedis redis = new EmbeddedRedis();
    if (!redis.isExternal()) {
      redis.start();
    }
    return redis;
  }

  boolean isExternal() {
    return external != null && !external.isBlank();
  }

  String url() {
    return isExternal() ? external : "redis://127.0.0.1:" + port;
  }

  void start() throws IOException {
    requireEmbedded();
    server =
        RedisServer.newRedisServer()
            .port(port)
            .bind("127.0.0.1")
            .setting("save \"\"")
            .setting("appendonly no")
            .build();
    server.start();
  }

  void stop() throws IOException {
    requireEmbedded();
    server.stop();
  }

  private void requireEmbedded() {
    if (isExternal()) {
      throw new IllegalStateException("cannot restart the Redis at REALTIME_TEST_REDIS_URL");
    }
  }

  @Override
  public void close() throws IOException {
    if (server != null && server.isActive()) {
      server.stop();
    }
  }
}

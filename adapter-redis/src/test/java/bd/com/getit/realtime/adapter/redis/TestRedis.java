package bd.com.getit.realtime.adapter.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import redis.embedded.RedisServer;

/**
 * One Redis for a test class: the {@code embedded-redis} bundled binary on 127.0.0.1 and a free
 * port, or the server at {@code REALTIME_TEST_REDIS_URL} when set. Each store a test builds gets a
 * fresh key prefix, so every test sees empty stores.
 */
final class TestRedis implements BeforeAllCallback, AfterAllCallback {
  private static final AtomicInteger PREFIXES = new AtomicInteger();

  private RedisServer server;
  private Redis redis;
  private URI uri;

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    String external = System.getenv("REALTIME_TEST_REDIS_URL");
    if (external != null && !external.isBlank()) {
      uri = URI.create(external);
    } else {
      int port = freePort();
      server =
          RedisServer.newRedisServer()
              .port(port)
              .bind("127.0.0.1")
              .setting("save \"\"")
              .setting("appendonly no")
              .build();
      server.start();
      uri = URI.create("redis://127.0.0.1:" + port);
    }
    redis = new Redis(RedisOptions.of(uri).withPoolSize(8));
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    if (redis != null) {
      redis.close();
    }
    if (server != null) {
      server.stop();
    }
  }

  /** Where the server listens. */
  URI uri() {
    return uri;
  }

  /** The shared client with a key prefix no other store used. */
  Redis fresh() {
    return redis.withPrefix("test" + PREFIXES.incrementAndGet() + ":");
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

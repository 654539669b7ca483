package bd.com.getit.realtime.adapter.redis;

import bd.com.getit.realtime.testsupport.EmbeddedRedis;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One Redis and one client for a test class: an {@link EmbeddedRedis#launch() embedded Redis} (or
 * the server at {@code REALTIME_TEST_REDIS_URL}). Each store a test builds gets a fresh key prefix,
 * so every test sees empty stores.
 */
final class TestRedis implements BeforeAllCallback, AfterAllCallback {
  private static final AtomicInteger PREFIXES = new AtomicInteger();

  private EmbeddedRedis server;
  private Redis redis;
  private URI uri;

  @Override
  public void beforeAll(ExtensionContext context) {
    server = EmbeddedRedis.launch();
    uri = server.uri();
    redis = new Redis(RedisOptions.of(uri).withPoolSize(8));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (redis != null) {
      redis.close();
    }
    if (server != null) {
      server.close();
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
}

package bd.com.getit.realtime.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import redis.embedded.RedisServer;

/**
 * A Redis for tests: the {@code embedded-redis} bundled binary on 127.0.0.1 and a free port, with
 * no persistence, or the server at {@value #EXTERNAL_URL} when that is set and the test accepts one
 * ({@link #launch()}). An embedded server can be stopped and started again on the same port, to
 * test what clients do while Redis is away. Not thread-safe: one test drives it.
 */
public final class EmbeddedRedis implements AutoCloseable {
  /** The environment variable naming a Redis to use instead of an embedded one. */
  public static final String EXTERNAL_URL = "REALTIME_TEST_REDIS_URL";

  private final URI external;
  private final int port;
  private final List<String> settings;
  private RedisServer server;

  private EmbeddedRedis(URI external, int port, List<String> settings) {
    this.external = external;
    this.port = port;
    this.settings = settings;
  }

  /**
   * The Redis at {@value #EXTERNAL_URL} when set (then {@link #stop()} and {@link #start()} are
   * refused), otherwise a started embedded server.
   */
  public static EmbeddedRedis launch() {
    String url = System.getenv(EXTERNAL_URL);
    if (url != null && !url.isBlank()) {
      return new EmbeddedRedis(URI.create(url.strip()), -1, List.of());
    }
    return embedded();
  }

  /**
   * A started embedded server, whatever {@value #EXTERNAL_URL} says, with extra {@code redis.conf}
   * lines such as {@code "replicaof 127.0.0.1 6380"}: for tests that need a server of their own
   * (replication, failover, restarts).
   */
  public static EmbeddedRedis embedded(String... settings) {
    for (String setting : settings) {
      Objects.requireNonNull(setting, "setting");
      if (setting.isBlank() || setting.contains("\n")) {
        throw new IllegalArgumentException("a setting is one redis.conf line: '" + setting + "'");
      }
    }
    EmbeddedRedis redis = new EmbeddedRedis(null, FreePorts.pick(), List.of(settings));
    redis.start();
    return redis;
  }

  /** Whether this is the Redis at {@value #EXTERNAL_URL} rather than an embedded one. */
  public boolean isExternal() {
    return external != null;
  }

  /** Where the server listens, e.g. {@code redis://127.0.0.1:40123}. */
  public URI uri() {
    return isExternal() ? external : URI.create(url());
  }

  /** {@link #uri()} as text, as the server's {@code REALTIME_REDIS_URL} takes it. */
  public String url() {
    return isExternal() ? external.toString() : "redis://127.0.0.1:" + port;
  }

  /** The embedded server's port. */
  public int port() {
    requireEmbedded();
    return port;
  }

  /** Starts the embedded server (again) on its port. */
  public void start() {
    requireEmbedded();
    if (server != null && server.isActive()) {
      throw new IllegalStateException("Redis on port " + port + " is already running");
    }
    var builder =
        RedisServer.newRedisServer()
            .port(port)
            .bind("127.0.0.1")
            .setting("save \"\"")
            .setting("appendonly no");
    settings.forEach(builder::setting);
    try {
      server = builder.build();
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException("embedded Redis did not start on port " + port, e);
    }
  }

  /** Stops the embedded server; its clients see connections refused until {@link #start()}. */
  public void stop() {
    requireEmbedded();
    if (server != null && server.isActive()) {
      try {
        server.stop();
      } catch (IOException e) {
        throw new UncheckedIOException("embedded Redis did not stop", e);
      }
    }
  }

  private void requireEmbedded() {
    if (isExternal()) {
      throw new IllegalStateException("the Redis at " + EXTERNAL_URL + " is not ours to control");
    }
  }

  /** Stops an embedded server; an external one is left alone. */
  @Override
  public void close() {
    if (!isExternal()) {
      stop();
    }
  }
}

package bd.com.getit.realtime.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
  private final boolean tls;
  private final List<String> settings;
  private RedisServer server;

  private EmbeddedRedis(URI external, int port, boolean tls, List<String> settings) {
    this.external = external;
    this.port = port;
    this.tls = tls;
    this.settings = settings;
  }

  /**
   * The Redis at {@value #EXTERNAL_URL} when set (then {@link #stop()} and {@link #start()} are
   * refused), otherwise a started embedded server.
   */
  public static EmbeddedRedis launch() {
    String url = System.getenv(EXTERNAL_URL);
    if (url != null && !url.isBlank()) {
      return new EmbeddedRedis(URI.create(url.strip()), -1, false, List.of());
    }
    return embedded();
  }

  /**
   * A started embedded server, whatever {@value #EXTERNAL_URL} says, with extra {@code redis.conf}
   * lines such as {@code "replicaof 127.0.0.1 6380"}: for tests that need a server of their own
   * (replication, failover, restarts).
   */
  public static EmbeddedRedis embedded(String... settings) {
    EmbeddedRedis redis = new EmbeddedRedis(null, FreePorts.pick(), false, lines(settings));
    redis.start();
    return redis;
  }

  /**
   * A started embedded server that speaks TLS only (no plaintext port at all) on a free port,
   * serving {@code certificate} and {@code key} (PEM files) and trusting client certificates signed
   * by {@code clientCa}; with {@code requireClientCertificate} a client without one is refused. The
   * bundled binary is built with TLS. {@code settings} as for {@link #embedded(String...)}.
   */
  public static EmbeddedRedis tlsOnly(
      Path certificate,
      Path key,
      Path clientCa,
      boolean requireClientCertificate,
      String... settings) {
    for (Path file : new Path[] {certificate, key, clientCa}) {
      Objects.requireNonNull(file, "certificate, key and clientCa");
      if (!Files.isReadable(file)) {
        throw new IllegalArgumentException("no readable PEM file at " + file);
      }
    }
    int port = FreePorts.pick();
    List<String> all = new ArrayList<>();
    all.add("tls-port " + port);
    all.add("tls-cert-file " + certificate);
    all.add("tls-key-file " + key);
    all.add("tls-ca-cert-file " + clientCa);
    all.add("tls-auth-clients " + (requireClientCertificate ? "yes" : "no"));
    all.addAll(lines(settings));
    EmbeddedRedis redis = new EmbeddedRedis(null, port, true, List.copyOf(all));
    redis.start();
    return redis;
  }

  private static List<String> lines(String... settings) {
    for (String setting : settings) {
      Objects.requireNonNull(setting, "setting");
      if (setting.isBlank() || setting.contains("\n")) {
        throw new IllegalArgumentException("a setting is one redis.conf line: '" + setting + "'");
      }
    }
    return List.of(settings);
  }

  /** Whether this is the Redis at {@value #EXTERNAL_URL} rather than an embedded one. */
  public boolean isExternal() {
    return external != null;
  }

  /**
   * Where the server listens, e.g. {@code redis://127.0.0.1:40123}, or {@code rediss://...} for a
   * TLS-only server.
   */
  public URI uri() {
    return isExternal() ? external : uri("127.0.0.1");
  }

  /**
   * The embedded server's URI with {@code host} (which must reach 127.0.0.1) as the host a client
   * dials, and checks a TLS certificate's names against.
   */
  public URI uri(String host) {
    requireEmbedded();
    return URI.create((tls ? "rediss://" : "redis://") + host + ":" + port);
  }

  /** {@link #uri()} as text, as the server's {@code REALTIME_REDIS_URL} takes it. */
  public String url() {
    return uri().toString();
  }

  /** The embedded server's port (its TLS port for a TLS-only server). */
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
            .port(tls ? 0 : port) // 0: no plaintext port; the settings name the TLS port
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

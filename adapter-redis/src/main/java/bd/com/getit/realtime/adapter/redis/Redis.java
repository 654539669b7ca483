package bd.com.getit.realtime.adapter.redis;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisSentinelClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * The shared Redis client and the bounded thread pool that runs its blocking calls, so that no
 * caller's thread (above all no network selector thread) ever waits for Redis. Tracks whether Redis
 * answered the last call, for readiness, without a round trip of its own.
 */
final class Redis implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Redis.class);

  private final UnifiedJedis client;
  private final ThreadPoolExecutor pool;
  private final String prefix;
  private final Health health;

  /** Whether Redis answered the last call: shared by the views of one client. */
  private static final class Health {
    volatile boolean up = true;
  }

  Redis(RedisOptions options) {
    Objects.requireNonNull(options, "options");
    RedisEndpoint endpoint = RedisEndpoint.of(options.uri());
    GenericObjectPoolConfig<Connection> poolConfig = new GenericObjectPoolConfig<>();
    poolConfig.setJmxNamePrefix("realtime-redis"); // the name metrics (JMX) show it under
    // The bus reader holds one connection in XREAD BLOCK besides the callers' threads.
    poolConfig.setMaxTotal(options.poolSize() + 2);
    poolConfig.setMaxIdle(options.poolSize() + 2);
    poolConfig.setMaxWait(java.time.Duration.ofSeconds(2));
    // Connections broken by a Redis restart are found and dropped while idle, not by a failed call.
    poolConfig.setTestWhileIdle(true);
    poolConfig.setTimeBetweenEvictionRuns(java.time.Duration.ofSeconds(5));
    // A sealed pair: Java 17 has no pattern switch yet.
    this.client =
        endpoint instanceof RedisEndpoint.Sentinel sentinel
            ? sentineled(sentinel, poolConfig, options.tls())
            : single(((RedisEndpoint.Single) endpoint).uri(), poolConfig, options.tls());
    AtomicInteger threads = new AtomicInteger();
    this.pool =
        new ThreadPoolExecutor(
            options.poolSize(),
            options.poolSize(),
            60,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(options.pendingCalls()),
            r -> {
              Thread t = new Thread(r, "realtime-redis-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.prefix = options.keyPrefix();
    this.health = new Health();
  }

  private Redis(Redis shared, String prefix) {
    this.client = shared.client;
    this.pool = shared.pool;
    this.health = shared.health;
    this.prefix = Objects.requireNonNull(prefix, "prefix");
  }

  /** A view on the same client and pool with other keys: for tests that need fresh stores. */
  Redis withPrefix(String otherPrefix) {
    return new Redis(this, otherPrefix);
  }

  /** The key {@code name} under the configured prefix. */
  String key(String name) {
    return prefix + name;
  }

  String prefix() {
    return prefix;
  }

  /** Runs {@code call} on the pool; completes with its result, or exceptionally. */
  <T> CompletableFuture<T> call(Function<UnifiedJedis, T> call) {
    CompletableFuture<T> result = new CompletableFuture<>();
    try {
      pool.execute(
          () -> {
            try {
              T value = call.apply(client);
              health.up = true;
              result.complete(value);
            } catch (JedisConnectionException e) {
              markDown(e);
              result.completeExceptionally(e);
            } catch (RuntimeException e) {
              result.completeExceptionally(e);
            }
          });
    } catch (RejectedExecutionException e) {
      result.completeExceptionally(
          new IllegalStateException("too many Redis calls waiting, or closed", e));
    }
    return result;
  }

  /** Runs {@code call} on the caller's thread: for the bus reader's own thread only. */
  <T> T callHere(Function<UnifiedJedis, T> call) {
    try {
      T value = call.apply(client);
      health.up = true;
      return value;
    } catch (JedisConnectionException e) {
      markDown(e);
      throw e;
    }
  }

  /** Runs a Lua script; see {@link #rows}. */
  CompletableFuture<Object> eval(String script, List<String> keys, List<String> args) {
    return call(c -> c.eval(script, keys, args));
  }

  private void markDown(RuntimeException e) {
    if (health.up) {
      LOG.warn("Redis is unreachable: {}", reason(e));
    }
    health.up = false;
  }

  /**
   * The message and its cause's: Jedis says only "Failed to create socket." where the cause says
   * why (a refused connection, a certificate the trust store does not accept).
   */
  static String reason(Throwable e) {
    Throwable cause = e.getCause();
    String message = String.valueOf(e.getMessage());
    return cause == null || cause == e || message.equals(cause.toString())
        ? message
        : message + " (" + cause + ")";
  }

  /** Whether the last call reached Redis. */
  boolean up() {
    return health.up;
  }

  /** A script's reply as text: a list of strings (or of such lists), nils as {@code null}. */
  @SuppressWarnings("unchecked")
  static List<Object> rows(Object reply) {
    List<Object> out = new ArrayList<>();
    if (reply instanceof List<?> list) {
      for (Object o : list) {
        out.add(o instanceof List<?> ? rows(o) : text(o));
      }
    }
    return out;
  }

  static String text(Object o) {
    if (o == null) {
      return null;
    }
    if (o instanceof byte[] b) {
      return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }
    return o.toString();
  }

  private static DefaultJedisClientConfig.Builder baseConfig() {
    return DefaultJedisClientConfig.builder()
        .connectionTimeoutMillis(2_000)
        .socketTimeoutMillis(2_000)
        .clientName("realtime");
  }

  private static UnifiedJedis single(
      URI uri, GenericObjectPoolConfig<Connection> poolConfig, RedisTls tls) {
    DefaultJedisClientConfig.Builder config = baseConfig();
    if (JedisURIHelper.isRedisSSLScheme(uri)) {
      TlsSockets.of(tls).applyTo(config);
    }
    String password = JedisURIHelper.getPassword(uri);
    if (password != null) {
      config.user(JedisURIHelper.getUser(uri)).password(password);
    }
    if (JedisURIHelper.hasDbIndex(uri)) {
      config.database(JedisURIHelper.getDBIndex(uri));
    }
    return RedisClient.builder()
        .hostAndPort(JedisURIHelper.getHostAndPort(uri))
        .clientConfig(config.build())
        .poolConfig(poolConfig)
        .build();
  }

  /**
   * A client of the primary the sentinels name; it follows the primary after a failover. With TLS,
   * the sentinels and the primary are reached with the same {@link RedisTls}.
   */
  private static UnifiedJedis sentineled(
      RedisEndpoint.Sentinel sentinel,
      GenericObjectPoolConfig<Connection> poolConfig,
      RedisTls tls) {
    DefaultJedisClientConfig.Builder primary = baseConfig().database(sentinel.database());
    DefaultJedisClientConfig.Builder sentinels = baseConfig();
    if (sentinel.tls()) {
      TlsSockets sockets = TlsSockets.of(tls);
      sockets.applyTo(primary);
      sockets.applyTo(sentinels);
    }
    sentinel.password().ifPresent(primary::password);
    sentinel.user().ifPresent(primary::user);
    return RedisSentinelClient.builder()
        .masterName(sentinel.master())
        .sentinels(sentinel.sentinels())
        .sentinelClientConfig(sentinels.build())
        .clientConfig(primary.build())
        .poolConfig(poolConfig)
        .build();
  }

  @Override
  public void close() {
    pool.shutdown();
    try {
      if (!pool.awaitTermination(2, TimeUnit.SECONDS)) {
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    client.close();
  }
}

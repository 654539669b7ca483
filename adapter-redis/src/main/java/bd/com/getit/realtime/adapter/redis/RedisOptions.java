package bd.com.getit.realtime.adapter.redis;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach Redis and how much it may hold.
 *
 * @param uri {@code redis://[user:password@]host:port[/db]}, {@code rediss://} for TLS, or {@code
 *     redis-sentinel://[user:password@]host:port[,host:port...]/master-name[/db]} for a primary
 *     found through Redis Sentinel ({@code rediss-sentinel://} with TLS)
 * @param poolSize connections in the pool, and threads that run blocking Jedis calls (the bus
 *     reader holds one more connection of its own)
 * @param keyPrefix put before every key, so several deployments can share one Redis
 * @param streamMaxLen records the cluster bus stream keeps (approximately, and at least): bounds
 *     Redis memory and how far back recovery reaches
 * @param busRetention age past which a record no longer serves recovery
 * @param offlineQueueCapacity events kept per offline user
 * @param offlineQueueTtl how long a queue lives after its last enqueue when its events have no TTL
 * @param lastSeenTtl how long a user's last-seen time is kept after their last device left
 * @param pendingCalls Redis calls that may wait for a thread; past it a call fails at once
 */
public record RedisOptions(
    URI uri,
    int poolSize,
    String keyPrefix,
    int streamMaxLen,
    Duration busRetention,
    int offlineQueueCapacity,
    Duration offlineQueueTtl,
    Duration lastSeenTtl,
    int pendingCalls) {

  public RedisOptions {
    Objects.requireNonNull(uri, "uri");
    RedisEndpoint.of(uri); // fails on a URL that names no Redis

    Objects.requireNonNull(keyPrefix, "keyPrefix");
    Objects.requireNonNull(busRetention, "busRetention");
    Objects.requireNonNull(offlineQueueTtl, "offlineQueueTtl");
    Objects.requireNonNull(lastSeenTtl, "lastSeenTtl");
    if (poolSize < 1 || streamMaxLen < 1 || offlineQueueCapacity < 1 || pendingCalls < 1) {
      throw new IllegalArgumentException("sizes are at least 1: " + this);
    }
    for (Duration d : new Duration[] {busRetention, offlineQueueTtl, lastSeenTtl}) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("durations are positive: " + this);
      }
    }
  }

  /** The defaults for {@code uri}: 16 connections, prefix {@code realtime:}. */
  public static RedisOptions of(URI uri) {
    return new RedisOptions(
        uri,
        16,
        "realtime:",
        100_000,
        Duration.ofMinutes(5),
        100,
        Duration.ofDays(7),
        Duration.ofDays(30),
        10_000);
  }

  public RedisOptions withKeyPrefix(String prefix) {
    return new RedisOptions(
        uri,
        poolSize,
        prefix,
        streamMaxLen,
        busRetention,
        offlineQueueCapacity,
        offlineQueueTtl,
        lastSeenTtl,
        pendingCalls);
  }

  public RedisOptions withPoolSize(int size) {
    return new RedisOptions(
        uri,
        size,
        keyPrefix,
        streamMaxLen,
        busRetention,
        offlineQueueCapacity,
        offlineQueueTtl,
        lastSeenTtl,
        pendingCalls);
  }

  public RedisOptions withStream(int maxLen, Duration retention) {
    return new RedisOptions(
        uri,
        poolSize,
        keyPrefix,
        maxLen,
        retention,
        offlineQueueCapacity,
        offlineQueueTtl,
        lastSeenTtl,
        pendingCalls);
  }

  public RedisOptions withOfflineQueueCapacity(int capacity) {
    return new RedisOptions(
        uri,
        poolSize,
        keyPrefix,
        streamMaxLen,
        busRetention,
        capacity,
        offlineQueueTtl,
        lastSeenTtl,
        pendingCalls);
  }

  /** The URI without its password, for logs. */
  @Override
  public String toString() {
    return "RedisOptions[endpoint="
        + RedisEndpoint.of(uri)
        + ", poolSize="
        + poolSize
        + ", keyPrefix="
        + keyPrefix
        + ", streamMaxLen="
        + streamMaxLen
        + "]";
  }
}

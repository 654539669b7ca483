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
 * @param chatHistoryMax messages kept per chat room (the oldest are removed first)
 * @param chatTtl how long a chat message is kept after its time, and a room after its last change
 *     or message
 * @param notificationsMax notifications kept per user (the oldest are removed first)
 * @param notificationsTtl how long a notification is kept after its creation
 * @param eventRetention how long a persisted event and its delivery totals are kept after the
 *     event's time (longer when the event's own TTL is)
 * @param tls the CA, client certificate and host name check for a {@code rediss://} or {@code
 *     rediss-sentinel://} URL; by default the JVM's trust store, no client certificate, host names
 *     checked
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
    int pendingCalls,
    int chatHistoryMax,
    Duration chatTtl,
    int notificationsMax,
    Duration notificationsTtl,
    Duration eventRetention,
    RedisTls tls) {

  public RedisOptions {
    Objects.requireNonNull(uri, "uri");
    RedisEndpoint.of(uri); // fails on a URL that names no Redis

    Objects.requireNonNull(keyPrefix, "keyPrefix");
    Objects.requireNonNull(busRetention, "busRetention");
    Objects.requireNonNull(offlineQueueTtl, "offlineQueueTtl");
    Objects.requireNonNull(lastSeenTtl, "lastSeenTtl");
    Objects.requireNonNull(chatTtl, "chatTtl");
    Objects.requireNonNull(notificationsTtl, "notificationsTtl");
    Objects.requireNonNull(eventRetention, "eventRetention");
    Objects.requireNonNull(tls, "tls");
    if (poolSize < 1
        || streamMaxLen < 1
        || offlineQueueCapacity < 1
        || pendingCalls < 1
        || chatHistoryMax < 1
        || notificationsMax < 1) {
      throw new IllegalArgumentException("sizes are at least 1: " + this);
    }
    if (chatTtl.compareTo(Duration.ofMinutes(2)) < 0) {
      throw new IllegalArgumentException("the chat TTL is at least 2 minutes: " + this);
    }
    for (Duration d :
        new Duration[] {
          busRetention, offlineQueueTtl, lastSeenTtl, chatTtl, notificationsTtl, eventRetention
        }) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("durations are positive: " + this);
      }
    }
  }

  /**
   * The defaults for {@code uri}: 16 connections, prefix {@code realtime:}; 1 000 messages per room
   * and 500 notifications per user, each kept 30 days; persisted events kept 1 day.
   */
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
        10_000,
        1_000,
        Duration.ofDays(30),
        500,
        Duration.ofDays(30),
        Duration.ofDays(1),
        RedisTls.jvmTrustStore());
  }

  public RedisOptions withKeyPrefix(String prefix) {
    Copy c = new Copy(this);
    c.keyPrefix = prefix;
    return c.build();
  }

  public RedisOptions withPoolSize(int size) {
    Copy c = new Copy(this);
    c.poolSize = size;
    return c.build();
  }

  public RedisOptions withStream(int maxLen, Duration retention) {
    Copy c = new Copy(this);
    c.streamMaxLen = maxLen;
    c.busRetention = retention;
    return c.build();
  }

  public RedisOptions withOfflineQueueCapacity(int capacity) {
    Copy c = new Copy(this);
    c.offlineQueueCapacity = capacity;
    return c.build();
  }

  /** With other bounds for chat history and notifications. */
  public RedisOptions withRecordLimits(
      int historyMax, Duration historyTtl, int notificationsPerUser, Duration notificationTtl) {
    Copy c = new Copy(this);
    c.chatHistoryMax = historyMax;
    c.chatTtl = historyTtl;
    c.notificationsMax = notificationsPerUser;
    c.notificationsTtl = notificationTtl;
    return c.build();
  }

  /** With another retention of persisted events. */
  public RedisOptions withEventRetention(Duration retention) {
    Copy c = new Copy(this);
    c.eventRetention = retention;
    return c.build();
  }

  /** With another TLS set-up (used for {@code rediss://} and {@code rediss-sentinel://} only). */
  public RedisOptions withTls(RedisTls otherTls) {
    Copy c = new Copy(this);
    c.tls = otherTls;
    return c.build();
  }

  /** The options' values, changed one by one by the {@code with...} methods, then checked again. */
  private static final class Copy {
    private URI uri;
    private int poolSize;
    private String keyPrefix;
    private int streamMaxLen;
    private Duration busRetention;
    private int offlineQueueCapacity;
    private Duration offlineQueueTtl;
    private Duration lastSeenTtl;
    private int pendingCalls;
    private int chatHistoryMax;
    private Duration chatTtl;
    private int notificationsMax;
    private Duration notificationsTtl;
    private Duration eventRetention;
    private RedisTls tls;

    Copy(RedisOptions from) {
      uri = from.uri;
      poolSize = from.poolSize;
      keyPrefix = from.keyPrefix;
      streamMaxLen = from.streamMaxLen;
      busRetention = from.busRetention;
      offlineQueueCapacity = from.offlineQueueCapacity;
      offlineQueueTtl = from.offlineQueueTtl;
      lastSeenTtl = from.lastSeenTtl;
      pendingCalls = from.pendingCalls;
      chatHistoryMax = from.chatHistoryMax;
      chatTtl = from.chatTtl;
      notificationsMax = from.notificationsMax;
      notificationsTtl = from.notificationsTtl;
      eventRetention = from.eventRetention;
      tls = from.tls;
    }

    RedisOptions build() {
      return new RedisOptions(
          uri,
          poolSize,
          keyPrefix,
          streamMaxLen,
          busRetention,
          offlineQueueCapacity,
          offlineQueueTtl,
          lastSeenTtl,
          pendingCalls,
          chatHistoryMax,
          chatTtl,
          notificationsMax,
          notificationsTtl,
          eventRetention,
          tls);
    }
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
        + ", chatHistoryMax="
        + chatHistoryMax
        + ", chatTtl="
        + chatTtl
        + ", notificationsMax="
        + notificationsMax
        + ", notificationsTtl="
        + notificationsTtl
        + ", eventRetention="
        + eventRetention
        + (uri.getScheme().startsWith("rediss") ? ", tls=" + tls : "")
        + "]";
  }
}

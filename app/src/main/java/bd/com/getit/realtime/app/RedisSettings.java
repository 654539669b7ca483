package bd.com.getit.realtime.app;

import bd.com.getit.realtime.adapter.redis.RedisOptions;
import bd.com.getit.realtime.adapter.redis.RedisTls;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the cluster state lives when several nodes share it: {@code REALTIME_REDIS_URL} ({@code
 * redis://} or {@code rediss://}, password in the URL; or {@code
 * redis-sentinel://[user:password@]host:port[,host:port...]/master-name[/db]} for a primary found
 * through Redis Sentinel; {@code rediss-sentinel://} with TLS). Absent: the memory adapters.
 *
 * @param poolSize {@code REALTIME_REDIS_POOL_SIZE}: connections and threads for Redis calls
 * @param keyPrefix {@code REALTIME_REDIS_KEY_PREFIX}: put before every key
 * @param streamMaxLen {@code REALTIME_REDIS_STREAM_MAXLEN}: records the cluster bus stream keeps
 * @param nodeTimeout {@code REALTIME_NODE_TIMEOUT_SECONDS}: how long a node may miss heartbeats
 *     before the others remove its connections and presence
 * @param chatHistoryMax {@code REALTIME_REDIS_CHAT_HISTORY_MAX}: messages kept per chat room when
 *     Redis holds the chat (no MongoDB)
 * @param chatTtl {@code REALTIME_REDIS_CHAT_TTL_DAYS}: how long a message is kept after it was
 *     sent, and a room after its last change or message
 * @param notificationsMax {@code REALTIME_REDIS_NOTIFICATIONS_MAX}: notifications kept per user
 *     when Redis holds them (no MongoDB)
 * @param notificationsTtl {@code REALTIME_REDIS_NOTIFICATIONS_TTL_DAYS}: how long a notification is
 *     kept after its creation
 * @param tls the CA, client certificate and host name check for a TLS URL ({@link
 *     RedisTlsSettings})
 */
public record RedisSettings(
    URI url,
    int poolSize,
    String keyPrefix,
    int streamMaxLen,
    Duration nodeTimeout,
    int chatHistoryMax,
    Duration chatTtl,
    int notificationsMax,
    Duration notificationsTtl,
    Duration eventRetention,
    RedisTls tls) {

  public RedisSettings {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(keyPrefix, "keyPrefix");
    Objects.requireNonNull(nodeTimeout, "nodeTimeout");
    Objects.requireNonNull(chatTtl, "chatTtl");
    Objects.requireNonNull(notificationsTtl, "notificationsTtl");
    Objects.requireNonNull(eventRetention, "eventRetention");
    Objects.requireNonNull(tls, "tls");
  }

  static Optional<RedisSettings> from(Env env) {
    return env.uri("REALTIME_REDIS_URL")
        .map(
            url -> {
              try {
                RedisOptions.of(url); // the adapter's own reading of the URL
              } catch (IllegalArgumentException e) {
                throw new ConfigException("REALTIME_REDIS_URL", e.getMessage());
              }
              return new RedisSettings(
                  url,
                  env.integer("REALTIME_REDIS_POOL_SIZE", 16, 1, 1_024),
                  env.text("REALTIME_REDIS_KEY_PREFIX", "realtime:"),
                  env.integer("REALTIME_REDIS_STREAM_MAXLEN", 100_000, 100, 100_000_000),
                  Duration.ofSeconds(env.integer("REALTIME_NODE_TIMEOUT_SECONDS", 30, 1, 3_600)),
                  env.integer("REALTIME_REDIS_CHAT_HISTORY_MAX", 1_000, 1, 1_000_000),
                  Duration.ofDays(env.integer("REALTIME_REDIS_CHAT_TTL_DAYS", 30, 1, 3_650)),
                  env.integer("REALTIME_REDIS_NOTIFICATIONS_MAX", 500, 1, 100_000),
                  Duration.ofDays(
                      env.integer("REALTIME_REDIS_NOTIFICATIONS_TTL_DAYS", 30, 1, 3_650)),
                  Duration.ofDays(env.integer("REALTIME_REDIS_EVENT_RETENTION_DAYS", 1, 1, 3_650)),
                  RedisTlsSettings.from(env, url));
            });
  }

  /**
   * How often a node renews its heartbeat (and looks for dead nodes): every second, or three times
   * per node timeout when that is shorter. Frequent beats let the others tell within {@link
   * #heartbeatSilence()} that a node died, long before its heartbeat lapses.
   */
  public Duration heartbeatInterval() {
    return Duration.ofMillis(Math.max(100, Math.min(1_000, nodeTimeout.toMillis() / 3)));
  }

  /**
   * How long a node may stay silent before a client it held, reconnecting to another node, gets its
   * session back there at once: three missed beats (under the node timeout).
   */
  public Duration heartbeatSilence() {
    return heartbeatInterval().multipliedBy(3);
  }

  /** Without the password, which must not reach a log. */
  @Override
  public String toString() {
    String where = url.getRawAuthority() == null ? "" : url.getRawAuthority();
    return "RedisSettings[url="
        + url.getScheme()
        + "://"
        + where.substring(where.lastIndexOf('@') + 1)
        + (url.getRawPath() == null ? "" : url.getRawPath())
        + ", poolSize="
        + poolSize
        + ", keyPrefix="
        + keyPrefix
        + ", streamMaxLen="
        + streamMaxLen
        + ", nodeTimeout="
        + nodeTimeout
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
        + (url.getScheme().startsWith("rediss") ? ", tls=" + tls : "")
        + "]";
  }
}

package bd.com.getit.realtime.app;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the cluster state lives when several nodes share it: {@code REALTIME_REDIS_URL} ({@code
 * redis://} or {@code rediss://}, password in the URL). Absent: the memory adapters.
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
    Duration eventRetention) {

  public RedisSettings {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(keyPrefix, "keyPrefix");
    Objects.requireNonNull(nodeTimeout, "nodeTimeout");
    Objects.requireNonNull(chatTtl, "chatTtl");
    Objects.requireNonNull(notificationsTtl, "notificationsTtl");
    Objects.requireNonNull(eventRetention, "eventRetention");
  }

  static Optional<RedisSettings> from(Env env) {
    return env.uri("REALTIME_REDIS_URL")
        .map(
            url -> {
              if (!"redis".equals(url.getScheme()) && !"rediss".equals(url.getScheme())) {
                throw new ConfigException(
                    "REALTIME_REDIS_URL", "must start with redis:// or rediss://");
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
                  Duration.ofDays(env.integer("REALTIME_REDIS_EVENT_RETENTION_DAYS", 1, 1, 3_650)));
            });
  }

  /** Without the password, which must not reach a log. */
  @Override
  public String toString() {
    return "RedisSettings[url="
        + url.getScheme()
        + "://"
        + url.getHost()
        + ":"
        + url.getPort()
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
        + "]";
  }
}

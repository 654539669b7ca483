package bd.com.getit.realtime.adapter.redis;

import bd.com.getit.realtime.domain.NotificationId;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.notification.Notification;
import bd.com.getit.realtime.domain.notification.NotificationStatus;
import bd.com.getit.realtime.port.out.Clock;
import bd.com.getit.realtime.port.out.NotificationRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Users' notifications in Redis, shared by every node:
 *
 * <ul>
 *   <li>{@code NOTIFICATION:{id}}: a hash of the notification as JSON ({@code json}), its user, its
 *       member in the user's sets (so a replacement can move it) and its status's rank;
 *   <li>{@code USER_NOTIFICATIONS:{user}}: a sorted set of the user's notifications, {@link
 *       TimeKey} members (creation time, then id);
 *   <li>{@code USER_UNREAD_NOTIFICATIONS:{user}}: the same for those not yet read, so the unread
 *       count and the unread list cost no scan.
 * </ul>
 *
 * <p>Bounds: a user keeps the newest {@code maxPerUser} notifications (the oldest are removed with
 * their hashes); a notification lives {@code ttl} after its creation time, the user's sets {@code
 * ttl} after the last save. A save is one Lua script, so the hash and both sets change together and
 * concurrent status changes on two nodes never leave a notification counted twice; {@link #replace}
 * is the same script, run only while the stored rank is still the expected one. Calls run on the
 * adapter's pool; stages complete there.
 */
final class RedisNotificationRepository implements NotificationRepository {

  private static final String SAVE =
      """
      local old = redis.call('HMGET', KEYS[1], 'user', 'member', 'rank')
      if ARGV[14] ~= '' and old[3] ~= ARGV[14] then return -1 end
      if old[3] and tonumber(old[3]) > tonumber(ARGV[13]) then return 0 end
      if old[1] then
        redis.call('ZREM', ARGV[8] .. old[1], old[2])
        redis.call('ZREM', ARGV[9] .. old[1], old[2])
      end
      redis.call('HSET', KEYS[1], 'json', ARGV[1], 'user', ARGV[2], 'member', ARGV[3],
        'rank', ARGV[13])
      redis.call('PEXPIRE', KEYS[1], ARGV[5])
      local all = ARGV[8] .. ARGV[2]
      local unread = ARGV[9] .. ARGV[2]
      redis.call('ZADD', all, 0, ARGV[3])
      if ARGV[4] == '1' then redis.call('ZADD', unread, 0, ARGV[3]) end
      redis.call('ZREMRANGEBYLEX', all, '-', ARGV[7])
      redis.call('ZREMRANGEBYLEX', unread, '-', ARGV[7])
      local over = redis.call('ZCARD', all) - tonumber(ARGV[6])
      if over > 0 then
        for _, m in ipairs(redis.call('ZRANGE', all, 0, over - 1)) do
          redis.call('DEL', ARGV[10] .. string.sub(m, tonumber(ARGV[12])))
          redis.call('ZREM', unread, m)
        end
        redis.call('ZREMRANGEBYRANK', all, 0, over - 1)
      end
      redis.call('PEXPIRE', all, ARGV[11])
      redis.call('PEXPIRE', unread, ARGV[11])
      return 1
      """;

  private static final String LIST =
      """
      local out = {}
      local members = redis.call('ZREVRANGEBYLEX', KEYS[1], '+', ARGV[1], 'LIMIT', 0, ARGV[2])
      for _, m in ipairs(members) do
        local json = redis.call('HGET', ARGV[3] .. string.sub(m, tonumber(ARGV[4])), 'json')
        if json then table.insert(out, json) end
      end
      return out
      """;

  private final Redis redis;
  private final Clock clock;
  private final int maxPerUser;
  private final Duration ttl;

  RedisNotificationRepository(Redis redis, Clock clock, int maxPerUser, Duration ttl) {
    this.redis = Objects.requireNonNull(redis, "redis");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ttl = Objects.requireNonNull(ttl, "ttl");
    if (maxPerUser < 1) {
      throw new IllegalArgumentException("maxPerUser >= 1");
    }
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl is positive");
    }
    this.maxPerUser = maxPerUser;
  }

  private String key(NotificationId id) {
    return redis.key("NOTIFICATION:" + id.value());
  }

  private String allKey(UserId user) {
    return redis.key("USER_NOTIFICATIONS:" + user.value());
  }

  private String unreadKey(UserId user) {
    return redis.key("USER_UNREAD_NOTIFICATIONS:" + user.value());
  }

  /** The oldest creation time still kept. */
  private Instant cutoff() {
    return clock.now().minus(ttl);
  }

  @Override
  public CompletionStage<Void> save(Notification notification) {
    Objects.requireNonNull(notification, "notification");
    return store(notification, "").thenApply(r -> null);
  }

  @Override
  public CompletionStage<Boolean> replace(Notification next, NotificationStatus expected) {
    Objects.requireNonNull(next, "next");
    Objects.requireNonNull(expected, "expected");
    return store(next, Integer.toString(expected.ordinal()))
        .thenApply(r -> r instanceof Long saved && saved == 1L);
  }

  /**
   * Runs the save script.
   *
   * @param expectedRank the rank the stored notification must have, or empty for any
   * @return the script's reply: 1 saved, 0 not (it would move back), -1 not (another rank)
   */
  private CompletionStage<Object> store(Notification notification, String expectedRank) {
    // Relative to this clock, not Redis's. A notification already past its lifetime expires at
    // once and leaves the user's sets.
    long lifeMillis =
        Math.max(
            1, Duration.between(clock.now(), notification.createdAt().plus(ttl)).toMillis() + 1);
    return redis.eval(
        SAVE,
        List.of(key(notification.id())),
        List.of(
            RecordCodec.notification(notification),
            notification.user().value(),
            TimeKey.member(notification.createdAt(), notification.id().value()),
            notification.unread() ? "1" : "0",
            Long.toString(lifeMillis),
            Integer.toString(maxPerUser),
            TimeKey.before(cutoff()),
            redis.key("USER_NOTIFICATIONS:"),
            redis.key("USER_UNREAD_NOTIFICATIONS:"),
            redis.key("NOTIFICATION:"),
            Long.toString(ttl.toMillis()),
            Integer.toString(TimeKey.ID_OFFSET + 1),
            Integer.toString(notification.status().ordinal()),
            expectedRank));
  }

  @Override
  public CompletionStage<Optional<Notification>> find(NotificationId id) {
    Objects.requireNonNull(id, "id");
    return redis
        .call(c -> c.hget(key(id), "json"))
        .thenApply(json -> Optional.ofNullable(json).map(RecordCodec::notification));
  }

  @Override
  public CompletionStage<List<Notification>> list(UserId user, boolean unreadOnly, int limit) {
    Objects.requireNonNull(user, "user");
    if (limit < 0) {
      throw new IllegalArgumentException("limit >= 0");
    }
    if (limit == 0) {
      return CompletableFuture.completedFuture(List.of());
    }
    return redis
        .eval(
            LIST,
            List.of(unreadOnly ? unreadKey(user) : allKey(user)),
            List.of(
                TimeKey.atOrAfter(cutoff()),
                Integer.toString(limit),
                redis.key("NOTIFICATION:"),
                Integer.toString(TimeKey.ID_OFFSET + 1)))
        .thenApply(
            reply ->
                Redis.rows(reply).stream().map(o -> RecordCodec.notification((String) o)).toList());
  }

  @Override
  public CompletionStage<Long> unreadCount(UserId user) {
    Objects.requireNonNull(user, "user");
    String from = TimeKey.atOrAfter(cutoff());
    return redis.call(c -> c.zlexcount(unreadKey(user), from, "+"));
  }
}

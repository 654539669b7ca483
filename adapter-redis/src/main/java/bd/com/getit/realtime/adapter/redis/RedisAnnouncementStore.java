package bd.com.getit.realtime.adapter.redis;

import bd.com.getit.realtime.domain.notification.Announcement;
import bd.com.getit.realtime.port.out.AnnouncementStore;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * Announcements in Redis, shared by every node:
 *
 * <ul>
 *   <li>{@code ANNOUNCEMENTS}: a sorted set of ids scored by {@code show_until} (epoch ms);
 *   <li>{@code ANNOUNCEMENT_TEXTS}: a hash of id to the announcement as JSON.
 * </ul>
 *
 * <p>Bounds: a save drops those past their {@code show_until} and, past {@code max}, those ending
 * soonest; both keys expire with the last announcement (relative to the saving node's clock, the
 * creation time, not to Redis's). A save and a read are one Lua script each, so the set and the
 * hash never disagree. Calls run on the adapter's pool; stages complete there.
 */
final class RedisAnnouncementStore implements AnnouncementStore {

  private static final String SAVE =
      """
      local gone = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[4])
      for _, id in ipairs(gone) do redis.call('HDEL', KEYS[2], id) end
      redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[4])
      redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
      redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
      local over = redis.call('ZCARD', KEYS[1]) - tonumber(ARGV[5])
      if over > 0 then
        for _, id in ipairs(redis.call('ZRANGE', KEYS[1], 0, over - 1)) do
          redis.call('HDEL', KEYS[2], id)
        end
        redis.call('ZREMRANGEBYRANK', KEYS[1], 0, over - 1)
      end
      local last = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
      if last[2] then
        local life = math.max(1, tonumber(last[2]) - tonumber(ARGV[4]))
        redis.call('PEXPIRE', KEYS[1], life)
        redis.call('PEXPIRE', KEYS[2], life)
      end
      return 1
      """;

  private static final String ACTIVE =
      """
      local out = {}
      for _, id in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], '(' .. ARGV[1], '+inf')) do
        local json = redis.call('HGET', KEYS[2], id)
        if json then table.insert(out, json) end
      end
      return out
      """;

  private static final Comparator<Announcement> OLDEST_FIRST =
      Comparator.comparing(Announcement::createdAt).thenComparing(a -> a.id().value());

  private final Redis redis;
  private final int max;

  RedisAnnouncementStore(Redis redis, int max) {
    this.redis = Objects.requireNonNull(redis, "redis");
    if (max < 1) {
      throw new IllegalArgumentException("max >= 1");
    }
    this.max = max;
  }

  private List<String> keys() {
    return List.of(redis.key("ANNOUNCEMENTS"), redis.key("ANNOUNCEMENT_TEXTS"));
  }

  @Override
  public CompletionStage<Void> save(Announcement announcement) {
    Objects.requireNonNull(announcement, "announcement");
    if (!announcement.activeAt(announcement.createdAt())) {
      return java.util.concurrent.CompletableFuture.completedFuture(null); // nothing to keep
    }
    return redis
        .eval(
            SAVE,
            keys(),
            List.of(
                announcement.id().value(),
                RecordCodec.announcement(announcement),
                Long.toString(announcement.showUntil().orElseThrow().toEpochMilli()),
                Long.toString(announcement.createdAt().toEpochMilli()),
                Integer.toString(max)))
        .thenApply(r -> null);
  }

  @Override
  public CompletionStage<List<Announcement>> active(Instant now) {
    Objects.requireNonNull(now, "now");
    return redis
        .eval(ACTIVE, keys(), List.of(Long.toString(now.toEpochMilli())))
        .thenApply(
            reply ->
                Redis.rows(reply).stream()
                    .map(o -> RecordCodec.announcement((String) o))
                    .filter(a -> a.activeAt(now))
                    .sorted(OLDEST_FIRST)
                    .toList());
  }
}

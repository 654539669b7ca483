package bd.com.getit.realtime.adapter.redis;

import bd.com.getit.realtime.port.out.Clock;
import bd.com.getit.realtime.port.out.DeduplicationStore;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * Remembered keys in Redis: the string {@code DEDUP:{key}} holds the end of the key's window (by
 * the clock, in epoch milliseconds) and expires with it. A Lua script decides a sighting, so
 * exactly one caller of the cluster sees it first.
 */
final class RedisDeduplicationStore implements DeduplicationStore {
  private static final String FIRST_SEEN =
      """
      local expiry = redis.call('GET', KEYS[1])
      if expiry and tonumber(expiry) > tonumber(ARGV[1]) then return 0 end
      redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
      return 1
      """;

  private final Redis redis;
  private final Clock clock;

  RedisDeduplicationStore(Redis redis, Clock clock) {
    this.redis = Objects.requireNonNull(redis, "redis");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public CompletionStage<Boolean> firstSeen(String key, Duration window) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(window, "window");
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window > 0");
    }
    long now = clock.now().toEpochMilli();
    return redis
        .eval(
            FIRST_SEEN,
            List.of(redis.key("DEDUP:" + key)),
            List.of(
                Long.toString(now),
                Long.toString(now + window.toMillis()),
                Long.toString(window.toMillis())))
        .thenApply(r -> ((Number) r).longValue() == 1);
  }

  @Override
  public CompletionStage<Void> forget(String key) {
    Objects.requireNonNull(key, "key");
    return redis.call(c -> c.del(redis.key("DEDUP:" + key))).thenApply(r -> null);
  }
}

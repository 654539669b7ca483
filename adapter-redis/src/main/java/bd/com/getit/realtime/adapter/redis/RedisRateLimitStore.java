package bd.com.getit.realtime.adapter.redis;

import bd.com.getit.realtime.domain.RateDecision;
import bd.com.getit.realtime.domain.RateLimit;
import bd.com.getit.realtime.port.out.RateLimitStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * An exact sliding-window log per key in Redis: the sorted set {@code RATE_LIMIT:{key}} holds the
 * allowed attempts (scored by their time in microseconds) still inside the window, and {@code
 * RATE_LIMIT:{key}:seq} numbers them. One Lua script trims, counts and adds, so two nodes can never
 * both take the last permit. Both keys expire one window after the last allowed attempt.
 */
final class RedisRateLimitStore implements RateLimitStore {

  /**
   * Replies -1 when allowed, else the microseconds until a permit frees up. Times travel as ARGV
   * text: Lua would print a number this large with 14 digits only.
   */
  private static final String ACQUIRE =
      """
      local now = tonumber(ARGV[1])
      local window = tonumber(ARGV[2])
      local permits = tonumber(ARGV[3])
      redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[5])
      local n = redis.call('ZCARD', KEYS[1])
      if n < permits then
        local seq = redis.call('INCR', KEYS[2])
        redis.call('ZADD', KEYS[1], ARGV[1], ARGV[1] .. ':' .. seq)
        redis.call('PEXPIRE', KEYS[1], ARGV[4])
        redis.call('PEXPIRE', KEYS[2], ARGV[4])
        return -1
      end
      local freeing = redis.call('ZRANGE', KEYS[1], n - permits, n - permits, 'WITHSCORES')
      return tonumber(freeing[2]) + window - now
      """;

  private final Redis redis;

  RedisRateLimitStore(Redis redis) {
    this.redis = Objects.requireNonNull(redis, "redis");
  }

  @Override
  public CompletionStage<RateDecision> tryAcquire(String key, RateLimit limit, Instant now) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(limit, "limit");
    Objects.requireNonNull(now, "now");
    String k = redis.key("RATE_LIMIT:" + key);
    long nowMicros = ChronoUnit.MICROS.between(Instant.EPOCH, now);
    long windowMicros = limit.window().toNanos() / 1_000;
    // A second of slack: the caller's clock and Redis's may differ a little.
    long expireMs = limit.window().toMillis() + 1_000;
    return redis
        .eval(
            ACQUIRE,
            List.of(k, k + ":seq"),
            List.of(
                Long.toString(nowMicros),
                Long.toString(windowMicros),
                Integer.toString(limit.permits()),
                Long.toString(expireMs),
                Long.toString(nowMicros - windowMicros)))
        .thenApply(
            reply -> {
              long micros = ((Number) reply).longValue();
              return micros < 0 ? RateDecision.ALLOW : RateDecision.deny((micros + 999) / 1_000);
            });
  }
}

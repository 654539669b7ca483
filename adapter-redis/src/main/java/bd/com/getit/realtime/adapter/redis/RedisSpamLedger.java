package bd.com.getit.realtime.adapter.redis;

import bd.com.getit.realtime.domain.chat.SpamLimits;
import bd.com.getit.realtime.domain.chat.SpamSample;
import bd.com.getit.realtime.domain.chat.SpamVerdict;
import bd.com.getit.realtime.port.out.SpamLedger;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * Each user's recent messages in Redis, shared by the cluster, as sorted sets scored by time in
 * microseconds: {@code SPAM:{user}:text:<fingerprint>} holds one member per passed message with
 * that text, {@code SPAM:{user}:rooms} one member per room with the time of the last passed message
 * to it, and {@code SPAM:{user}:seq} numbers the members. One Lua script trims the window, judges
 * and remembers, so two nodes can never both pass the message that breaks a limit. Every key
 * expires one window after the sender's last passed message; the user id is a hash tag, so a user's
 * keys share one slot of a Redis Cluster.
 */
final class RedisSpamLedger implements SpamLedger {

  /**
   * Replies 0 for passed, 1 for a repeat, 2 for one room too many. Times travel as ARGV text: Lua
   * would print a number this large with 14 digits only.
   */
  private static final String JUDGE =
      """
      redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[2])
      redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[2])
      if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then
        return 1
      end
      if not redis.call('ZSCORE', KEYS[2], ARGV[5])
          and redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[4]) then
        return 2
      end
      local seq = redis.call('INCR', KEYS[3])
      redis.call('ZADD', KEYS[1], ARGV[1], ARGV[1] .. ':' .. seq)
      redis.call('ZADD', KEYS[2], ARGV[1], ARGV[5])
      for i = 1, 3 do
        redis.call('PEXPIRE', KEYS[i], ARGV[6])
      end
      return 0
      """;

  private final Redis redis;

  RedisSpamLedger(Redis redis) {
    this.redis = Objects.requireNonNull(redis, "redis");
  }

  @Override
  public CompletionStage<SpamVerdict> judge(SpamSample sample, SpamLimits limits) {
    Objects.requireNonNull(sample, "sample");
    Objects.requireNonNull(limits, "limits");
    String user = redis.key("SPAM:{" + sample.sender().value() + "}:");
    long nowMicros = ChronoUnit.MICROS.between(Instant.EPOCH, sample.at());
    long windowMicros = limits.window().toNanos() / 1_000;
    // A second of slack: the nodes' clocks and Redis's may differ a little.
    long expireMs = limits.window().toMillis() + 1_000;
    return redis
        .eval(
            JUDGE,
            List.of(user + "text:" + Long.toHexString(sample.text()), user + "rooms", user + "seq"),
            List.of(
                Long.toString(nowMicros),
                Long.toString(nowMicros - windowMicros),
                Integer.toString(limits.maxRepeats()),
                Integer.toString(limits.maxRooms()),
                sample.room().value(),
                Long.toString(expireMs)))
        .thenApply(
            reply ->
                switch (((Number) reply).intValue()) {
                  case 0 -> SpamVerdict.PASSED;
                  case 1 -> SpamVerdict.REPEATED;
                  case 2 -> SpamVerdict.TOO_MANY_ROOMS;
                  default -> throw new IllegalStateException("spam script replied " + reply);
                });
  }
}

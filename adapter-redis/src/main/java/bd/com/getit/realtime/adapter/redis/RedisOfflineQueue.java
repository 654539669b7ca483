package bd.com.getit.realtime.adapter.redis;

import bd.com.getit.realtime.domain.Event;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.port.out.Clock;
import bd.com.getit.realtime.port.out.OfflineQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * Per-user queues in Redis: the list {@code OFFLINE_QUEUE:{user}}, oldest first, of {@code <event
 * id>\n<event json>} entries, capped at the capacity (the oldest is trimmed) and expiring with the
 * longest TTL of its events (the default queue TTL for events without one). Enqueue (with its
 * duplicate check) and drain (read and delete) are Lua scripts, so two nodes never both drain an
 * event. Events past their TTL stay until drained or expired with the list, and are never returned.
 */
final class RedisOfflineQueue implements OfflineQueue {

  private static final String ENQUEUE =
      """
      local head = ARGV[1] .. '\\n'
      for _, e in ipairs(redis.call('LRANGE', KEYS[1], 0, -1)) do
        if string.sub(e, 1, #head) == head then return 0 end
      end
      redis.call('RPUSH', KEYS[1], ARGV[2])
      redis.call('LTRIM', KEYS[1], -tonumber(ARGV[3]), -1)
      if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[4]) then
        redis.call('PEXPIRE', KEYS[1], ARGV[4])
      end
      return 1
      """;

  private static final String DRAIN =
      """
      local all = redis.call('LRANGE', KEYS[1], 0, -1)
      redis.call('DEL', KEYS[1])
      return all
      """;

  private final Redis redis;
  private final Clock clock;
  private final int capacity;
  private final Duration defaultTtl;

  RedisOfflineQueue(Redis redis, Clock clock, int capacity, Duration defaultTtl) {
    this.redis = Objects.requireNonNull(redis, "redis");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.defaultTtl = Objects.requireNonNull(defaultTtl, "defaultTtl");
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity >= 1");
    }
    this.capacity = capacity;
  }

  private String key(UserId user) {
    return redis.key("OFFLINE_QUEUE:" + user.value());
  }

  @Override
  public CompletionStage<Void> enqueue(UserId user, Event event) {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(event, "event");
    Duration ttl = event.ttl().isZero() ? defaultTtl : event.ttl();
    return redis
        .eval(
            ENQUEUE,
            List.of(key(user)),
            List.of(
                event.id().value(),
                event.id().value() + "\n" + Codec.event(event),
                Integer.toString(capacity),
                Long.toString(Math.max(1, ttl.toMillis()))))
        .thenApply(r -> null);
  }

  @Override
  public CompletionStage<List<Event>> drain(UserId user, Instant now) {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(now, "now");
    return redis.eval(DRAIN, List.of(key(user)), List.of()).thenApply(reply -> live(reply, now));
  }

  @Override
  public CompletionStage<Integer> size(UserId user) {
    Objects.requireNonNull(user, "user");
    return redis
        .call(c -> c.lrange(key(user), 0, -1))
        .thenApply(all -> live(all, clock.now()).size());
  }

  private static List<Event> live(Object entries, Instant now) {
    return Redis.rows(entries).stream()
        .map(o -> decode((String) o))
        .filter(e -> e.liveAt(now))
        .toList();
  }

  private static Event decode(String entry) {
    return Codec.event(entry.substring(entry.indexOf('\n') + 1));
  }
}

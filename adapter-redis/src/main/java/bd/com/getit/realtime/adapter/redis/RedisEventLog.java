package bd.com.getit.realtime.adapter.redis;

import bd.com.getit.realtime.domain.Event;
import bd.com.getit.realtime.domain.EventId;
import bd.com.getit.realtime.domain.EventRecord;
import bd.com.getit.realtime.port.out.Clock;
import bd.com.getit.realtime.port.out.EventLog;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Persisted events and their delivery totals in Redis, so the totals add up the deliveries of every
 * node (each node counts its own subscribers of an event it received from the bus): the hash {@code
 * EVENT:{id}} with {@code event} (JSON), {@code delivered} and {@code failed}. Recording (once:
 * {@code HSETNX}) and counting ({@code HINCRBY} twice) are Lua scripts, so concurrent nodes never
 * lose an update. The origin records an event while it publishes it, so another node may count its
 * deliveries first: those counts are kept (a hash without {@code event}, which {@link #find} does
 * not show, expiring after {@code retention}) and the record adds to them. A record lives the
 * longer of {@code retention} and the event's own TTL after the event's time. Calls run on the
 * adapter's pool.
 */
final class RedisEventLog implements EventLog {

  private static final String RECORD =
      """
      if redis.call('HSETNX', KEYS[1], 'event', ARGV[1]) == 0 then return 0 end
      redis.call('HSETNX', KEYS[1], 'delivered', 0)
      redis.call('HSETNX', KEYS[1], 'failed', 0)
      redis.call('PEXPIRE', KEYS[1], ARGV[2])
      return 1
      """;

  private static final String COUNT =
      """
      local fresh = redis.call('EXISTS', KEYS[1]) == 0
      redis.call('HINCRBY', KEYS[1], 'delivered', ARGV[1])
      redis.call('HINCRBY', KEYS[1], 'failed', ARGV[2])
      if fresh then redis.call('PEXPIRE', KEYS[1], ARGV[3]) end
      return 1
      """;

  private final Redis redis;
  private final Clock clock;
  private final Duration retention;

  RedisEventLog(Redis redis, Clock clock, Duration retention) {
    this.redis = Objects.requireNonNull(redis, "redis");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.retention = Objects.requireNonNull(retention, "retention");
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("retention is positive");
    }
  }

  private String key(EventId id) {
    return redis.key("EVENT:" + id.value());
  }

  @Override
  public CompletionStage<Void> record(Event event) {
    Objects.requireNonNull(event, "event");
    Duration keep = event.ttl().compareTo(retention) > 0 ? event.ttl() : retention;
    // Relative to this clock, as the other stores' lifetimes.
    long lifeMillis =
        Math.max(1, Duration.between(clock.now(), event.timestamp().plus(keep)).toMillis());
    return redis
        .eval(
            RECORD,
            List.of(key(event.id())),
            List.of(Codec.event(event), Long.toString(lifeMillis)))
        .thenApply(r -> null);
  }

  @Override
  public CompletionStage<Void> countDeliveries(EventId event, int delivered, int failed) {
    Objects.requireNonNull(event, "event");
    if (delivered < 0 || failed < 0) {
      throw new IllegalArgumentException("counts are not negative");
    }
    return redis
        .eval(
            COUNT,
            List.of(key(event)),
            List.of(
                Integer.toString(delivered),
                Integer.toString(failed),
                Long.toString(retention.toMillis())))
        .thenApply(r -> null);
  }

  @Override
  public CompletionStage<Optional<EventRecord>> find(EventId event) {
    Objects.requireNonNull(event, "event");
    return redis
        .call(c -> c.hmget(key(event), "event", "delivered", "failed"))
        .thenApply(
            fields ->
                fields.get(0) == null
                    ? Optional.empty()
                    : Optional.of(
                        new EventRecord(
                            Codec.event(fields.get(0)),
                            Long.parseLong(fields.get(1)),
                            Long.parseLong(fields.get(2)))));
  }
}

package bd.com.getit.realtime.adapter.redis;

import bd.com.getit.realtime.domain.NodeId;
import bd.com.getit.realtime.domain.cluster.NodeAddress;
import bd.com.getit.realtime.port.out.Clock;
import bd.com.getit.realtime.port.out.NodeDirectory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * Node addresses in the Redis hash {@code NODE_URLS}: node id to {@code untilMillis|url} (by the
 * nodes' clocks, as the membership's heartbeats). Listing drops entries that lapsed an hour ago or
 * more (long after any node would renew them, so no renewal is lost to the race), so nodes with
 * random ids that came and went leave nothing behind.
 */
final class RedisNodeDirectory implements NodeDirectory {
  private static final long FORGET_AFTER_MILLIS = Duration.ofHours(1).toMillis();

  private final Redis redis;
  private final Clock clock;

  RedisNodeDirectory(Redis redis, Clock clock) {
    this.redis = Objects.requireNonNull(redis, "redis");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public CompletionStage<Void> advertise(NodeAddress address, Duration ttl) {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(ttl, "ttl");
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl > 0, was " + ttl);
    }
    String value = (clock.now().toEpochMilli() + ttl.toMillis()) + "|" + address.url();
    return redis
        .call(c -> c.hset(redis.key("NODE_URLS"), address.node().value(), value))
        .thenApply(r -> null);
  }

  @Override
  public CompletionStage<Void> withdraw(NodeId node) {
    Objects.requireNonNull(node, "node");
    return redis.call(c -> c.hdel(redis.key("NODE_URLS"), node.value())).thenApply(r -> null);
  }

  @Override
  public CompletionStage<List<NodeAddress>> addresses() {
    long now = clock.now().toEpochMilli();
    return redis.call(
        c -> {
          List<NodeAddress> live = new ArrayList<>();
          List<String> forgotten = new ArrayList<>();
          for (Map.Entry<String, String> e : c.hgetAll(redis.key("NODE_URLS")).entrySet()) {
            String value = e.getValue();
            int bar = value.indexOf('|');
            long until = Long.parseLong(value.substring(0, bar));
            if (until > now) {
              live.add(NodeAddress.of(NodeId.of(e.getKey()), value.substring(bar + 1)));
            } else if (until + FORGET_AFTER_MILLIS < now) {
              forgotten.add(e.getKey());
            }
          }
          if (!forgotten.isEmpty()) {
            c.hdel(redis.key("NODE_URLS"), forgotten.toArray(String[]::new));
          }
          return List.copyOf(live);
        });
  }
}

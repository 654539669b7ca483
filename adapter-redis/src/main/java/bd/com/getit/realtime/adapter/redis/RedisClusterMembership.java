package bd.com.getit.realtime.adapter.redis;

import bd.com.getit.realtime.domain.NodeId;
import bd.com.getit.realtime.domain.cluster.NodeStatus;
import bd.com.getit.realtime.port.out.Clock;
import bd.com.getit.realtime.port.out.ClusterMembership;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Node membership in Redis: the hash {@code NODES} maps each member to the end of its heartbeat (by
 * the nodes' clocks, in epoch milliseconds, so they must agree within a fraction of the TTL, as NTP
 * gives), {@code NODE_BEATS} maps each member to the time of its last heartbeat (epoch
 * milliseconds), {@code NODE_STATUS} maps each member to its last report ({@code
 * startedAtMillis|messagesPerSecond|averageLatencyMs}), and {@code NODE_CLEANUP:{node}} holds the
 * end of the running cleanup lease, expiring with it. Claims and forgets are Lua scripts, so they
 * are decided once across the cluster.
 */
final class RedisClusterMembership implements ClusterMembership {
  private static final String CLAIM =
      """
      local expiry = redis.call('GET', KEYS[1])
      if expiry and tonumber(expiry) > tonumber(ARGV[1]) then return 0 end
      redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
      return 1
      """;

  private static final String FORGET =
      """
      local expiry = redis.call('HGET', KEYS[1], ARGV[1])
      if expiry and tonumber(expiry) <= tonumber(ARGV[2]) then
        redis.call('HDEL', KEYS[1], ARGV[1])
        redis.call('HDEL', KEYS[2], ARGV[1])
        redis.call('HDEL', KEYS[3], ARGV[1])
      end
      return 1
      """;

  private final Redis redis;
  private final Clock clock;

  RedisClusterMembership(Redis redis, Clock clock) {
    this.redis = Objects.requireNonNull(redis, "redis");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public CompletionStage<Void> heartbeat(NodeId self, Duration ttl) {
    Objects.requireNonNull(self, "self");
    requirePositive(ttl, "ttl");
    long now = clock.now().toEpochMilli();
    long until = now + ttl.toMillis();
    return redis
        .call(
            c -> {
              c.hset(redis.key("NODES"), self.value(), Long.toString(until));
              return c.hset(redis.key("NODE_BEATS"), self.value(), Long.toString(now));
            })
        .thenApply(r -> null);
  }

  @Override
  public CompletionStage<Void> leave(NodeId self) {
    Objects.requireNonNull(self, "self");
    return redis
        .call(
            c -> {
              c.hdel(redis.key("NODES"), self.value());
              c.hdel(redis.key("NODE_BEATS"), self.value());
              c.hdel(redis.key("NODE_STATUS"), self.value());
              return c.del(redis.key("NODE_CLEANUP:" + self.value()));
            })
        .thenApply(r -> null);
  }

  @Override
  public CompletionStage<Set<NodeId>> liveNodes() {
    return members(true);
  }

  @Override
  public CompletionStage<Optional<Instant>> lastHeartbeat(NodeId node) {
    Objects.requireNonNull(node, "node");
    return redis.call(
        c ->
            Optional.ofNullable(c.hget(redis.key("NODE_BEATS"), node.value()))
                .map(beat -> Instant.ofEpochMilli(Long.parseLong(beat))));
  }

  @Override
  public CompletionStage<Void> report(NodeStatus status) {
    Objects.requireNonNull(status, "status");
    String value =
        status.startedAt().toEpochMilli()
            + "|"
            + status.messagesPerSecond()
            + "|"
            + status.averageLatencyMs();
    return redis
        .call(c -> c.hset(redis.key("NODE_STATUS"), status.node().value(), value))
        .thenApply(r -> null);
  }

  @Override
  public CompletionStage<List<NodeStatus>> statuses() {
    long now = clock.now().toEpochMilli();
    return redis.call(
        c -> {
          Map<String, String> until = c.hgetAll(redis.key("NODES"));
          List<NodeStatus> out = new ArrayList<>();
          for (Map.Entry<String, String> e : c.hgetAll(redis.key("NODE_STATUS")).entrySet()) {
            String expiry = until.get(e.getKey());
            if (expiry == null || Long.parseLong(expiry) <= now) {
              continue;
            }
            String[] parts = e.getValue().split("\\|");
            out.add(
                new NodeStatus(
                    NodeId.of(e.getKey()),
                    Instant.ofEpochMilli(Long.parseLong(parts[0])),
                    Double.parseDouble(parts[1]),
                    Double.parseDouble(parts[2])));
          }
          return List.copyOf(out);
        });
  }

  @Override
  public CompletionStage<Set<NodeId>> deadNodes() {
    return members(false);
  }

  @Override
  public CompletionStage<Boolean> claimCleanup(NodeId dead, NodeId claimant, Duration lease) {
    Objects.requireNonNull(dead, "dead");
    Objects.requireNonNull(claimant, "claimant");
    requirePositive(lease, "lease");
    long now = clock.now().toEpochMilli();
    return redis
        .eval(
            CLAIM,
            List.of(redis.key("NODE_CLEANUP:" + dead.value())),
            List.of(
                Long.toString(now),
                Long.toString(now + lease.toMillis()),
                Long.toString(lease.toMillis())))
        .thenApply(r -> ((Number) r).longValue() == 1);
  }

  @Override
  public CompletionStage<Void> forget(NodeId node) {
    Objects.requireNonNull(node, "node");
    return redis
        .eval(
            FORGET,
            List.of(redis.key("NODES"), redis.key("NODE_BEATS"), redis.key("NODE_STATUS")),
            List.of(node.value(), Long.toString(clock.now().toEpochMilli())))
        .thenApply(r -> null);
  }

  private CompletionStage<Set<NodeId>> members(boolean alive) {
    long now = clock.now().toEpochMilli();
    return redis.call(
        c -> {
          Set<NodeId> out = new HashSet<>();
          for (Map.Entry<String, String> e : c.hgetAll(redis.key("NODES")).entrySet()) {
            if ((Long.parseLong(e.getValue()) > now) == alive) {
              out.add(NodeId.of(e.getKey()));
            }
          }
          return Set.copyOf(out);
        });
  }

  private static void requirePositive(Duration d, String what) {
    Objects.requireNonNull(d, what);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(what + " > 0");
    }
  }
}

package bd.com.getit.realtime.adapter.memory;

import static java.util.concurrent.CompletableFuture.completedFuture;

import bd.com.getit.realtime.domain.NodeId;
import bd.com.getit.realtime.domain.cluster.NodeStatus;
import bd.com.getit.realtime.port.out.Clock;
import bd.com.getit.realtime.port.out.ClusterMembership;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * The members of the nodes of one process, with heartbeats and cleanup leases measured with the
 * clock. Thread-safe (one lock) and returns completed stages. Memory: one entry per member and per
 * running lease; a forgotten member's lease stays until it is claimed again or the member returns.
 */
public final class InMemoryClusterMembership implements ClusterMembership {
  private final Clock clock;
  private final Object lock = new Object();
  private final Map<NodeId, Instant> heartbeats = new HashMap<>();
  private final Map<NodeId, Instant> beats = new HashMap<>();
  private final Map<NodeId, NodeStatus> reports = new HashMap<>();
  private final Map<NodeId, Instant> leases = new HashMap<>();

  public InMemoryClusterMembership(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public CompletionStage<Void> heartbeat(NodeId self, Duration ttl) {
    Objects.requireNonNull(self, "self");
    requirePositive(ttl, "ttl");
    Instant now = clock.now();
    synchronized (lock) {
      heartbeats.put(self, now.plus(ttl));
      beats.put(self, now);
    }
    return completedFuture(null);
  }

  @Override
  public CompletionStage<Void> leave(NodeId self) {
    Objects.requireNonNull(self, "self");
    synchronized (lock) {
      heartbeats.remove(self);
      beats.remove(self);
      reports.remove(self);
      leases.remove(self);
    }
    return completedFuture(null);
  }

  @Override
  public CompletionStage<Set<NodeId>> liveNodes() {
    return completedFuture(members(true));
  }

  @Override
  public CompletionStage<Optional<Instant>> lastHeartbeat(NodeId node) {
    Objects.requireNonNull(node, "node");
    synchronized (lock) {
      return completedFuture(Optional.ofNullable(beats.get(node)));
    }
  }

  @Override
  public CompletionStage<Void> report(NodeStatus status) {
    Objects.requireNonNull(status, "status");
    synchronized (lock) {
      reports.put(status.node(), status);
    }
    return completedFuture(null);
  }

  @Override
  public CompletionStage<List<NodeStatus>> statuses() {
    Set<NodeId> live = members(true);
    List<NodeStatus> out = new ArrayList<>();
    synchronized (lock) {
      for (NodeId node : live) {
        NodeStatus status = reports.get(node);
        if (status != null) {
          out.add(status);
        }
      }
    }
    return completedFuture(List.copyOf(out));
  }

  @Override
  public CompletionStage<Set<NodeId>> deadNodes() {
    return completedFuture(members(false));
  }

  @Override
  public CompletionStage<Boolean> claimCleanup(NodeId dead, NodeId claimant, Duration lease) {
    Objects.requireNonNull(dead, "dead");
    Objects.requireNonNull(claimant, "claimant");
    requirePositive(lease, "lease");
    Instant now = clock.now();
    synchronized (lock) {
      Instant running = leases.get(dead);
      if (running != null && now.isBefore(running)) {
        return completedFuture(false);
      }
      leases.put(dead, now.plus(lease));
      return completedFuture(true);
    }
  }

  @Override
  public CompletionStage<Void> forget(NodeId node) {
    Objects.requireNonNull(node, "node");
    Instant now = clock.now();
    synchronized (lock) {
      Instant until = heartbeats.get(node);
      if (until != null && !now.isBefore(until)) {
        heartbeats.remove(node);
        beats.remove(node);
        reports.remove(node);
      }
    }
    return completedFuture(null);
  }

  private Set<NodeId> members(boolean alive) {
    Instant now = clock.now();
    Set<NodeId> out = new HashSet<>();
    synchronized (lock) {
      heartbeats.forEach(
          (node, until) -> {
            if (now.isBefore(until) == alive) {
              out.add(node);
            }
          });
    }
    return Set.copyOf(out);
  }

  private static void requirePositive(Duration d, String what) {
    Objects.requireNonNull(d, what);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(what + " > 0");
    }
  }
}

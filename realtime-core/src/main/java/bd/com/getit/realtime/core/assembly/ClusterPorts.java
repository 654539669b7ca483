package bd.com.getit.realtime.core.assembly;

import bd.com.getit.realtime.port.out.ClusterBus;
import bd.com.getit.realtime.port.out.ClusterMembership;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How this node meets the others: the bus every node publishes on and, for a cluster, the
 * membership with its timing. The core's maintenance renews this node's heartbeat every {@code
 * heartbeatEvery} and cleans up after nodes silent for {@code nodeTimeout}.
 *
 * @param heartbeatSilence when present, a node silent this long is taken to be gone at once: a
 *     client of it that reconnects here recovers its session without waiting for the cleanup
 */
public record ClusterPorts(
    ClusterBus bus,
    Optional<ClusterMembership> membership,
    Duration nodeTimeout,
    Duration heartbeatEvery,
    Optional<Duration> heartbeatSilence) {

  /** How long a node may miss heartbeats before others clean up after it, unless configured. */
  public static final Duration DEFAULT_NODE_TIMEOUT = Duration.ofSeconds(30);

  public ClusterPorts {
    Objects.requireNonNull(bus, "bus");
    Objects.requireNonNull(membership, "membership");
    requirePositive(nodeTimeout, "nodeTimeout");
    requirePositive(heartbeatEvery, "heartbeatEvery");
    if (heartbeatEvery.compareTo(nodeTimeout) >= 0) {
      throw new IllegalArgumentException("heartbeatEvery must be shorter than nodeTimeout");
    }
    Objects.requireNonNull(heartbeatSilence, "heartbeatSilence");
    heartbeatSilence.ifPresent(
        silence -> {
          requirePositive(silence, "heartbeatSilence");
          if (silence.compareTo(nodeTimeout) >= 0) {
            throw new IllegalArgumentException("0 < heartbeatSilence < nodeTimeout");
          }
        });
  }

  /** A single node: its bus and no membership. */
  public static ClusterPorts single(ClusterBus bus) {
    return new ClusterPorts(
        bus,
        Optional.empty(),
        DEFAULT_NODE_TIMEOUT,
        DEFAULT_NODE_TIMEOUT.dividedBy(3),
        Optional.empty());
  }

  /** A node of a cluster, beating every third of {@code nodeTimeout}. */
  public static ClusterPorts of(
      ClusterBus bus, ClusterMembership membership, Duration nodeTimeout) {
    requirePositive(nodeTimeout, "nodeTimeout");
    return new ClusterPorts(
        bus,
        Optional.of(Objects.requireNonNull(membership, "membership")),
        nodeTimeout,
        nodeTimeout.dividedBy(3),
        Optional.empty());
  }

  /**
   * This cluster with a fast failover: a heartbeat every {@code every} (a second, say) and a node
   * silent for {@code silence} (a few beats, well under the node timeout) taken to be gone.
   */
  public ClusterPorts withHeartbeat(Duration every, Duration silence) {
    if (membership.isEmpty()) {
      throw new IllegalStateException("a single node has no heartbeat");
    }
    return new ClusterPorts(
        bus, membership, nodeTimeout, every, Optional.of(Objects.requireNonNull(silence)));
  }

  private static void requirePositive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }
}

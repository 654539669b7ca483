package bd.com.getit.realtime.domain.cluster;

import bd.com.getit.realtime.domain.NodeId;
import java.time.Instant;
import java.util.Objects;

/** One live node's row of the cluster-wide admin figures. */
public record NodeStats(
    NodeId node,
    long connections,
    long activeUsers,
    double messagesPerSecond,
    double averageLatencyMs,
    Instant startedAt) {
  public NodeStats {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(startedAt, "startedAt");
  }
}

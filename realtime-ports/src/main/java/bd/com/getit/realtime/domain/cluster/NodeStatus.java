package bd.com.getit.realtime.domain.cluster;

import bd.com.getit.realtime.domain.NodeId;
import java.time.Instant;
import java.util.Objects;

/**
 * What a node reports of itself to the cluster with its heartbeat: since when it runs, and the rate
 * and mean latency of its deliveries to its own sockets (over the last minute).
 */
public record NodeStatus(
    NodeId node, Instant startedAt, double messagesPerSecond, double averageLatencyMs) {
  public NodeStatus {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(startedAt, "startedAt");
    if (!(messagesPerSecond >= 0) || !(averageLatencyMs >= 0)) {
      throw new IllegalArgumentException("rates and latencies are finite and >= 0");
    }
  }
}

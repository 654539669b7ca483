package bd.com.getit.realtime.domain;

import java.util.List;

/** Cluster-wide figures for the admin API. */
public record Stats(
    long totalConnections,
    long activeUsers,
    double messagesPerSecond,
    double averageLatencyMs,
    List<NodeId> nodes) {
  public Stats {
    nodes = List.copyOf(nodes);
  }
}

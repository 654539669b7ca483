package bd.com.getit.realtime.domain.cluster;

import java.util.List;

/**
 * Cluster-wide figures for the admin API: totals over the live nodes, and a row per live node. The
 * total rate is the sum of the nodes' rates; the latency is their mean weighted by rate.
 */
public record Stats(
    long totalConnections,
    long activeUsers,
    double messagesPerSecond,
    double averageLatencyMs,
    List<NodeStats> nodes) {
  public Stats {
    nodes = List.copyOf(nodes);
  }
}

package bd.com.getit.realtime.domain.connection;

import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.NodeId;
import bd.com.getit.realtime.domain.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/** One live connection as the cluster sees it (admin listing, limits, presence). */
public record ConnectionInfo(
    ConnectionId id,
    UserId user,
    NodeId node,
    String transport,
    String clientAddress,
    Instant connectedAt,
    Set<ChannelName> channels) {
  public ConnectionInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(clientAddress, "clientAddress");
    Objects.requireNonNull(connectedAt, "connectedAt");
    channels = Set.copyOf(channels);
  }

  public ConnectionInfo withChannels(Set<ChannelName> newChannels) {
    return new ConnectionInfo(id, user, node, transport, clientAddress, connectedAt, newChannels);
  }
}

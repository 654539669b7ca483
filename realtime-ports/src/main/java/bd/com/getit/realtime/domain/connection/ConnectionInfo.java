package bd.com.getit.realtime.domain.connection;

import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.NodeId;
import bd.com.getit.realtime.domain.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * One live connection as the cluster sees it (admin listing, limits, presence). Its start is kept
 * as epoch milliseconds: every idle socket holds this record for hours, and an {@code Instant}
 * would be 24 bytes more each; a millisecond is as fine as any reader of it needs.
 */
public record ConnectionInfo(
    ConnectionId id,
    UserId user,
    NodeId node,
    String transport,
    String clientAddress,
    long connectedAtMillis,
    Set<ChannelName> channels) {
  public ConnectionInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(clientAddress, "clientAddress");
    channels = Set.copyOf(channels);
  }

  /** A connection that started at {@code connectedAt} (kept to the millisecond). */
  public ConnectionInfo(
      ConnectionId id,
      UserId user,
      NodeId node,
      String transport,
      String clientAddress,
      Instant connectedAt,
      Set<ChannelName> channels) {
    this(
        id,
        user,
        node,
        transport,
        clientAddress,
        Objects.requireNonNull(connectedAt, "connectedAt").toEpochMilli(),
        channels);
  }

  /** When the connection started, to the millisecond. */
  public Instant connectedAt() {
    return Instant.ofEpochMilli(connectedAtMillis);
  }

  public ConnectionInfo withChannels(Set<ChannelName> newChannels) {
    return new ConnectionInfo(
        id, user, node, transport, clientAddress, connectedAtMillis, newChannels);
  }
}

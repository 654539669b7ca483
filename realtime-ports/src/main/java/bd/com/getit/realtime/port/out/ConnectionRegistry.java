package bd.com.getit.realtime.port.out;

import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.NodeId;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.connection.ConnectionInfo;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * The cluster-wide view of live connections: who is connected, on which node, in which channels. It
 * serves limits, presence and the admin API; the hot fanout path never reads it. Thread-safe; every
 * method returns at once and completes later (network adapters do their I/O off the caller's
 * thread). Registering an id twice replaces the entry; unregistering an unknown id is harmless.
 */
public interface ConnectionRegistry {

  CompletionStage<Void> register(ConnectionInfo connection);

  /** Removes the connection; completes with what was registered, if anything. */
  CompletionStage<Optional<ConnectionInfo>> unregister(ConnectionId connection);

  CompletionStage<Optional<ConnectionInfo>> find(ConnectionId connection);

  /** The user's live connections on every node. */
  CompletionStage<List<ConnectionInfo>> connectionsOf(UserId user);

  /**
   * Whether the user has a live connection on any node: the same answer as {@code
   * !connectionsOf(user).isEmpty()}, asked for every recipient of every chat message (the offline
   * check), so a store may answer it without building the list.
   */
  default CompletionStage<Boolean> isOnline(UserId user) {
    return connectionsOf(user).thenApply(live -> !live.isEmpty());
  }

  /** Replaces the connection's channel set; a no-op for an unknown connection. */
  CompletionStage<Void> updateChannels(ConnectionId connection, Set<ChannelName> channels);

  /** Every live connection of the cluster (for the admin API; not for the hot path). */
  CompletionStage<List<ConnectionInfo>> all();

  /** Removes every connection of {@code node}: used when a node is gone. Completes with them. */
  CompletionStage<List<ConnectionInfo>> removeNode(NodeId node);
}

package bd.com.getit.realtime.core.testing;

import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.ConnectionInfo;
import bd.com.getit.realtime.domain.NodeId;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.port.out.ConnectionRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/** An in-memory registry answering with completed stages. */
public final class FakeRegistry implements ConnectionRegistry {
  public final Map<ConnectionId, ConnectionInfo> entries = new ConcurrentHashMap<>();

  @Override
  public CompletionStage<Void> register(ConnectionInfo connection) {
    entries.put(connection.id(), connection);
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletionStage<Optional<ConnectionInfo>> unregister(ConnectionId connection) {
    return CompletableFuture.completedFuture(Optional.ofNullable(entries.remove(connection)));
  }

  @Override
  public CompletionStage<Optional<ConnectionInfo>> find(ConnectionId connection) {
    return CompletableFuture.completedFuture(Optional.ofNullable(entries.get(connection)));
  }

  @Override
  public CompletionStage<List<ConnectionInfo>> connectionsOf(UserId user) {
    return CompletableFuture.completedFuture(
        entries.values().stream().filter(c -> c.user().equals(user)).toList());
  }

  @Override
  public CompletionStage<Void> updateChannels(ConnectionId connection, Set<ChannelName> channels) {
    entries.computeIfPresent(connection, (k, v) -> v.withChannels(channels));
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletionStage<List<ConnectionInfo>> all() {
    return CompletableFuture.completedFuture(new ArrayList<>(entries.values()));
  }

  @Override
  public CompletionStage<List<ConnectionInfo>> removeNode(NodeId node) {
    List<ConnectionInfo> gone =
        entries.values().stream().filter(c -> c.node().equals(node)).toList();
    gone.forEach(c -> entries.remove(c.id()));
    return CompletableFuture.completedFuture(gone);
  }
}

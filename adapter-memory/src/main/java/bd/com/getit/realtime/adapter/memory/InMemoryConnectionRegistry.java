package bd.com.getit.realtime.adapter.memory;

import static java.util.concurrent.CompletableFuture.completedFuture;

import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.NodeId;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.connection.ConnectionInfo;
import bd.com.getit.realtime.port.out.ConnectionRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * The live connections of this process, indexed by id and by user. Thread-safe (one lock; every
 * operation is a few map updates) and returns completed stages. Memory: one entry per registered
 * connection; the caller unregisters closed ones and removes departed nodes.
 */
public final class InMemoryConnectionRegistry implements ConnectionRegistry {
  private final Object lock = new Object();
  private final Map<ConnectionId, ConnectionInfo> byId = new HashMap<>();
  // A user's connections in registration order: the usual single one as an immutable one-element
  // set (24 bytes, where a LinkedHashSet was about 190 for every connected user), a LinkedHashSet
  // from the second on.
  private final Map<UserId, Set<ConnectionId>> byUser = new HashMap<>();

  @Override
  public CompletionStage<Void> register(ConnectionInfo connection) {
    Objects.requireNonNull(connection, "connection");
    synchronized (lock) {
      removeLocked(connection.id());
      byId.put(connection.id(), connection);
      byUser.merge(connection.user(), Set.of(connection.id()), InMemoryConnectionRegistry::plus);
    }
    return completedFuture(null);
  }

  @Override
  public CompletionStage<Optional<ConnectionInfo>> unregister(ConnectionId connection) {
    Objects.requireNonNull(connection, "connection");
    synchronized (lock) {
      return completedFuture(removeLocked(connection));
    }
  }

  @Override
  public CompletionStage<Optional<ConnectionInfo>> find(ConnectionId connection) {
    Objects.requireNonNull(connection, "connection");
    synchronized (lock) {
      return completedFuture(Optional.ofNullable(byId.get(connection)));
    }
  }

  @Override
  public CompletionStage<List<ConnectionInfo>> connectionsOf(UserId user) {
    Objects.requireNonNull(user, "user");
    synchronized (lock) {
      List<ConnectionInfo> result = new ArrayList<>();
      for (ConnectionId id : byUser.getOrDefault(user, Set.of())) {
        result.add(byId.get(id));
      }
      return completedFuture(List.copyOf(result));
    }
  }

  @Override
  public CompletionStage<Boolean> isOnline(UserId user) {
    Objects.requireNonNull(user, "user");
    synchronized (lock) {
      Set<ConnectionId> live = byUser.get(user);
      return completedFuture(live != null && !live.isEmpty()); // Boolean.valueOf: no list
    }
  }

  @Override
  public CompletionStage<Void> updateChannels(ConnectionId connection, Set<ChannelName> channels) {
    Objects.requireNonNull(connection, "connection");
    Objects.requireNonNull(channels, "channels");
    synchronized (lock) {
      byId.computeIfPresent(connection, (id, info) -> info.withChannels(channels));
    }
    return completedFuture(null);
  }

  @Override
  public CompletionStage<List<ConnectionInfo>> all() {
    synchronized (lock) {
      return completedFuture(List.copyOf(byId.values()));
    }
  }

  @Override
  public CompletionStage<List<ConnectionInfo>> removeNode(NodeId node) {
    Objects.requireNonNull(node, "node");
    synchronized (lock) {
      List<ConnectionId> gone =
          byId.values().stream()
              .filter(c -> c.node().equals(node))
              .map(ConnectionInfo::id)
              .toList();
      List<ConnectionInfo> removed = new ArrayList<>();
      gone.forEach(id -> removeLocked(id).ifPresent(removed::add));
      return completedFuture(List.copyOf(removed));
    }
  }

  private Optional<ConnectionInfo> removeLocked(ConnectionId id) {
    ConnectionInfo previous = byId.remove(id);
    if (previous == null) {
      return Optional.empty();
    }
    byUser.computeIfPresent(previous.user(), (user, ids) -> minus(ids, id));
    return Optional.of(previous);
  }

  /** {@code ids} and then {@code added}, in a LinkedHashSet from the second connection on. */
  private static Set<ConnectionId> plus(Set<ConnectionId> ids, Set<ConnectionId> added) {
    Set<ConnectionId> all =
        ids instanceof LinkedHashSet<ConnectionId> ? ids : new LinkedHashSet<>(ids);
    all.addAll(added);
    return all;
  }

  /** {@code ids} without {@code removed}: back to a one-element set at one; null at none. */
  private static Set<ConnectionId> minus(Set<ConnectionId> ids, ConnectionId removed) {
    if (!(ids instanceof LinkedHashSet<ConnectionId> several)) {
      return ids.contains(removed) ? null : ids;
    }
    several.remove(removed);
    return several.size() > 1 ? several : one(several);
  }

  private static Set<ConnectionId> one(Set<ConnectionId> ids) {
    return ids.isEmpty() ? null : Set.of(ids.iterator().next());
  }
}

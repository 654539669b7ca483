package bd.com.getit.realtime.core.connection;

import bd.com.getit.realtime.core.ConnectionListener;
import bd.com.getit.realtime.core.Stages;
import bd.com.getit.realtime.core.session.LocalSessions;
import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.NodeId;
import bd.com.getit.realtime.port.out.ConnectionRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps the cluster's connection registry true to this node's own sessions across a Redis outage.
 * An unregister that failed is retried until it lands: a registry entry left behind would list a
 * closed connection for ever, and its session could never be recovered (a client reconnecting with
 * its pid would be told its old connection still lives). And when the cluster state forgot this
 * node's connections (Redis restarted empty, or this node was taken for dead after a long pause and
 * cleaned up), every local connection is registered again and the listeners restore what they keep
 * there (presence). Thread-safe; never fails.
 */
final class RegistryRepair {
  private static final System.Logger LOG = System.getLogger(RegistryRepair.class.getName());

  /** Failed unregisters kept for a retry; past it a warning, and the node's cleanup remains. */
  static final int MAX_PENDING = 100_000;

  private final NodeId node;
  private final ConnectionRegistry registry;
  private final LocalSessions sessions;
  private final List<ConnectionListener> listeners;
  private final Set<ConnectionId> pending = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean overflowLogged = new AtomicBoolean();

  RegistryRepair(
      NodeId node,
      ConnectionRegistry registry,
      LocalSessions sessions,
      List<ConnectionListener> listeners) {
    this.node = Objects.requireNonNull(node, "node");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    this.listeners = List.copyOf(listeners);
  }

  /** The registry could not forget {@code connection} (it closed here): try again later. */
  void unregisterFailed(ConnectionId connection) {
    if (pending.size() < MAX_PENDING) {
      pending.add(connection);
    } else if (overflowLogged.compareAndSet(false, true)) {
      LOG.log(
          System.Logger.Level.WARNING,
          "more than {0} closed connections wait to leave the registry; further ones stay listed",
          MAX_PENDING);
    }
  }

  /** Closed connections still waiting to leave the registry. */
  int pending() {
    return pending.size();
  }

  /**
   * Unregisters the closed connections whose unregister failed, unless their id lives again (a
   * recovered session, here or on another node). Completes with how many left the registry.
   */
  CompletionStage<Integer> retry() {
    if (pending.isEmpty()) {
      return CompletableFuture.completedFuture(0);
    }
    AtomicInteger removed = new AtomicInteger();
    List<CompletableFuture<Void>> all = new ArrayList<>();
    for (ConnectionId connection : List.copyOf(pending)) {
      if (sessions.find(connection).isPresent()) {
        pending.remove(connection); // live here again: its entry is right
        continue;
      }
      all.add(
          Stages.guard(() -> registry.find(connection))
              .thenCompose(
                  entry ->
                      entry.isPresent() && entry.get().node().equals(node)
                          ? registry
                              .unregister(connection)
                              .thenApply(v -> removed.incrementAndGet())
                          : CompletableFuture.completedFuture(0))
              .handle(
                  (v, failure) -> {
                    if (failure == null) {
                      pending.remove(connection);
                    }
                    return (Void) null;
                  })
              .toCompletableFuture());
    }
    return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
        .thenApply(
            v -> {
              if (removed.get() > 0) {
                LOG.log(
                    System.Logger.Level.INFO,
                    "{0} closed connections left the registry late",
                    removed.get());
              }
              return removed.get();
            });
  }

  /**
   * Registers every connection of this node again, with its current channels, and tells the
   * listeners to restore theirs. Completes with how many were registered.
   */
  CompletionStage<Integer> restore() {
    List<LocalSessions.LocalSession> live = sessions.snapshot();
    AtomicInteger registered = new AtomicInteger();
    List<CompletableFuture<Void>> all = new ArrayList<>(live.size());
    for (LocalSessions.LocalSession session : live) {
      all.add(
          Stages.guard(() -> registry.register(session.info()))
              .thenRun(registered::incrementAndGet)
              .thenCompose(v -> restoredTo(session))
              .exceptionally(
                  e -> {
                    LOG.log(
                        System.Logger.Level.WARNING,
                        "could not register " + session.info().id() + " again",
                        e);
                    return null;
                  })
              .toCompletableFuture());
    }
    return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
        .thenApply(
            v -> {
              LOG.log(
                  System.Logger.Level.WARNING,
                  "the cluster state had lost the connections of this node: {0} of {1} registered again",
                  registered.get(),
                  live.size());
              return registered.get();
            });
  }

  private CompletionStage<Void> restoredTo(LocalSessions.LocalSession session) {
    List<CompletableFuture<Void>> told = new ArrayList<>(listeners.size());
    for (ConnectionListener listener : listeners) {
      told.add(
          Stages.guard(() -> listener.restored(session.principal(), session.info()))
              .exceptionally(
                  e -> {
                    LOG.log(System.Logger.Level.WARNING, "a listener could not restore", e);
                    return null;
                  })
              .toCompletableFuture());
    }
    return CompletableFuture.allOf(told.toArray(CompletableFuture[]::new));
  }
}

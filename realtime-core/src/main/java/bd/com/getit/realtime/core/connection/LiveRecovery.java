package bd.com.getit.realtime.core.connection;

import bd.com.getit.realtime.core.Stages;
import bd.com.getit.realtime.core.session.LocalSessions;
import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.connection.RecoverySession;
import bd.com.getit.realtime.port.out.Clock;
import bd.com.getit.realtime.port.out.RecoveryStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Keeps the recovery session of every live, activated connection of this node in the {@link
 * RecoveryStore} while the connection lives, so that a node that dies without a word (a crash,
 * {@code kill -9}) has already left its sessions behind: each is saved on activation, again when
 * its channels change, and again every third of the window (see {@link #refresh()}), so a session
 * outlives a crash by at least two thirds of the window. The store refuses nothing by itself; the
 * connection service recovers a session only once the registry no longer holds its connection. A
 * failed save is logged and never fails the caller: the next refresh repairs it. Which sessions are
 * kept is the connection service's to say (from activation to disconnect, signed-in users only).
 * Thread-safe.
 */
final class LiveRecovery {
  private static final System.Logger LOG = System.getLogger(LiveRecovery.class.getName());

  private final RecoveryStore store;
  private final LocalSessions sessions;
  private final Clock clock;
  private final Duration window;
  // The connection service's own per-connection state says which sessions are kept and under which
  // pid: a second map of every live connection here cost a node, 32 bytes, per idle socket.
  private final Function<ConnectionId, String> keptPid;
  private final Supplier<List<ConnectionId>> kept;

  /** The last save under way of each connection that has one: the next waits for it. */
  private final Map<ConnectionId, CompletableFuture<Void>> saving = new ConcurrentHashMap<>();

  /**
   * @param keptPid the pid of a connection whose session is kept, null for any other (not yet
   *     activated, a guest's, gone)
   * @param kept every connection whose session is kept now
   */
  LiveRecovery(
      RecoveryStore store,
      LocalSessions sessions,
      Clock clock,
      Duration window,
      Function<ConnectionId, String> keptPid,
      Supplier<List<ConnectionId>> kept) {
    this.keptPid = Objects.requireNonNull(keptPid, "keptPid");
    this.kept = Objects.requireNonNull(kept, "kept");
    this.store = Objects.requireNonNull(store, "store");
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.window = Objects.requireNonNull(window, "window");
  }

  /**
   * Saves the session again with its current channels; a no-op for an untracked connection. The
   * saves of one connection run one after the other, each reading the channels when it starts: the
   * store's calls may run in parallel (a pool of Redis connections), and an activation's save
   * finishing after the save of the join that followed it would leave the join out of the session a
   * crash recovers.
   */
  CompletionStage<Void> save(ConnectionId connection) {
    if (keptPid.apply(connection) == null) {
      return Stages.done();
    }
    CompletableFuture<Void> turn = new CompletableFuture<>();
    CompletableFuture<Void> saved = turn.thenCompose(v -> write(connection));
    CompletableFuture<Void> previous = saving.put(connection, saved);
    saved.whenComplete((v, e) -> saving.remove(connection, saved));
    if (previous == null) {
      turn.complete(null);
    } else {
      previous.whenComplete((v, e) -> turn.complete(null));
    }
    return saved;
  }

  private CompletionStage<Void> write(ConnectionId connection) {
    String pid = keptPid.apply(connection);
    Optional<LocalSessions.LocalSession> found = sessions.find(connection);
    if (pid == null || found.isEmpty()) {
      return Stages.done();
    }
    LocalSessions.LocalSession s = found.get();
    RecoverySession session =
        new RecoverySession(
            pid, connection, s.principal().user(), s.info().channels(), clock.now());
    return Stages.guard(() -> store.save(session, window))
        .exceptionally(
            e -> {
              LOG.log(System.Logger.Level.WARNING, "could not keep a recovery session", e);
              return null;
            });
  }

  /** Saves every tracked session again, restarting its window. Completes with how many. */
  CompletionStage<Integer> refresh() {
    List<ConnectionId> tracked = kept.get();
    List<CompletableFuture<Void>> saves = new ArrayList<>(tracked.size());
    for (ConnectionId connection : tracked) {
      saves.add(save(connection).toCompletableFuture());
    }
    return CompletableFuture.allOf(saves.toArray(CompletableFuture[]::new))
        .thenApply(v -> tracked.size());
  }
}

package bd.com.getit.realtime.adapter.memory;

import static java.util.concurrent.CompletableFuture.completedFuture;

import bd.com.getit.realtime.domain.connection.RecoverySession;
import bd.com.getit.realtime.port.out.Clock;
import bd.com.getit.realtime.port.out.RecoveryStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Recovery sessions of this process, each until its window (measured with the clock) has passed.
 * Thread-safe: a take removes the session atomically, so only one taker gets it. Returns completed
 * stages. Memory: the sessions within their window, plus expired ones until the next sweep: the
 * first save 5 s (by the clock) after the last sweep runs one (see {@link SweepPace}).
 */
public final class InMemoryRecoveryStore implements RecoveryStore {
  private final Clock clock;
  private final ConcurrentHashMap<String, Held> sessions = new ConcurrentHashMap<>();
  private final SweepPace sweeps = new SweepPace(SweepPace.DEFAULT_INTERVAL);

  public InMemoryRecoveryStore(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * A session and the instant it is gone, as its seconds and nanoseconds: one object per session
   * rather than two (every signed-in live socket has one here, see the core's live recovery).
   */
  private record Held(RecoverySession session, long expiresAtSecond, int expiresAtNano) {
    static Held of(RecoverySession session, Instant expiresAt) {
      return new Held(session, expiresAt.getEpochSecond(), expiresAt.getNano());
    }

    /** Whether {@code now} is at or past the end of the window. */
    boolean expiredAt(Instant now) {
      long second = now.getEpochSecond();
      return second > expiresAtSecond
          || (second == expiresAtSecond && now.getNano() >= expiresAtNano);
    }
  }

  @Override
  public CompletionStage<Void> save(RecoverySession session, Duration window) {
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(window, "window");
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window > 0");
    }
    Instant now = clock.now();
    sessions.put(session.pid(), Held.of(session, now.plus(window)));
    if (sweeps.due(now)) {
      sweep(now);
    }
    return completedFuture(null);
  }

  @Override
  public CompletionStage<Optional<RecoverySession>> take(String pid) {
    Objects.requireNonNull(pid, "pid");
    Held held = sessions.remove(pid);
    if (held == null || held.expiredAt(clock.now())) {
      return completedFuture(Optional.empty());
    }
    return completedFuture(Optional.of(held.session()));
  }

  /** Forgets every session whose window has passed by {@code now}. */
  void sweep(Instant now) {
    // Held is immutable: removeIf removes an entry only if it still holds the tested value.
    sessions.values().removeIf(held -> held.expiredAt(now));
  }

  /** How many sessions are held: for tests of the sweep. */
  int size() {
    return sessions.size();
  }
}

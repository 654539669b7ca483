package bd.com.getit.realtime.port.out;

import bd.com.getit.realtime.domain.connection.RecoverySession;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Sessions kept for Socket.IO connection state recovery, by their private id, for a bounded window.
 * Thread-safe; returns at once, completes later.
 */
public interface RecoveryStore {

  /**
   * Keeps the session for {@code window}; then it is gone. Saving a pid again replaces its session
   * and restarts its window (a node renews the sessions of its live connections this way).
   */
  CompletionStage<Void> save(RecoverySession session, Duration window);

  /**
   * Removes and returns the session of {@code pid} if it is still within its window. Atomic: a
   * session is taken at most once, so two reconnects never both recover it.
   */
  CompletionStage<Optional<RecoverySession>> take(String pid);
}

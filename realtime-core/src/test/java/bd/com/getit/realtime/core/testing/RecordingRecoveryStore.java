package bd.com.getit.realtime.core.testing;

import bd.com.getit.realtime.domain.connection.RecoverySession;
import bd.com.getit.realtime.port.out.RecoveryStore;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A recovery store that shows what it holds and the window each session was saved for, and lets a
 * test drop sessions as if they had expired: the memory adapter keeps both to itself and its {@code
 * take} consumes what it returns.
 */
public final class RecordingRecoveryStore implements RecoveryStore {
  public final Map<String, RecoverySession> sessions = new ConcurrentHashMap<>();
  public final Map<String, Duration> windows = new ConcurrentHashMap<>();

  @Override
  public CompletionStage<Void> save(RecoverySession session, Duration window) {
    sessions.put(session.pid(), session);
    windows.put(session.pid(), window);
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletionStage<Optional<RecoverySession>> take(String pid) {
    return CompletableFuture.completedFuture(Optional.ofNullable(sessions.remove(pid)));
  }
}

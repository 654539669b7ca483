package bd.com.getit.realtime.port.out;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * Remembers keys for a while so that a retried event is handled once across the cluster.
 * Thread-safe; returns at once, completes later.
 */
public interface DeduplicationStore {

  /**
   * Completes {@code true} the first time {@code key} is seen within {@code window}, {@code false}
   * for every later sighting in that window. Atomic across callers.
   */
  CompletionStage<Boolean> firstSeen(String key, Duration window);
}

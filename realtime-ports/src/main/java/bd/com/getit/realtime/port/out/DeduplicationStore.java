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

  /**
   * Forgets {@code key}, so that its next sighting is a first one again: a caller that could not
   * finish handling a first sighting releases it, and the retry is not taken for a duplicate.
   * Forgetting an unknown key is harmless.
   */
  CompletionStage<Void> forget(String key);
}

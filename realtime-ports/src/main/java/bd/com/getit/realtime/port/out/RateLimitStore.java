package bd.com.getit.realtime.port.out;

import bd.com.getit.realtime.domain.RateDecision;
import bd.com.getit.realtime.domain.RateLimit;
import java.time.Instant;
import java.util.concurrent.CompletionStage;

/**
 * Counts attempts against a limit, atomically across the cluster: two nodes can never both pass the
 * last permit. Which limit applies to whom is the core's policy; the store only counts.
 * Thread-safe; returns at once, completes later.
 */
public interface RateLimitStore {

  /**
   * Takes one permit of {@code key} under {@code limit} at {@code now}: allowed while fewer than
   * {@code limit.permits()} attempts were allowed in the window ending now; a denied attempt takes
   * no permit and says how long until one frees up.
   */
  CompletionStage<RateDecision> tryAcquire(String key, RateLimit limit, Instant now);
}

package bd.com.getit.realtime.core.testing;

import bd.com.getit.realtime.domain.RateDecision;
import bd.com.getit.realtime.domain.RateLimit;
import bd.com.getit.realtime.port.out.RateLimitStore;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/** Counts permits per key, never forgetting (windows do not slide): enough for unit tests. */
public final class CountingRateLimitStore implements RateLimitStore {
  public final Map<String, Integer> taken = new ConcurrentHashMap<>();

  @Override
  public CompletionStage<RateDecision> tryAcquire(String key, RateLimit limit, Instant now) {
    int used = taken.getOrDefault(key, 0);
    if (used >= limit.permits()) {
      return CompletableFuture.completedFuture(RateDecision.deny(1000));
    }
    taken.put(key, used + 1);
    return CompletableFuture.completedFuture(RateDecision.ALLOW);
  }
}

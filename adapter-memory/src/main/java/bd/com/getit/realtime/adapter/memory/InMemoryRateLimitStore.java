package bd.com.getit.realtime.adapter.memory;

import static java.util.concurrent.CompletableFuture.completedFuture;

import bd.com.getit.realtime.domain.RateDecision;
import bd.com.getit.realtime.domain.RateLimit;
import bd.com.getit.realtime.port.out.RateLimitStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An exact sliding-window log per key: the instants of the allowed attempts still inside the
 * window. Thread-safe (each key is updated atomically) and returns completed stages. Memory: a key
 * holds at most {@code permits} instants; keys whose window has passed are swept out every {@value
 * #SWEEP_EVERY} attempts.
 */
public final class InMemoryRateLimitStore implements RateLimitStore {
  static final int SWEEP_EVERY = 1024;

  private final ConcurrentHashMap<String, Log> logs = new ConcurrentHashMap<>();
  private final Sweeper sweeper = new Sweeper(SWEEP_EVERY);

  @Override
  public CompletionStage<RateDecision> tryAcquire(String key, RateLimit limit, Instant now) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(limit, "limit");
    Objects.requireNonNull(now, "now");
    RateDecision[] decision = new RateDecision[1];
    logs.compute(
        key,
        (k, log) -> {
          Log current = log == null ? new Log() : log;
          decision[0] = current.tryAcquire(limit, now);
          return current.isEmpty() ? null : current;
        });
    if (sweeper.due()) {
      sweep(now);
    }
    return completedFuture(decision[0]);
  }

  /** Drops every key whose newest attempt has left its window at {@code now}. */
  void sweep(Instant now) {
    for (String key : logs.keySet()) {
      logs.computeIfPresent(key, (k, log) -> log.idleAt(now) ? null : log);
    }
  }

  /** How many keys are held: for tests of the sweep. */
  int keys() {
    return logs.size();
  }

  /** The allowed attempts of one key, sorted by time. Guarded by the map's per-key lock. */
  private static final class Log {
    private final List<Instant> attempts = new ArrayList<>();
    private Duration window = Duration.ZERO;

    RateDecision tryAcquire(RateLimit limit, Instant now) {
      window = limit.window();
      Instant cutoff = now.minus(window);
      int expired = 0;
      while (expired < attempts.size() && !attempts.get(expired).isAfter(cutoff)) {
        expired++;
      }
      attempts.subList(0, expired).clear();
      if (attempts.size() < limit.permits()) {
        int at = Collections.binarySearch(attempts, now);
        attempts.add(at < 0 ? -at - 1 : at, now);
        return RateDecision.ALLOW;
      }
      // The attempt that must leave the window before a permit frees up.
      Instant freesAt = attempts.get(attempts.size() - limit.permits()).plus(window);
      return RateDecision.deny(ceilMillis(Duration.between(now, freesAt)));
    }

    boolean isEmpty() {
      return attempts.isEmpty();
    }

    boolean idleAt(Instant now) {
      return attempts.isEmpty() || !attempts.get(attempts.size() - 1).plus(window).isAfter(now);
    }

    private static long ceilMillis(Duration d) {
      return (d.toNanos() + 999_999) / 1_000_000;
    }
  }
}

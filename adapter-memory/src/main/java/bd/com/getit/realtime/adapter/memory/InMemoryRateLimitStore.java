package bd.com.getit.realtime.adapter.memory;

import static java.util.concurrent.CompletableFuture.completedFuture;

import bd.com.getit.realtime.domain.RateDecision;
import bd.com.getit.realtime.domain.RateLimit;
import bd.com.getit.realtime.port.out.RateLimitStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An exact sliding-window log per key: the instants of the allowed attempts still inside the
 * window. Thread-safe (each key is updated atomically) and returns completed stages. Memory: a key
 * holds at most {@code permits} instants; keys whose window has passed are swept out by the first
 * attempt {@link SweepPace#DEFAULT_INTERVAL} (by the attempts' clock) after the last sweep. Swept
 * every so many attempts, as it was, a sweep visited every key held, quadratic over a busy run.
 */
public final class InMemoryRateLimitStore implements RateLimitStore {
  private final ConcurrentHashMap<String, Log> logs = new ConcurrentHashMap<>();
  private final SweepPace sweeps = new SweepPace(SweepPace.DEFAULT_INTERVAL);

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
    if (sweeps.due(now)) {
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

  /**
   * The allowed attempts of one key, sorted by time, as nanoseconds since the epoch in a plain
   * array: an attempt stays a minute, long enough to be copied by every young collection of that
   * minute, so it costs no object of its own. Guarded by the map's per-key lock.
   */
  private static final class Log {
    private long[] attempts = new long[4];
    private int size;
    private long windowNanos;

    RateDecision tryAcquire(RateLimit limit, Instant now) {
      Duration window = limit.window();
      windowNanos = window.toNanos();
      long at = nanos(now);
      long cutoff = at - windowNanos;
      int expired = 0;
      while (expired < size && attempts[expired] <= cutoff) {
        expired++;
      }
      if (expired > 0) {
        System.arraycopy(attempts, expired, attempts, 0, size - expired);
        size -= expired;
      }
      if (size < limit.permits()) {
        int found = Arrays.binarySearch(attempts, 0, size, at);
        insert(found < 0 ? -found - 1 : found, at);
        return RateDecision.ALLOW;
      }
      // The attempt that must leave the window before a permit frees up.
      long freesAt = attempts[size - limit.permits()] + windowNanos;
      return RateDecision.deny(ceilMillis(freesAt - at));
    }

    private void insert(int index, long at) {
      if (size == attempts.length) {
        attempts = Arrays.copyOf(attempts, size * 2);
      }
      System.arraycopy(attempts, index, attempts, index + 1, size - index);
      attempts[index] = at;
      size++;
    }

    boolean isEmpty() {
      return size == 0;
    }

    boolean idleAt(Instant now) {
      return size == 0 || attempts[size - 1] + windowNanos <= nanos(now);
    }

    /** Exact for any instant of this and the next two centuries. */
    private static long nanos(Instant t) {
      return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    private static long ceilMillis(long nanos) {
      return (nanos + 999_999) / 1_000_000;
    }
  }
}

package bd.com.getit.realtime.adapter.memory;

import static java.util.concurrent.CompletableFuture.completedFuture;

import bd.com.getit.realtime.port.out.Clock;
import bd.com.getit.realtime.port.out.DeduplicationStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers keys until their window, measured with the clock, has passed. Thread-safe: a sighting
 * is decided under the map's per-key lock. Returns completed stages. A key is remembered from its
 * first sighting until {@code first + window} (exclusive); later sightings do not extend it.
 * Memory: the keys first seen within their window, plus expired ones until the next sweep: the
 * first sighting 5 s (by the clock) after the last sweep runs one (see {@link SweepPace}).
 */
public final class InMemoryDeduplicationStore implements DeduplicationStore {
  private final Clock clock;
  private final ConcurrentHashMap<String, Instant> expiries = new ConcurrentHashMap<>();
  private final SweepPace sweeps = new SweepPace(SweepPace.DEFAULT_INTERVAL);

  public InMemoryDeduplicationStore(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public CompletionStage<Boolean> firstSeen(String key, Duration window) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(window, "window");
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window > 0");
    }
    Instant now = clock.now();
    boolean[] first = new boolean[1];
    expiries.compute(
        key,
        (k, expiry) -> {
          if (expiry != null && now.isBefore(expiry)) {
            return expiry;
          }
          first[0] = true;
          return now.plus(window);
        });
    if (sweeps.due(now)) {
      sweep(now);
    }
    return completedFuture(first[0]);
  }

  @Override
  public CompletionStage<Void> forget(String key) {
    Objects.requireNonNull(key, "key");
    expiries.remove(key);
    return completedFuture(null);
  }

  /** Forgets every key whose window has passed by {@code now}. */
  void sweep(Instant now) {
    // Instants are immutable: removeIf removes an entry only if it still holds the tested value.
    expiries.values().removeIf(expiry -> !now.isBefore(expiry));
  }

  /** How many keys are held: for tests of the sweep. */
  int keys() {
    return expiries.size();
  }
}

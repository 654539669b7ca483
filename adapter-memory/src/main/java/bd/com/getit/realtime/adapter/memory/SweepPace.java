package bd.com.getit.realtime.adapter.memory;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Says when a store should sweep out its expired entries: at most once per interval of the store's
 * clock. A sweep visits every entry held, so sweeping every so many writes costs work in proportion
 * to the entries held per write (quadratic over a run); paced by time it costs one visit per entry
 * per interval, whatever the write rate. An expired entry then stays at most one interval past its
 * expiry, plus the time until the next write. A clock set back by more than an interval sweeps at
 * once and paces from there, so it never stops the sweeps for the time it went back. Thread-safe:
 * of racing callers, one is told to sweep.
 */
final class SweepPace {
  /**
   * The interval the in-memory stores use: a sweep of 30,000 recovery sessions takes a few
   * milliseconds, so every 5 s it is a tenth of a percent of a core; an expired entry is kept 5 s
   * longer at most.
   */
  static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);

  private final long intervalMillis;

  /** When the next sweep is due, in epoch milliseconds; the first call sweeps. */
  private final AtomicLong next = new AtomicLong(Long.MIN_VALUE);

  SweepPace(Duration interval) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval > 0");
    }
    this.intervalMillis = interval.toMillis();
  }

  /** True when the caller should sweep now, {@code now} being the store's clock. */
  boolean due(Instant now) {
    long at = now.toEpochMilli();
    long due = next.get();
    boolean wentBack = due != Long.MIN_VALUE && at < due - 2 * intervalMillis;
    return (at >= due || wentBack) && next.compareAndSet(due, at + intervalMillis);
  }
}

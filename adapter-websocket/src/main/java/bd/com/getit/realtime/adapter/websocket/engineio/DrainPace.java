package bd.com.getit.realtime.adapter.websocket.engineio;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * How a stopping server closes its sessions: {@code batchSize} at a time, {@code interval} apart,
 * so that the clients' reconnects reach the other nodes spread out rather than as one storm (each
 * official client also waits 0.5 to 1.5 s before its first retry). Batches stop early enough to
 * leave the last ones time to flush: past {@code closeBy}, whatever is left is closed at once.
 *
 * @param batchSize sessions closed together, at least 1
 * @param interval the pause between two batches; zero closes everything at once
 */
public record DrainPace(int batchSize, Duration interval) {
  /** Everything at once, as the Node server does. */
  public static final DrainPace AT_ONCE = new DrainPace(Integer.MAX_VALUE, Duration.ZERO);

  public DrainPace {
    Objects.requireNonNull(interval, "interval");
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1");
    }
    if (interval.isNegative()) {
      throw new IllegalArgumentException("interval must not be negative");
    }
  }

  /** Waits, on the stopping thread. */
  @FunctionalInterface
  interface Pause {
    /** Waits {@code nanos}; returns false when interrupted, to give up pacing. */
    boolean pause(long nanos);

    Pause SLEEP =
        nanos -> {
          try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
            return true;
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
          }
        };
  }

  /**
   * Closes every one of {@code items} in batches; from {@code closeBy} on (in {@code ticks}, a
   * monotonic clock in nanoseconds such as {@link System#nanoTime()}), or once a pause is
   * interrupted, the rest at once. Returns how many batches it took.
   */
  <T> int close(List<T> items, long closeBy, LongSupplier ticks, Pause pause, Consumer<T> close) {
    int batches = 0;
    long intervalNanos = interval.toNanos();
    for (int start = 0; start < items.size(); ) {
      boolean rest = intervalNanos == 0 || ticks.getAsLong() - closeBy >= 0;
      int end = rest ? items.size() : (int) Math.min(items.size(), (long) start + batchSize);
      for (int i = start; i < end; i++) {
        close.accept(items.get(i));
      }
      batches++;
      start = end;
      if (start < items.size()) {
        long wait = Math.min(intervalNanos, closeBy - ticks.getAsLong());
        if (wait > 0 && !pause.pause(wait)) {
          intervalNanos = 0;
        }
      }
    }
    return batches;
  }
}

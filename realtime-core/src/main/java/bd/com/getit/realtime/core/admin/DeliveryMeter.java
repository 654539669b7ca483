package bd.com.getit.realtime.core.admin;

import bd.com.getit.realtime.port.out.Clock;
import java.util.Objects;

/**
 * Counts messages delivered to sockets of this node: in total and per second, averaged over the
 * last minute in one-second buckets. Thread-safe; cheap enough to call once per routed event.
 */
public final class DeliveryMeter {
  private static final int SECONDS = 60;

  private final Clock clock;
  private final long[] counts = new long[SECONDS];
  private final long[] bucketSecond = new long[SECONDS];
  private long total;

  public DeliveryMeter(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    java.util.Arrays.fill(bucketSecond, Long.MIN_VALUE);
  }

  /** Adds {@code delivered} messages at the current time; zero or less adds nothing. */
  public void record(int delivered) {
    if (delivered <= 0) {
      return;
    }
    long second = clock.now().getEpochSecond();
    int slot = (int) Math.floorMod(second, (long) SECONDS);
    synchronized (this) {
      if (bucketSecond[slot] != second) {
        bucketSecond[slot] = second;
        counts[slot] = 0;
      }
      counts[slot] += delivered;
      total += delivered;
    }
  }

  /** Every message counted since start. */
  public synchronized long total() {
    return total;
  }

  /** Messages per second over the last minute, the current second included. */
  public double perSecond() {
    long now = clock.now().getEpochSecond();
    long sum = 0;
    synchronized (this) {
      for (int i = 0; i < SECONDS; i++) {
        if (bucketSecond[i] > now - SECONDS && bucketSecond[i] <= now) {
          sum += counts[i];
        }
      }
    }
    return sum / (double) SECONDS;
  }
}

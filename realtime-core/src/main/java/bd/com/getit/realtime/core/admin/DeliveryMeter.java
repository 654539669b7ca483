package bd.com.getit.realtime.core.admin;

import bd.com.getit.realtime.domain.NodeId;
import bd.com.getit.realtime.domain.cluster.NodeStatus;
import bd.com.getit.realtime.port.out.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.LongConsumer;

/**
 * Counts messages delivered to sockets of this node and how long they took from publication to the
 * sockets' send queues: in total and averaged over the last minute in one-second buckets.
 * Thread-safe; cheap enough to call once per routed event.
 */
public final class DeliveryMeter {
  private static final int SECONDS = 60;

  private final Clock clock;
  private final long[] counts = new long[SECONDS];
  private final long[] latencyMicros = new long[SECONDS];
  private final long[] bucketSecond = new long[SECONDS];
  private long total;
  private volatile LongConsumer latencyObserver = nanos -> {};

  private final Instant startedAt;

  public DeliveryMeter(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.startedAt = clock.now();
    Arrays.fill(bucketSecond, Long.MIN_VALUE);
  }

  /** What {@code node} reports of itself to the cluster: its start and this meter's figures. */
  public NodeStatus status(NodeId node) {
    return new NodeStatus(node, startedAt, perSecond(), averageLatencyMs());
  }

  /**
   * Also hands the latency of every event routed to this node's sockets, in nanoseconds, to {@code
   * observer} (a metrics histogram): once per event, on the thread that routed it, so it must be
   * quick and never block. Events with no latency known are not observed. Replaces any earlier
   * observer.
   */
  public void observeLatency(LongConsumer observer) {
    this.latencyObserver = Objects.requireNonNull(observer, "observer");
  }

  /** Adds {@code delivered} messages with no latency known; zero or less adds nothing. */
  public void record(int delivered) {
    add(delivered, 0);
  }

  /** Adds {@code delivered} messages of one event published at {@code published}. */
  public void recordPublishedAt(int delivered, Instant published) {
    record(delivered, Duration.between(published, clock.now()));
  }

  /**
   * Adds {@code delivered} messages of one event that took {@code latency} from publication to this
   * node's send queues (a negative latency, from clocks of two nodes apart, counts as zero).
   */
  public void record(int delivered, Duration latency) {
    if (delivered <= 0) {
      return;
    }
    long nanos = Math.max(0, latency.toNanos());
    latencyObserver.accept(nanos);
    add(delivered, nanos / 1_000);
  }

  private void add(int delivered, long micros) {
    if (delivered <= 0) {
      return;
    }
    long second = clock.now().getEpochSecond();
    int slot = (int) Math.floorMod(second, (long) SECONDS);
    synchronized (this) {
      if (bucketSecond[slot] != second) {
        bucketSecond[slot] = second;
        counts[slot] = 0;
        latencyMicros[slot] = 0;
      }
      counts[slot] += delivered;
      latencyMicros[slot] += micros * delivered;
      total += delivered;
    }
  }

  /** Every message counted since start. */
  public synchronized long total() {
    return total;
  }

  /** Messages per second over the last minute, the current second included. */
  public double perSecond() {
    return lastMinute()[0] / (double) SECONDS;
  }

  /** Mean latency of the last minute's messages in milliseconds; zero when none. */
  public double averageLatencyMs() {
    long[] sums = lastMinute();
    return sums[0] == 0 ? 0 : sums[1] / 1_000.0 / sums[0];
  }

  /** {messages, latency micros} of the last minute. */
  private long[] lastMinute() {
    long now = clock.now().getEpochSecond();
    long count = 0;
    long micros = 0;
    synchronized (this) {
      for (int i = 0; i < SECONDS; i++) {
        if (bucketSecond[i] > now - SECONDS && bucketSecond[i] <= now) {
          count += counts[i];
          micros += latencyMicros[i];
        }
      }
    }
    return new long[] {count, micros};
  }
}

package bd.com.getit.realtime.bench.scenario;

import bd.com.getit.realtime.bench.client.SioConnection;
import bd.com.getit.realtime.bench.client.SioListener;
import bd.com.getit.realtime.bench.measure.Latency;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * The subscribers' side of a publish scenario: for each event of one name, the latency from its
 * {@code ts} to receipt, and per connection the sequence numbers (one channel per connection, order
 * kept per channel), so that a gap, a duplicate or a reordering is seen.
 */
final class Receivers implements SioListener {

  private static final byte[] SEQ = Scan.ascii("\"seq\":");
  private static final byte[] TS = Scan.ascii("\"ts\":");

  private final byte[] eventPrefix;
  private final Latency latency = new Latency();
  private final LongAdder received = new LongAdder();
  private final LongAdder outOfOrder = new LongAdder();
  private final LongAdder closed = new LongAdder();

  /**
   * @param event the event name counted; others are ignored
   */
  Receivers(String event) {
    this.eventPrefix = Scan.ascii("[\"" + event + "\",");
  }

  @Override
  public void event(SioConnection c, byte[] b, int offset, int length, long receivedNanos) {
    if (!Scan.startsWith(b, offset, length, eventPrefix)) {
      return;
    }
    long seq = Scan.longAfter(b, offset, length, SEQ);
    long ts = Scan.longAfter(b, offset, length, TS);
    if (seq < 0 || ts < 0) {
      return;
    }
    // Sequence numbers start at 0: lastSeq starts at 0 meaning "none yet", so compare seq + 1.
    if (seq + 1 <= c.lastSeq) {
      outOfOrder.increment();
      return;
    }
    c.lastSeq = seq + 1;
    received.increment();
    latency.recordNanos(receivedNanos - ts);
  }

  @Override
  public void closed(SioConnection c, String reason) {
    closed.increment();
  }

  Latency latency() {
    return latency;
  }

  long received() {
    return received.sum();
  }

  long outOfOrder() {
    return outOfOrder.sum();
  }

  /**
   * Waits until {@code expected} events have arrived, or until no progress for {@code
   * stallSeconds}.
   */
  long awaitReceived(long expected, int stallSeconds) throws InterruptedException {
    return await(this::received, expected, stallSeconds);
  }

  static long await(LongSupplier counter, long expected, int stallSeconds)
      throws InterruptedException {
    long last = counter.getAsLong();
    long lastProgress = System.nanoTime();
    while (last < expected) {
      Thread.sleep(20); // polling a counter: nothing to wait on
      long now = counter.getAsLong();
      if (now != last) {
        last = now;
        lastProgress = System.nanoTime();
      } else if (System.nanoTime() - lastProgress > TimeUnit.SECONDS.toNanos(stallSeconds)) {
        break;
      }
    }
    return last;
  }
}

package bd.com.getit.realtime.app;

import static org.assertj.core.api.Assertions.assertThat;

import bd.com.getit.realtime.core.admin.DeliveryMeter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What recording a delivery costs on the hot path: the latency histogram is resolved once, so a
 * recording allocates nothing; the time per recording is printed for docs/operations.md.
 */
class MetricsCostTest {
  private static final int WARM_UP = 200_000;
  private static final int RECORDS = 2_000_000;

  @Test
  void recordingADeliveryLatencyAllocatesNothing() {
    try (ServerMetrics metrics = new ServerMetrics()) {
      Timer timer = metrics.latencyTimer("realtime.cost.test", "test", Tags.empty());
      DeliveryMeter meter = new DeliveryMeter(() -> Instant.EPOCH);
      meter.observeLatency(nanos -> timer.record(nanos, TimeUnit.NANOSECONDS));
      Duration latency = Duration.ofMillis(3);
      for (int i = 0; i < WARM_UP; i++) {
        timer.record(i % 5_000_000, TimeUnit.NANOSECONDS);
      }

      long[] samples = new long[1];
      long allocated =
          allocatedBy(
              () -> {
                for (int i = 0; i < RECORDS; i++) {
                  timer.record(i % 5_000_000, TimeUnit.NANOSECONDS);
                }
              });
      long started = System.nanoTime();
      for (int i = 0; i < RECORDS; i++) {
        timer.record(i % 5_000_000, TimeUnit.NANOSECONDS);
      }
      long nanosPerRecord = (System.nanoTime() - started) / RECORDS;
      samples[0] = nanosPerRecord;

      // The same through the core's meter, as EventRouter calls it once per routed event.
      long viaMeter =
          allocatedBy(
              () -> {
                for (int i = 0; i < RECORDS; i++) {
                  meter.record(1, latency);
                }
              });

      System.out.printf(
          "latency timer: %d ns per record, %.3f bytes allocated per record (timer), %.3f (via"
              + " DeliveryMeter)%n",
          samples[0], allocated / (double) RECORDS, viaMeter / (double) RECORDS);
      // A few bytes in total may come from the JIT or a histogram rotation, never per record.
      assertThat(allocated / (double) RECORDS).isLessThan(0.01);
      assertThat(viaMeter / (double) RECORDS).isLessThan(0.01);
      assertThat(timer.count()).isEqualTo(WARM_UP + 3L * RECORDS);
    }
  }

  private static long allocatedBy(Runnable work) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(id);
    work.run();
    return threads.getThreadAllocatedBytes(id) - before;
  }
}

package bd.com.getit.realtime.bench.measure;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * End-to-end latencies in microseconds, recorded wait-free from any thread and read per interval
 * (one measured phase).
 */
public final class Latency {

  private final Recorder recorder = new Recorder(TimeUnit.MINUTES.toMicros(5), 3);

  public void recordNanos(long nanos) {
    long micros = Math.max(0, nanos / 1000);
    recorder.recordValue(Math.min(micros, TimeUnit.MINUTES.toMicros(5)));
  }

  /** What was recorded since the last call (or since creation); recording goes on. */
  public Histogram interval() {
    return recorder.getIntervalHistogram();
  }

  /** Adds the percentiles of {@code histogram} to {@code report} as {@code <prefix>_p50_ms} etc. */
  public static void report(Report report, String prefix, Histogram histogram) {
    report.put(prefix + "_p50_ms", ms(histogram.getValueAtPercentile(50)), "ms", Report.LOWER);
    report.put(prefix + "_p90_ms", ms(histogram.getValueAtPercentile(90)), "ms", Report.LOWER);
    report.put(prefix + "_p99_ms", ms(histogram.getValueAtPercentile(99)), "ms", Report.LOWER);
    report.put(prefix + "_p999_ms", ms(histogram.getValueAtPercentile(99.9)), "ms", Report.LOWER);
    report.put(prefix + "_max_ms", ms(histogram.getMaxValue()), "ms", Report.LOWER);
  }

  private static double ms(long micros) {
    return micros / 1000.0;
  }
}

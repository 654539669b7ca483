package bd.com.getit.realtime.bench.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether a soak run grew or failed: the trends of heap after GC, RSS, threads and descriptors over
 * the second half of the run (the first half holds the warm-up: JIT, pools, caches filling), and
 * the errors counted. A series grows when its second-half slope is more than {@link
 * #MAX_GROWTH_PER_HOUR} of its level an hour; a run passes with no growth and no error.
 */
public record SoakVerdict(
    Trend heapAfterGc, Trend rss, Trend threads, Trend fds, long errors, List<String> failures) {

  /** The relative growth an hour above which a series counts as growing. */
  public static final double MAX_GROWTH_PER_HOUR = 0.05;

  public SoakVerdict {
    failures = List.copyOf(failures);
  }

  public static SoakVerdict of(List<SoakSample> samples, long errors) {
    if (samples.size() < 4) {
      throw new IllegalArgumentException(
          "a verdict needs at least 4 samples, got " + samples.size());
    }
    List<SoakSample> secondHalf = samples.subList(samples.size() / 2, samples.size());
    Trend heap = Trend.fit(secondHalf, SoakSample::heapAfterGcMib);
    Trend rss = Trend.fit(secondHalf, SoakSample::rssMib);
    Trend threads = Trend.fit(secondHalf, s -> s.threads());
    Trend fds = Trend.fit(secondHalf, s -> s.fds());
    List<String> failures = new ArrayList<>();
    check(failures, "heap after GC", heap);
    check(failures, "RSS", rss);
    check(failures, "threads", threads);
    check(failures, "file descriptors", fds);
    if (errors > 0) {
      failures.add(errors + " errors");
    }
    return new SoakVerdict(heap, rss, threads, fds, errors, failures);
  }

  private static void check(List<String> failures, String name, Trend trend) {
    if (trend.points() >= 2 && trend.relativeSlopePerHour() > MAX_GROWTH_PER_HOUR) {
      failures.add(
          String.format(
              Locale.ROOT,
              "%s grows %.1f %% an hour (%+.2f/h on %.1f)",
              name,
              trend.relativeSlopePerHour() * 100,
              trend.slopePerHour(),
              trend.mean()));
    }
  }

  public boolean passed() {
    return failures.isEmpty();
  }

  /** The verdict for a person: the slopes, then PASS or FAIL with the reasons. */
  public String text() {
    StringBuilder b = new StringBuilder();
    line(b, "heap after GC", heapAfterGc, "MiB");
    line(b, "RSS", rss, "MiB");
    line(b, "threads", threads, "");
    line(b, "file descriptors", fds, "");
    b.append("errors: ").append(errors).append('\n');
    b.append(passed() ? "PASS" : "FAIL: " + String.join("; ", failures)).append('\n');
    return b.toString();
  }

  private static void line(StringBuilder b, String name, Trend t, String unit) {
    b.append(
        String.format(
            Locale.ROOT,
            "%s, second half: mean %.1f %s, slope %+.2f %s/h (%+.2f %%/h)%n",
            name,
            t.mean(),
            unit,
            t.slopePerHour(),
            unit,
            t.relativeSlopePerHour() * 100));
  }
}

package bd.com.getit.realtime.bench.measure;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * A short text summary of a JFR recording's execution samples: where the CPU went by thread group,
 * the hottest methods by own time, and the project's own methods by inclusive time. Thread names
 * are grouped by replacing digits, so the 2 selector threads count as one line.
 */
public final class JfrSummary {
  private static final String PROJECT = "bd.com.getit.realtime.";

  private JfrSummary() {}

  /** Prints the summary of {@code recording} with the top {@code limit} lines per table. */
  public static void print(Path recording, int limit, PrintStream out) throws IOException {
    Map<String, Integer> threads = new HashMap<>();
    Map<String, Integer> self = new HashMap<>();
    Map<String, Integer> inclusive = new HashMap<>();
    int samples = 0;
    try (RecordingFile file = new RecordingFile(recording)) {
      while (file.hasMoreEvents()) {
        RecordedEvent event = file.readEvent();
        if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
          continue;
        }
        RecordedStackTrace stack = event.getStackTrace();
        if (stack == null || stack.getFrames().isEmpty()) {
          continue;
        }
        samples++;
        RecordedThread thread = event.getThread("sampledThread");
        String name = thread == null ? "?" : String.valueOf(thread.getJavaName());
        threads.merge(name.replaceAll("\\d+", "N"), 1, Integer::sum);
        List<RecordedFrame> frames = stack.getFrames();
        self.merge(method(frames.get(0)), 1, Integer::sum);
        Set<String> seen = new HashSet<>();
        for (RecordedFrame frame : frames) {
          String m = method(frame);
          if (m.startsWith(PROJECT) && seen.add(m)) {
            inclusive.merge(m, 1, Integer::sum);
          }
        }
      }
    }
    out.printf(Locale.ROOT, "%d execution samples in %s%n", samples, recording.getFileName());
    table(out, "by thread", threads, samples, limit);
    table(out, "hottest methods (own time)", self, samples, limit);
    table(out, "project methods (inclusive)", inclusive, samples, limit);
  }

  private static String method(RecordedFrame frame) {
    // Lambda classes carry a hash per JVM run: one name for all, so runs compare.
    String type =
        frame.getMethod().getType().getName().replaceAll("\\$\\$Lambda.*", "\\$\\$Lambda");
    return type + "." + frame.getMethod().getName();
  }

  private static void table(
      PrintStream out, String title, Map<String, Integer> counts, int samples, int limit) {
    out.println("  " + title + ":");
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
        .limit(limit)
        .forEach(
            e ->
                out.printf(
                    Locale.ROOT,
                    "    %5.1f%%  %s%n",
                    samples == 0 ? 0.0 : 100.0 * e.getValue() / samples,
                    e.getKey().replace(PROJECT, "")));
  }
}

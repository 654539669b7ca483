import java.nio.file.*;
import java.time.Instant;
import java.util.*;
import jdk.jfr.consumer.*;

/**
 * A JFR recording of a server under one {@code realtime-bench chat} run, summarised over the
 * bench's own window: from its {@code join_refused} line (the warm-up starts) to its {@code sent}
 * line (the measured phase ends), read from the bench's output with each line prefixed by the epoch
 * time in seconds ({@code | while IFS= read -r l; do echo "$(date +%s.%N) $l"; done}). Prints the
 * allocation per message (every thread's {@code jdk.ThreadAllocationStatistics}, which the
 * recording must take every second), the collections in the window, the CPU samples by thread,
 * own time and inclusive, and the sampled allocation ({@code jdk.ObjectAllocationSample}) by
 * inclusive method, by class and by allocating site (the first two project frames).
 *
 * <pre>
 * java realtime-bench/scripts/JfrWindow.java x.jfr bench.log 80000 [top]
 * </pre>
 *
 * (80,000: a 1,000-pair chat run's 20,000 warm-up and 60,000 measured messages.)
 */
public class JfrWindow {
  public static void main(String[] a) throws Exception {
    double start = 0, end = 0;
    for (String l : Files.readAllLines(Path.of(a[1]))) {
      String[] p = l.trim().split("\\s+");
      if (p.length > 1 && p[1].equals("join_refused")) start = Double.parseDouble(p[0]);
      if (p.length > 1 && p[1].equals("sent")) end = Double.parseDouble(p[0]);
    }
    long messages = Long.parseLong(a[2]);
    int top = a.length > 3 ? Integer.parseInt(a[3]) : 25;
    Instant s = Instant.ofEpochMilli((long) (start * 1000)), e = Instant.ofEpochMilli((long) (end * 1000));
    Map<String, TreeMap<Instant, Long>> alloc = new HashMap<>();
    Map<String, Double> self = new HashMap<>(), incl = new HashMap<>(), allocIncl = new HashMap<>(), allocType = new HashMap<>(), threads = new HashMap<>(), site = new HashMap<>();
    int samples = 0; double allocTotal = 0; int gcs = 0; double gcPause = 0;
    try (RecordingFile f = new RecordingFile(Path.of(a[0]))) {
      while (f.hasMoreEvents()) {
        RecordedEvent ev = f.readEvent();
        String n = ev.getEventType().getName();
        if (n.equals("jdk.ThreadAllocationStatistics")) {
          RecordedThread t = ev.getThread("thread");
          String tn = t == null ? "?" : t.getJavaName() + "#" + t.getJavaThreadId();
          alloc.computeIfAbsent(tn, k -> new TreeMap<>()).put(ev.getStartTime(), ev.getLong("allocated"));
          continue;
        }
        Instant t = ev.getStartTime();
        if (t.isBefore(s) || t.isAfter(e)) continue;
        if (n.equals("jdk.GarbageCollection")) { gcs++; gcPause += ev.getDuration().toNanos() / 1e6; }
        if (n.equals("jdk.ExecutionSample")) {
          samples++;
          RecordedThread th = ev.getThread("sampledThread");
          threads.merge(th == null ? "?" : th.getJavaName() == null ? "?" : th.getJavaName().replaceAll("[0-9]+", "N"), 1.0, Double::sum);
          walk(ev.getStackTrace(), 1.0, self, incl);
        }
        if (n.equals("jdk.ObjectAllocationSample")) {
          double w = ev.getLong("weight");
          allocTotal += w;
          allocType.merge(ev.getClass("objectClass").getName(), w, Double::sum);
          site.merge(site(ev.getStackTrace()) + "  " + ev.getClass("objectClass").getName(), w, Double::sum);
          walk(ev.getStackTrace(), w, null, allocIncl);
        }
      }
    }
    long total = 0;
    Map<String, Long> byThread = new TreeMap<>();
    for (var en : alloc.entrySet()) {
      var lo = en.getValue().floorEntry(s); var hi = en.getValue().floorEntry(e);
      long d = (hi == null ? 0 : hi.getValue()) - (lo == null ? 0 : lo.getValue());
      total += d; byThread.merge(en.getKey().replaceAll("[0-9]+", "N"), d, Long::sum);
    }
    System.out.printf("window %.1f s; allocated %.2f KB/message (ThreadAllocationStatistics); GCs %d, pause %.1f ms total%n", end - start, total / 1024.0 / messages, gcs, gcPause);
    byThread.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(6).forEach(x -> System.out.printf("   %8.2f KB/msg  %s%n", x.getValue() / 1024.0 / messages, x.getKey()));
    System.out.printf("%d execution samples; threads:%n", samples);
    print(threads, samples, 6);
    System.out.println("self:"); print(self, samples, top);
    System.out.println("inclusive:"); print(incl, samples, top);
    System.out.println("allocation inclusive (sampled weight):"); print(allocIncl, allocTotal, top);
    System.out.println("allocation by class:"); print(allocType, allocTotal, top);
    System.out.println("allocation by site:"); print(site, allocTotal, 2 * top);
  }
  static void walk(RecordedStackTrace st, double w, Map<String, Double> self, Map<String, Double> incl) {
    if (st == null) return;
    Set<String> seen = new HashSet<>();
    List<RecordedFrame> fr = st.getFrames();
    for (int i = 0; i < fr.size(); i++) {
      RecordedMethod m = fr.get(i).getMethod();
      String nm = m == null ? "?" : m.getType().getName().replace("bd.com.getit.realtime.", "") + "." + m.getName();
      if (i == 0 && self != null) self.merge(nm, w, Double::sum);
      if (seen.add(nm)) incl.merge(nm, w, Double::sum);
    }
  }
  static String site(RecordedStackTrace st) {
    if (st == null) return "?";
    StringBuilder sb = new StringBuilder();
    int n = 0;
    for (RecordedFrame f : st.getFrames()) {
      RecordedMethod m = f.getMethod();
      if (m == null) continue;
      String t = m.getType().getName();
      if (t.startsWith("bd.com")) {
        sb.append(n++ == 0 ? "" : " < ").append(t.replace("bd.com.getit.realtime.", "")).append('.').append(m.getName()).append(':').append(f.getLineNumber());
        if (n == 2) break;
      }
    }
    return sb.toString();
  }
  static void print(Map<String, Double> m, double total, int top) {
    m.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(top)
        .forEach(x -> System.out.printf("   %5.1f%%  %s%n", 100 * x.getValue() / total, x.getKey()));
  }
}

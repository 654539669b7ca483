package bd.com.getit.realtime.bench.measure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CPU time and memory of a process, read from {@code /proc/<pid>}: {@code stat} for user and system
 * time, {@code status} for the resident set (VmRSS) and its peak (VmHWM).
 */
public final class ProcStats {

  /** USER_HZ: the unit of the times in {@code /proc/<pid>/stat}; 100 on every Linux we run on. */
  private static final long TICKS_PER_SECOND = Long.getLong("bench.clkTck", 100);

  private final List<Long> pids;

  /** Sums the given processes (the nodes of a cluster). */
  public ProcStats(List<Long> pids) {
    this.pids = List.copyOf(pids);
  }

  public static ProcStats self() {
    return new ProcStats(List.of(ProcessHandle.current().pid()));
  }

  public boolean isEmpty() {
    return pids.isEmpty();
  }

  /** User plus system CPU time, in nanoseconds. */
  public long cpuNanos() {
    long ticks = 0;
    for (long pid : pids) {
      String stat = read(pid, "stat");
      // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
    }
    return ticks * (1_000_000_000L / TICKS_PER_SECOND);
  }

  /** Resident set size now, in bytes. */
  public long rssBytes() {
    return statusKilobytes("VmRSS:") * 1024;
  }

  /** Peak resident set size, in bytes. */
  public long peakRssBytes() {
    return statusKilobytes("VmHWM:") * 1024;
  }

  private long statusKilobytes(String field) {
    long total = 0;
    for (long pid : pids) {
      for (String line : read(pid, "status").split("\n")) {
        if (line.startsWith(field)) {
          total += Long.parseLong(line.substring(field.length()).replace("kB", "").trim());
        }
      }
    }
    return total;
  }

  private static String read(long pid, String file) {
    try {
      return Files.readString(Path.of("/proc", Long.toString(pid), file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read /proc/" + pid + "/" + file, e);
    }
  }
}

package bd.com.getit.realtime.bench.soak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What a soak run samples of the server process: resident set, threads and open descriptors from
 * {@code /proc/<pid>}, heap and gauges from its Prometheus page ({@code GET /metrics}), and the
 * heap after a full GC, forced with the {@code GC.run} diagnostic command (a young collection alone
 * says nothing of the old generation, where a leak would accumulate).
 *
 * <p>The command goes over the JDK's attach mechanism from this JVM when {@code --add-exports
 * jdk.attach/sun.tools.attach=ALL-UNNAMED} is given (as {@code soak.sh} does): spawning {@code
 * jcmd}, a JVM of its own, every minute costs the shared machine a second of CPU and showed as a
 * latency spike in every sample that had one. Without it, {@code jcmd} is spawned.
 */
public final class ServerProbe {

  private final long pid;
  private final URI metrics;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  public ServerProbe(long pid, String baseUrl) {
    this.pid = pid;
    this.metrics = URI.create(baseUrl + "/metrics");
  }

  public long rssBytes() {
    return statusValue("VmRSS:") * 1024;
  }

  public int threads() {
    return (int) statusValue("Threads:");
  }

  public int openFds() {
    try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
      return (int) fds.count();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list /proc/" + pid + "/fd", e);
    }
  }

  private long statusValue(String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith(field)) {
          return Long.parseLong(line.substring(field.length()).replace("kB", "").trim());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read /proc/" + pid + "/status", e);
    }
    throw new IllegalStateException("no " + field + " in /proc/" + pid + "/status");
  }

  /** The Prometheus page now. */
  public Metrics scrape() throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(10)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("GET " + metrics + " answered " + response.statusCode());
    }
    return new Metrics(response.body());
  }

  /**
   * Forces a full GC in the server ({@code jcmd <pid> GC.run}, from this JVM's JDK) and returns the
   * heap used right after it, in bytes; NaN when jcmd is missing or fails.
   */
  public double heapAfterFullGcBytes() throws InterruptedException {
    try {
      if (attached() && gcOverAttach()) {
        return scrape().sum("jvm_memory_used_bytes", "area=\"heap\"");
      }
    } catch (IOException e) {
      return Double.NaN;
    }
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    try {
      Process process =
          new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.run")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        return Double.NaN;
      }
      return scrape().sum("jvm_memory_used_bytes", "area=\"heap\"");
    } catch (IOException e) {
      return Double.NaN;
    }
  }

  private Object vm;
  private java.lang.reflect.Method executeJcmd;
  private boolean attachFailed;

  private boolean attached() {
    if (vm != null || attachFailed) {
      return vm != null;
    }
    try {
      Object machine = com.sun.tools.attach.VirtualMachine.attach(Long.toString(pid));
      Class<?> hotspot = Class.forName("sun.tools.attach.HotSpotVirtualMachine");
      executeJcmd = hotspot.getMethod("executeJCmd", String.class);
      vm = machine;
      return true;
    } catch (Exception | LinkageError e) {
      attachFailed = true;
      System.out.println("  # GC.run over attach unavailable (" + e + "): spawning jcmd instead");
      return false;
    }
  }

  private boolean gcOverAttach() {
    try (java.io.InputStream out = (java.io.InputStream) executeJcmd.invoke(vm, "GC.run")) {
      out.readAllBytes();
      return true;
    } catch (Exception e) {
      System.out.println("  # GC.run over attach failed: " + e);
      return false;
    }
  }

  /** A Prometheus text page, read by metric name. */
  public record Metrics(String text) {

    /**
     * The sum of the samples of {@code name} (exactly that name, any labels) whose labels contain
     * {@code labelFilter} (e.g. {@code area="heap"}; empty for all); 0 when there is none.
     */
    public double sum(String name, String labelFilter) {
      double total = 0;
      for (String line : text.split("\n")) {
        if (line.startsWith("#") || !line.startsWith(name)) {
          continue;
        }
        int rest = name.length();
        if (rest < line.length() && line.charAt(rest) != '{' && line.charAt(rest) != ' ') {
          continue; // a longer name with this prefix
        }
        int brace = line.indexOf('}');
        String labels = line.charAt(rest) == '{' && brace > 0 ? line.substring(rest, brace) : "";
        if (!labels.contains(labelFilter)) {
          continue;
        }
        String[] parts = line.substring(brace > 0 ? brace + 1 : rest).trim().split(" ");
        total += Double.parseDouble(parts[0]);
      }
      return total;
    }
  }
}

package bd.com.getit.realtime.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's arithmetic (rates, percentiles from histogram buckets) under Node's own test
 * runner ({@code src/test/js/dashboard-metrics.test.mjs}), with figures a browser test cannot
 * provoke: the server registers no latency timer with buckets today.
 */
class DashboardScriptIT {
  @Test
  void ratesAndPercentilesAreComputedFromSnapshotDifferences() throws Exception {
    Path script = Path.of("src", "test", "js", "dashboard-metrics.test.mjs").toAbsolutePath();
    Process node =
        new ProcessBuilder("node", "--test", script.toString()).redirectErrorStream(true).start();
    String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(node.waitFor(60, TimeUnit.SECONDS)).as(output).isTrue();
    assertThat(node.exitValue()).as(output).isZero();
    assertThat(output).contains("# pass 5", "# fail 0");
  }
}

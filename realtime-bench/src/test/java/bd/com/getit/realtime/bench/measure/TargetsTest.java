package bd.com.getit.realtime.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import bd.com.getit.realtime.bench.measure.Targets.Rule;
import bd.com.getit.realtime.bench.measure.Targets.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetsTest {

  @Test
  void aRatioTargetIsMetAtTheLimitAndMissedJustAbove() {
    Rule half = new Rule.RatioAtMost(0.5);
    assertThat(Targets.judge(half, 50.0, 100.0)).isEqualTo(Verdict.MET);
    assertThat(Targets.judge(half, 50.1, 100.0)).isEqualTo(Verdict.MISSED);
    assertThat(Targets.judge(half, 50.0, null)).isEqualTo(Verdict.NOT_MEASURED);
    assertThat(Targets.judge(half, null, 100.0)).isEqualTo(Verdict.NOT_MEASURED);
  }

  @Test
  void aCappedNoWorseTargetNeedsBothTheBaselineAndTheCap() {
    Rule capped = new Rule.NoWorse(Optional.of(5.0));
    assertThat(Targets.judge(capped, 4.0, 4.5)).isEqualTo(Verdict.MET);
    assertThat(Targets.judge(capped, 4.0, 3.0)).isEqualTo(Verdict.MISSED);
    assertThat(Targets.judge(capped, 6.0, 9.0)).isEqualTo(Verdict.MISSED);
  }

  @Test
  void absoluteAndZeroTargetsIgnoreTheBaseline() {
    assertThat(Targets.judge(new Rule.AtMost(10), 9.9, null)).isEqualTo(Verdict.MET);
    assertThat(Targets.judge(new Rule.AtMost(10), 10.1, 1.0)).isEqualTo(Verdict.MISSED);
    assertThat(Targets.judge(new Rule.Zero(), 0.0, null)).isEqualTo(Verdict.MET);
    assertThat(Targets.judge(new Rule.Zero(), 1.0, 0.0)).isEqualTo(Verdict.MISSED);
    assertThat(Targets.judge(new Rule.SideBySide(), 1.0, 2.0)).isEqualTo(Verdict.SHOWN);
  }

  @Test
  void theTableJudgesEachTargetFromTheResultsFile(@TempDir Path dir) throws Exception {
    Path results = dir.resolve("results.tsv");
    Files.writeString(
        results,
        String.join(
            "\n",
            "java\tchat\tserver_cpu_per_msg_us\t60\tus\tlower",
            "node\tchat\tserver_cpu_per_msg_us\t150\tus\tlower",
            "java\tchat\tack_p99_ms\t9.7\tms\tlower",
            "node\tchat\tack_p99_ms\t3.6\tms\tlower",
            "java\tconnections\trss_per_socket_kib\t11.5\tKiB\tlower",
            "not\ta\tresult"));

    String table = Targets.markdown(results, "java", "node");

    assertThat(table)
        .contains("| chat: CPU per message | <= 0.50 x baseline | 60 | 150 | 0.40 | **met** |")
        .contains(
            "| chat: ack p99 (and at most 5 ms) | <= baseline, <= 5 | 9.70 | 3.60 | 2.69 | missed |")
        .contains("| RSS per idle socket at 19,000 (KiB) | <= 10 | 11.5 | - | - | missed |")
        .contains("| CPU per handshake (warm) | <= 0.50 x baseline | - | - | - | not measured |")
        .contains("1 of 3 judged targets met.");
  }
}

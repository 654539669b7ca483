package bd.com.getit.realtime.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerProbeTest {

  private static final String PAGE =
      String.join(
          "\n",
          "# HELP jvm_memory_used_bytes The amount of used memory",
          "# TYPE jvm_memory_used_bytes gauge",
          "jvm_memory_used_bytes{application=\"realtime\",area=\"heap\",id=\"PS Eden Space\"} 1.5E7",
          "jvm_memory_used_bytes{application=\"realtime\",area=\"heap\",id=\"PS Old Gen\"} 5000000.0",
          "jvm_memory_used_bytes{application=\"realtime\",area=\"nonheap\",id=\"Metaspace\"} 9.0E7",
          "jvm_memory_used_bytes_total 7",
          "realtime_sockets{application=\"realtime\"} 2000.0",
          "realtime_sockets_extra 5",
          "");

  @Test
  void sumsTheSamplesOfOneNameWhoseLabelsMatch() {
    ServerProbe.Metrics metrics = new ServerProbe.Metrics(PAGE);

    assertThat(metrics.sum("jvm_memory_used_bytes", "area=\"heap\"")).isEqualTo(2.0E7);
    assertThat(metrics.sum("jvm_memory_used_bytes", "")).isEqualTo(1.1E8);
    assertThat(metrics.sum("realtime_sockets", "")).isEqualTo(2000);
    assertThat(metrics.sum("realtime_client_events_waiting", "")).isZero();
  }
}

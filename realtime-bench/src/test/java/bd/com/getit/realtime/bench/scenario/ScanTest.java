package bd.com.getit.realtime.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ScanTest {

  private static final byte[] SEQ = Scan.ascii("\"seq\":");

  @Test
  void readsTheNumberAfterTheFirstKeyWithinTheRange() {
    byte[] b =
        "xx[\"bench_tick\",{\"id\":\"e1\",\"data\":{\"seq\":1234,\"ts\":99}}]"
            .getBytes(StandardCharsets.UTF_8);
    assertThat(Scan.longAfter(b, 2, b.length - 2, SEQ)).isEqualTo(1234);
    assertThat(Scan.longAfter(b, 2, b.length - 2, Scan.ascii("\"ts\":"))).isEqualTo(99);
    assertThat(Scan.startsWith(b, 2, b.length - 2, Scan.ascii("[\"bench_tick\","))).isTrue();
    assertThat(Scan.startsWith(b, 0, b.length, Scan.ascii("[\"bench_tick\","))).isFalse();
  }

  @Test
  void reportsAMissingOrNonNumericValueAsMinusOne() {
    byte[] b = "{\"seq\":\"x\",\"ts\":5}".getBytes(StandardCharsets.UTF_8);
    assertThat(Scan.longAfter(b, 0, b.length, SEQ)).isEqualTo(-1);
    assertThat(Scan.longAfter(b, 0, 4, Scan.ascii("\"ts\":"))).isEqualTo(-1);
  }
}

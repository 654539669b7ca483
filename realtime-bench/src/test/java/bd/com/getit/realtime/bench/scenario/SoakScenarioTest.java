package bd.com.getit.realtime.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SoakScenarioTest {

  private static String last(String packet) {
    byte[] b = ("xx" + packet).getBytes(StandardCharsets.UTF_8);
    return SoakScenario.lastStringArgument(b, 2, b.length - 2);
  }

  @Test
  void readsTheRecoveryOffsetAfterTheEventsArguments() {
    assertThat(last("[\"bench_tick\",{\"data\":{\"seq\":3}},\"1733-0-42\"]"))
        .isEqualTo("1733-0-42");
  }

  @Test
  void findsNoOffsetWhenTheLastArgumentIsNotAString() {
    assertThat(last("[\"authenticated\",{\"user_id\":\"u1\"}]")).isNull();
    assertThat(last("[\"message\",{\"text\":\"a\"},12]")).isNull();
    assertThat(last("[\"x\"]")).isNull();
  }
}

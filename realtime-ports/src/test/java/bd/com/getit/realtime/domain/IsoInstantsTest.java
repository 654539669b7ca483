package bd.com.getit.realtime.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoInstantsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1970-01-01T00:00:00Z",
        "2026-12-07T18:03:04Z",
        "2026-12-07T18:03:04.100Z",
        "2026-12-07T18:03:04.000100Z",
        "2026-12-07T18:03:04.000000100Z",
        "2026-12-07T18:03:04.123456789Z",
        "2024-02-29T23:59:59.999Z",
        "2000-03-01T00:00:00.000001Z",
        "9999-12-31T23:59:59.999999999Z",
        "1969-12-31T23:59:59.500Z",
        "+10000-01-01T00:00:00Z",
        "-0001-06-15T12:00:00Z"
      })
  void writesWhatInstantToStringWrites(String text) {
    Instant instant = Instant.parse(text);

    assertThat(IsoInstants.format(instant)).isEqualTo(instant.toString()).isEqualTo(text);
    assertThat(appended(instant)).isEqualTo(text);
  }

  private static String appended(Instant instant) {
    StringBuilder out = new StringBuilder("x");
    IsoInstants.appendTo(instant, out);
    return out.substring(1);
  }

  @Test
  void agreesWithInstantToStringOnRandomInstants() {
    SplittableRandom random = new SplittableRandom(12);
    for (int i = 0; i < 100_000; i++) {
      long seconds = random.nextLong(-100_000_000_000L, 300_000_000_000L);
      int nanos =
          switch (i % 4) {
            case 0 -> 0;
            case 1 -> random.nextInt(1_000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1_000;
            default -> random.nextInt(1_000_000_000);
          };
      Instant instant = Instant.ofEpochSecond(seconds, nanos);

      assertThat(IsoInstants.format(instant)).isEqualTo(instant.toString());
      assertThat(appended(instant)).isEqualTo(instant.toString());
    }
  }
}

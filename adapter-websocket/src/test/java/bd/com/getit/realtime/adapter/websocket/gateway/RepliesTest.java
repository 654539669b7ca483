package bd.com.getit.realtime.adapter.websocket.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RepliesTest {

  @Test
  void timestampIsWhatInstantWrites() {
    List<Instant> edges =
        List.of(
            Instant.EPOCH,
            Instant.parse("2026-12-07T17:45:00Z"),
            Instant.parse("2026-12-07T17:45:00.100Z"),
            Instant.parse("2026-12-07T17:45:01.000123Z"),
            Instant.parse("2026-12-07T17:45:01.000000001Z"),
            Instant.parse("2026-12-07T00:00:00.999999999Z"),
            Instant.parse("9999-12-31T23:59:59.5Z"),
            Instant.parse("+10000-01-01T00:00:00Z"),
            Instant.parse("1969-12-31T23:59:59.9Z"));
    for (Instant t : edges) {
      assertThat(Replies.timestamp(t)).isEqualTo(t.toString());
    }
  }

  @Test
  void timestampAgreesWithInstantOnRandomTimes() {
    Random random = new Random(5);
    Instant base = Instant.parse("2026-12-07T17:45:00Z");
    for (int i = 0; i < 100_000; i++) {
      // Many in the same seconds (the cached date), some days apart, every fraction width.
      long seconds = random.nextInt(4) == 0 ? random.nextInt(400_000_000) : random.nextInt(3);
      int nanos =
          switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1000;
            default -> random.nextInt(1_000_000_000);
          };
      Instant t = base.plusSeconds(seconds).plusNanos(nanos);
      assertThat(Replies.timestamp(t)).isEqualTo(t.toString());
    }
  }
}

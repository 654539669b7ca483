package bd.com.getit.realtime.adapter.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SweepPaceTest {
  private static final Instant T0 = Instant.parse("2026-12-07T18:00:00Z");

  @Test
  void theFirstCallSweepsThenOncePerInterval() {
    SweepPace pace = new SweepPace(Duration.ofSeconds(1));

    assertThat(pace.due(T0)).isTrue();
    assertThat(pace.due(T0)).isFalse();
    assertThat(pace.due(T0.plusMillis(999))).isFalse();
    assertThat(pace.due(T0.plusSeconds(1))).isTrue();
    assertThat(pace.due(T0.plusMillis(1_500))).isFalse();
    assertThat(pace.due(T0.plusSeconds(5))).isTrue();
  }

  @Test
  void aClockSetBackFarSweepsAtOnceAndPacesFromThere() {
    SweepPace pace = new SweepPace(Duration.ofSeconds(1));
    assertThat(pace.due(T0)).isTrue();

    Instant back = T0.minus(Duration.ofHours(1));
    assertThat(pace.due(back)).isTrue();
    assertThat(pace.due(back.plusMillis(500))).isFalse();
    assertThat(pace.due(back.plusSeconds(1))).isTrue();
  }

  @Test
  void aClockSetBackALittleWaitsForTheIntervalAsBefore() {
    SweepPace pace = new SweepPace(Duration.ofSeconds(1));
    assertThat(pace.due(T0)).isTrue();

    assertThat(pace.due(T0.minusMillis(500))).isFalse();
    assertThat(pace.due(T0.plusSeconds(1))).isTrue();
  }

  @Test
  void refusesAnIntervalThatIsNotPositive() {
    assertThatThrownBy(() -> new SweepPace(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("interval > 0");
  }
}

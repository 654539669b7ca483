package bd.com.getit.realtime.adapter.websocket.engineio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A stopping server closes its sessions in batches, and never past the time it must leave. */
class DrainPaceTest {
  private static final long MS = 1_000_000L;

  /** A clock that moves only when the drain pauses; records each close with its time. */
  private static final class Recorder {
    long now;
    final List<String> closes = new ArrayList<>();
    final List<Long> pauses = new ArrayList<>();

    boolean pause(long nanos) {
      pauses.add(nanos);
      now += nanos;
      return true;
    }

    void close(String session) {
      closes.add(session + "@" + now / MS);
    }
  }

  private static List<String> sessions(int n) {
    return IntStream.range(0, n).mapToObj(i -> "s" + i).toList();
  }

  @Test
  void closesBatchSizeAtATimeIntervalApart() {
    Recorder r = new Recorder();
    int batches =
        new DrainPace(2, Duration.ofMillis(100))
            .close(sessions(5), 10_000 * MS, () -> r.now, r::pause, r::close);

    assertThat(batches).isEqualTo(3);
    assertThat(r.closes).containsExactly("s0@0", "s1@0", "s2@100", "s3@100", "s4@200");
    assertThat(r.pauses).containsExactly(100 * MS, 100 * MS);
  }

  @Test
  void whatIsLeftAtCloseByIsClosedAtOnce() {
    Recorder r = new Recorder();
    int batches =
        new DrainPace(1, Duration.ofMillis(100))
            .close(sessions(6), 250 * MS, () -> r.now, r::pause, r::close);

    // batches at 0, 100 and 200 ms; the pause before the fourth is cut to 50 ms, then the rest
    assertThat(r.closes).containsExactly("s0@0", "s1@100", "s2@200", "s3@250", "s4@250", "s5@250");
    assertThat(batches).isEqualTo(4);
  }

  @Test
  void atOnceAndAZeroIntervalNeverPause() {
    Recorder r = new Recorder();
    DrainPace.AT_ONCE.close(sessions(1_000), 0, () -> r.now, r::pause, r::close);
    new DrainPace(10, Duration.ZERO)
        .close(sessions(30), 10_000 * MS, () -> r.now, r::pause, r::close);

    assertThat(r.closes).hasSize(1_030).allMatch(c -> c.endsWith("@0"));
    assertThat(r.pauses).isEmpty();
  }

  @Test
  void anInterruptedPauseClosesTheRestAtOnce() {
    List<String> closed = new ArrayList<>();
    int batches =
        new DrainPace(2, Duration.ofMillis(100))
            .close(sessions(7), 10_000 * MS, () -> 0L, nanos -> false, closed::add);

    assertThat(closed).hasSize(7);
    assertThat(batches).isEqualTo(2);
  }

  @Test
  void nothingToCloseIsNoBatch() {
    assertThat(
            new DrainPace(5, Duration.ofMillis(100))
                .close(List.of(), 0, () -> 0L, nanos -> true, s -> {}))
        .isZero();
  }

  @Test
  void refusesAnEmptyBatchOrANegativeInterval() {
    assertThatThrownBy(() -> new DrainPace(0, Duration.ofMillis(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DrainPace(1, Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

package bd.com.getit.realtime.adapter.memory;

import static bd.com.getit.realtime.testkit.Stages.join;
import static org.assertj.core.api.Assertions.assertThat;

import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.connection.RecoverySession;
import bd.com.getit.realtime.port.out.Clock;
import bd.com.getit.realtime.port.out.RecoveryStore;
import bd.com.getit.realtime.testkit.MutableClock;
import bd.com.getit.realtime.testkit.contract.RecoveryStoreContract;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InMemoryRecoveryStoreTest extends RecoveryStoreContract {
  private static final int HELD = 500;

  @Override
  protected RecoveryStore newStore(Clock clock) {
    return new InMemoryRecoveryStore(clock);
  }

  private static RecoverySession session(String pid, MutableClock time) {
    return new RecoverySession(
        pid, ConnectionId.of("sid-" + pid), UserId.of("alice"), Set.of(), time.now());
  }

  @Test
  void aSessionEndsExactlyAtTheEndOfItsWindowToTheNanosecond() {
    Duration window = Duration.ofSeconds(1).plusNanos(999_999_999); // crosses a second boundary
    MutableClock time = new MutableClock(MutableClock.DEFAULT_START.plusNanos(500_000_001));
    InMemoryRecoveryStore store = new InMemoryRecoveryStore(time);
    join(store.save(session("edge", time), window));
    join(store.save(session("at", time), window));

    time.advance(window.minusNanos(1));
    assertThat(join(store.take("edge"))).isPresent();
    time.advance(Duration.ofNanos(1));
    assertThat(join(store.take("at"))).isEmpty();
  }

  @Test
  void expiredSessionsAreSweptWithoutBeingTaken() {
    MutableClock time = new MutableClock();
    InMemoryRecoveryStore store = new InMemoryRecoveryStore(time);
    for (int i = 0; i < HELD; i++) {
      join(store.save(session("pid-" + i, time), Duration.ofMinutes(2)));
    }
    assertThat(store.size()).isEqualTo(HELD);

    time.advance(Duration.ofMinutes(3));
    join(store.save(session("fresh", time), Duration.ofMinutes(2)));

    assertThat(store.size()).isEqualTo(1);
    assertThat(join(store.take("fresh"))).isPresent();
  }

  @Test
  void expiredSessionsStayUntilTheSweepIntervalHasPassed() {
    MutableClock time = new MutableClock();
    InMemoryRecoveryStore store = new InMemoryRecoveryStore(time);
    join(store.save(session("short", time), Duration.ofMillis(100))); // sweeps an empty store

    time.advance(SweepPace.DEFAULT_INTERVAL.dividedBy(2));
    join(store.save(session("second", time), Duration.ofMinutes(2)));
    assertThat(store.size()).isEqualTo(2);

    time.advance(SweepPace.DEFAULT_INTERVAL.dividedBy(2));
    join(store.save(session("third", time), Duration.ofMinutes(2)));
    assertThat(store.size()).isEqualTo(2);
    assertThat(join(store.take("short"))).isEmpty();
  }
}

package bd.com.getit.realtime.adapter.memory;

import static bd.com.getit.realtime.testkit.Stages.join;
import static org.assertj.core.api.Assertions.assertThat;

import bd.com.getit.realtime.port.out.Clock;
import bd.com.getit.realtime.port.out.DeduplicationStore;
import bd.com.getit.realtime.testkit.MutableClock;
import bd.com.getit.realtime.testkit.contract.DeduplicationStoreContract;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InMemoryDeduplicationStoreTest extends DeduplicationStoreContract {
  private static final int HELD = 2_000;

  @Override
  protected DeduplicationStore newStore(Clock clock) {
    return new InMemoryDeduplicationStore(clock);
  }

  @Test
  void expiredKeysAreSweptWithoutBeingAskedFor() {
    MutableClock time = new MutableClock();
    InMemoryDeduplicationStore store = new InMemoryDeduplicationStore(time);
    for (int i = 0; i < HELD; i++) {
      join(store.firstSeen("evt-" + i, Duration.ofSeconds(10)));
    }
    assertThat(store.keys()).isEqualTo(HELD);

    time.advance(Duration.ofSeconds(11));
    join(store.firstSeen("fresh", Duration.ofSeconds(10)));

    assertThat(store.keys()).isEqualTo(1);
  }

  @Test
  void sweepKeepsKeysStillInTheirWindow() {
    MutableClock time = new MutableClock();
    InMemoryDeduplicationStore store = new InMemoryDeduplicationStore(time);
    join(store.firstSeen("short", Duration.ofSeconds(1)));
    join(store.firstSeen("long", Duration.ofMinutes(1)));

    time.advance(Duration.ofSeconds(2));
    store.sweep(time.now());

    assertThat(store.keys()).isEqualTo(1);
    assertThat(join(store.firstSeen("long", Duration.ofMinutes(1)))).isFalse();
  }
}

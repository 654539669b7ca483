package bd.com.getit.realtime.adapter.memory;

import static bd.com.getit.realtime.testkit.Stages.join;
import static org.assertj.core.api.Assertions.assertThat;

import bd.com.getit.realtime.domain.RateLimit;
import bd.com.getit.realtime.port.out.RateLimitStore;
import bd.com.getit.realtime.testkit.MutableClock;
import bd.com.getit.realtime.testkit.contract.RateLimitStoreContract;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemoryRateLimitStoreTest extends RateLimitStoreContract {
  private static final Instant T0 = MutableClock.DEFAULT_START;
  private static final RateLimit ONE_PER_SECOND = new RateLimit(1, Duration.ofSeconds(1));

  @Override
  protected RateLimitStore newStore() {
    return new InMemoryRateLimitStore();
  }

  @Test
  void sweepForgetsOnlyKeysWhoseWindowHasPassed() {
    InMemoryRateLimitStore store = new InMemoryRateLimitStore();
    join(store.tryAcquire("short", ONE_PER_SECOND, T0));
    join(store.tryAcquire("long", new RateLimit(1, Duration.ofMinutes(1)), T0));

    store.sweep(T0.plusMillis(999));
    assertThat(store.keys()).isEqualTo(2);

    store.sweep(T0.plusSeconds(1));
    assertThat(store.keys()).isEqualTo(1);
  }

  @Test
  void idleKeysAreSweptWithoutBeingAskedForOncePerInterval() {
    InMemoryRateLimitStore store = new InMemoryRateLimitStore();
    for (int i = 0; i < 2_000; i++) {
      join(store.tryAcquire("user-" + i, ONE_PER_SECOND, T0));
    }
    // the first attempt swept (nothing was idle then); the next sweep is an interval later
    Instant beforeTheNextSweep = T0.plus(SweepPace.DEFAULT_INTERVAL).minusMillis(1);
    join(store.tryAcquire("hot", ONE_PER_SECOND, beforeTheNextSweep));
    assertThat(store.keys()).isEqualTo(2_001);

    join(store.tryAcquire("hot", ONE_PER_SECOND, T0.plus(SweepPace.DEFAULT_INTERVAL)));

    assertThat(store.keys()).isEqualTo(1);
  }
}

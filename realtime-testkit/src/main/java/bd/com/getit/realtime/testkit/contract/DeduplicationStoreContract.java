package bd.com.getit.realtime.testkit.contract;

import static bd.com.getit.realtime.testkit.Stages.join;
import static org.assertj.core.api.Assertions.assertThat;

import bd.com.getit.realtime.port.out.Clock;
import bd.com.getit.realtime.port.out.DeduplicationStore;
import bd.com.getit.realtime.testkit.Concurrently;
import bd.com.getit.realtime.testkit.MutableClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link DeduplicationStore} must do. The port takes no time, so the store is built with
 * the test's clock and measures windows with it.
 */
public abstract class DeduplicationStoreContract {
  private static final Duration WINDOW = Duration.ofSeconds(10);

  /** The clock the store measures its windows with. */
  protected final MutableClock clock = new MutableClock();

  private DeduplicationStore store;

  /** A new, empty store reading time from {@code clock}. */
  protected abstract DeduplicationStore newStore(Clock clock);

  @BeforeEach
  void createStore() {
    store = newStore(clock);
  }

  private boolean firstSeen(String key) {
    return join(store.firstSeen(key, WINDOW));
  }

  @Test
  void onlyTheFirstSightingIsFirst() {
    assertThat(firstSeen("evt-1")).isTrue();
    assertThat(firstSeen("evt-1")).isFalse();
    assertThat(firstSeen("evt-1")).isFalse();
  }

  @Test
  void aForgottenKeyIsFirstAgain() {
    assertThat(firstSeen("evt-1")).isTrue();
    join(store.forget("evt-1"));
    assertThat(firstSeen("evt-1")).isTrue();
    assertThat(firstSeen("evt-1")).isFalse();
    join(store.forget("never-seen"));
    assertThat(firstSeen("never-seen")).isTrue();
  }

  @Test
  void keysAreIndependent() {
    assertThat(firstSeen("evt-1")).isTrue();
    assertThat(firstSeen("evt-2")).isTrue();
  }

  @Test
  void aKeyIsRememberedForTheWholeWindow() {
    firstSeen("evt-1");

    clock.advance(WINDOW.minusMillis(1));

    assertThat(firstSeen("evt-1")).isFalse();
  }

  @Test
  void aKeyIsFirstAgainOnceItsWindowHasPassed() {
    firstSeen("evt-1");

    clock.advance(WINDOW.plusMillis(1));

    assertThat(firstSeen("evt-1")).isTrue();
    assertThat(firstSeen("evt-1")).isFalse();
  }

  @Test
  void laterSightingsDoNotExtendTheWindow() {
    firstSeen("evt-1");
    clock.advance(Duration.ofSeconds(8));
    assertThat(firstSeen("evt-1")).isFalse();

    clock.advance(Duration.ofSeconds(3));

    assertThat(firstSeen("evt-1")).isTrue();
  }

  @Test
  void concurrentSightingsHaveExactlyOneFirst() {
    List<Boolean> results = Concurrently.call(8, () -> firstSeen("evt-hot"));

    assertThat(results).containsOnlyOnce(true);
  }
}

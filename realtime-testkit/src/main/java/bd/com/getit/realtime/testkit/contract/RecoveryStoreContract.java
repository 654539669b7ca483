package bd.com.getit.realtime.testkit.contract;

import static bd.com.getit.realtime.testkit.Stages.join;
import static org.assertj.core.api.Assertions.assertThat;

import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.connection.RecoverySession;
import bd.com.getit.realtime.port.out.Clock;
import bd.com.getit.realtime.port.out.RecoveryStore;
import bd.com.getit.realtime.testkit.Concurrently;
import bd.com.getit.realtime.testkit.MutableClock;
import bd.com.getit.realtime.testkit.TestChannels;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RecoveryStore} must do. The port takes no time, so the store is built with the
 * test's clock and measures windows with it.
 */
public abstract class RecoveryStoreContract {
  private static final Duration WINDOW = Duration.ofMinutes(2);

  /** The clock the store measures its windows with. */
  protected final MutableClock clock = new MutableClock();

  private RecoveryStore store;

  /** A new, empty store reading time from {@code clock}. */
  protected abstract RecoveryStore newStore(Clock clock);

  @BeforeEach
  void createStore() {
    store = newStore(clock);
  }

  private RecoverySession session(String pid) {
    return new RecoverySession(
        pid,
        ConnectionId.of("sid-" + pid),
        UserId.of("alice"),
        Set.of(TestChannels.product(), TestChannels.order()),
        clock.now());
  }

  @Test
  void takeReturnsTheSavedSessionOnce() {
    RecoverySession s = session("pid-1");
    join(store.save(s, WINDOW));

    assertThat(join(store.take("pid-1"))).contains(s);
    assertThat(join(store.take("pid-1"))).isEmpty();
  }

  @Test
  void takeOfAnUnknownPidIsEmpty() {
    assertThat(join(store.take("nobody"))).isEmpty();
  }

  @Test
  void sessionsAreKeptByPid() {
    RecoverySession one = session("pid-1");
    RecoverySession two = session("pid-2");
    join(store.save(one, WINDOW));
    join(store.save(two, WINDOW));

    assertThat(join(store.take("pid-2"))).contains(two);
    assertThat(join(store.take("pid-1"))).contains(one);
  }

  @Test
  void aSessionIsTakenWithinItsWindow() {
    RecoverySession s = session("pid-1");
    join(store.save(s, WINDOW));

    clock.advance(WINDOW.minusMillis(1));

    assertThat(join(store.take("pid-1"))).contains(s);
  }

  @Test
  void aSessionIsGoneAfterItsWindow() {
    join(store.save(session("pid-1"), WINDOW));

    clock.advance(WINDOW.plusMillis(1));

    assertThat(join(store.take("pid-1"))).isEmpty();
  }

  @Test
  void savingAPidAgainReplacesItsSessionAndRestartsItsWindow() {
    join(store.save(session("pid-1"), WINDOW));
    clock.advance(WINDOW.minusSeconds(1));
    RecoverySession renewed =
        new RecoverySession(
            "pid-1",
            ConnectionId.of("sid-pid-1"),
            UserId.of("alice"),
            Set.of(TestChannels.product()),
            clock.now());
    join(store.save(renewed, WINDOW));

    clock.advance(Duration.ofSeconds(2)); // past the first window, within the second

    assertThat(join(store.take("pid-1"))).contains(renewed);
  }

  @Test
  void concurrentTakesRecoverTheSessionOnce() {
    RecoverySession s = session("pid-1");
    join(store.save(s, WINDOW));

    List<Optional<RecoverySession>> taken = Concurrently.call(8, () -> join(store.take("pid-1")));

    assertThat(taken.stream().filter(Optional::isPresent).toList()).containsExactly(Optional.of(s));
  }
}

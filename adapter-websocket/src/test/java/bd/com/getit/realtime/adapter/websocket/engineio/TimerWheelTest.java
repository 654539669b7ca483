package bd.com.getit.realtime.adapter.websocket.engineio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TimerWheelTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  // a small wheel (1 ms ticks, 8 slots: one turn is 8 ms) so that most delays span many turns
  private final TimerWheel wheel = new TimerWheel(Duration.ofMillis(1), 8, "test-wheel");

  @AfterEach
  void stop() {
    wheel.shutdownNow();
  }

  @Test
  void firesEveryTimerAndNeverBeforeItsDelay() throws Exception {
    long[] delaysMillis = {0, 1, 3, 7, 8, 9, 15, 40, 75, 130};
    Map<Long, Long> lateness = new ConcurrentHashMap<>();
    CountDownLatch fired = new CountDownLatch(delaysMillis.length);
    for (long delay : delaysMillis) {
      long scheduledAt = System.nanoTime();
      wheel.schedule(
          () -> {
            lateness.put(delay, System.nanoTime() - scheduledAt - delay * 1_000_000);
            fired.countDown();
          },
          delay,
          TimeUnit.MILLISECONDS);
    }

    assertThat(fired.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    assertThat(lateness).hasSize(delaysMillis.length);
    assertThat(lateness.values()).allSatisfy(late -> assertThat(late).isNotNegative());
    assertThat(wheel.pending()).isZero();
  }

  @Test
  void aTimerFiresWithinAFewTicksOfItsDeadline() throws Exception {
    // one tick is 1 ms; allow generous scheduling noise on a shared machine, not a turn's worth
    // of error multiplied by the rounds (which a wheel that ignored rounds would show)
    List<Long> late = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      CountDownLatch fired = new CountDownLatch(1);
      long[] at = new long[1];
      long scheduledAt = System.nanoTime();
      wheel.schedule(
          () -> {
            at[0] = System.nanoTime();
            fired.countDown();
          },
          50,
          TimeUnit.MILLISECONDS);
      assertThat(fired.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
      late.add(TimeUnit.NANOSECONDS.toMillis(at[0] - scheduledAt) - 50);
    }
    assertThat(late).allSatisfy(ms -> assertThat(ms).isBetween(0L, 250L));
    assertThat(late.stream().mapToLong(Long::longValue).min().orElseThrow()).isLessThan(40);
  }

  @Test
  void aCancelledTimerNeverRunsAndLeavesTheWheelAtOnce() throws Exception {
    AtomicBoolean cancelledRan = new AtomicBoolean();
    ScheduledFuture<?> cancelled =
        wheel.schedule(() -> cancelledRan.set(true), 20, TimeUnit.MILLISECONDS);
    assertThat(wheel.pending()).isEqualTo(1);

    assertThat(cancelled.cancel(false)).isTrue();

    assertThat(wheel.pending()).isZero();
    assertThat(cancelled.isCancelled()).isTrue();
    assertThat(cancelled.cancel(false)).isFalse();
    CountDownLatch later = new CountDownLatch(1);
    wheel.schedule(later::countDown, 60, TimeUnit.MILLISECONDS);
    assertThat(later.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    assertThat(cancelledRan).isFalse();
  }

  @Test
  void cancellingAfterTheRunChangesNothing() throws Exception {
    CountDownLatch fired = new CountDownLatch(1);
    ScheduledFuture<?> timer = wheel.schedule(fired::countDown, 1, TimeUnit.MILLISECONDS);
    assertThat(fired.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    await().atMost(WAIT).until(timer::isDone);

    assertThat(timer.cancel(false)).isFalse();
    assertThat(timer.isCancelled()).isFalse();
  }

  @Test
  void holdsOnlyThePendingTimersWhateverTheChurn() {
    // a heartbeat's life: each pong cancels a timer and schedules the next
    List<ScheduledFuture<?>> live = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      live.add(wheel.schedule(() -> {}, 1, TimeUnit.HOURS));
    }
    for (int round = 0; round < 100; round++) {
      for (int i = 0; i < live.size(); i++) {
        live.get(i).cancel(false);
        live.set(i, wheel.schedule(() -> {}, 1, TimeUnit.HOURS));
      }
    }

    assertThat(wheel.pending()).isEqualTo(1_000);
    live.forEach(timer -> timer.cancel(false));
    assertThat(wheel.pending()).isZero();
  }

  @Test
  void aPeriodicTaskRepeatsUntilCancelled() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    ScheduledFuture<?> periodic =
        wheel.scheduleAtFixedRate(runs::incrementAndGet, 2, 5, TimeUnit.MILLISECONDS);
    await().atMost(WAIT).until(() -> runs.get() >= 3);

    assertThat(periodic.cancel(false)).isTrue();
    await().atMost(WAIT).until(() -> wheel.pending() == 0);
    int after = runs.get();
    CountDownLatch later = new CountDownLatch(1);
    wheel.schedule(later::countDown, 30, TimeUnit.MILLISECONDS);
    assertThat(later.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    assertThat(runs.get()).isLessThanOrEqualTo(after + 1); // at most the run already under way
  }

  @Test
  void aFailingTaskDoesNotStopTheWheel() throws Exception {
    Runnable failing =
        () -> {
          throw new IllegalStateException("boom");
        };
    wheel.schedule(failing, 1, TimeUnit.MILLISECONDS);
    CountDownLatch next = new CountDownLatch(1);
    wheel.schedule(next::countDown, 5, TimeUnit.MILLISECONDS);

    assertThat(next.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void afterShutdownNewTimersAreRefusedAndPendingOnesAreHandedBack() throws Exception {
    Runnable pending = () -> {};
    wheel.schedule(pending, 1, TimeUnit.HOURS);

    assertThat(wheel.shutdownNow()).containsExactly(pending);

    assertThat(wheel.isShutdown()).isTrue();
    assertThat(wheel.pending()).isZero();
    assertThatThrownBy(() -> wheel.schedule(() -> {}, 1, TimeUnit.MILLISECONDS))
        .isInstanceOf(RejectedExecutionException.class);
    assertThat(wheel.awaitTermination(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void refusesABadConfiguration() {
    assertThatThrownBy(() -> new TimerWheel(Duration.ZERO, 8, "bad"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tick");
    assertThatThrownBy(() -> new TimerWheel(Duration.ofMillis(1), 0, "bad"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("buckets");
  }
}

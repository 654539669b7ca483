package bd.com.getit.realtime.adapter.websocket.socketio;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The scheduler over a shared {@link ScheduledExecutorService}. */
class SchedulerTest {

  private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  @Test
  void runsTheTaskAfterItsDelay() throws Exception {
    CountDownLatch ran = new CountDownLatch(1);

    Scheduler.of(executor).schedule(Duration.ofMillis(5), ran::countDown);

    assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void cancelRemovesTheTask() {
    ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1);
    pool.setRemoveOnCancelPolicy(true);
    try {
      Scheduler.Cancellable handle = Scheduler.of(pool).schedule(Duration.ofHours(1), () -> {});
      assertThat(pool.getQueue()).hasSize(1);

      handle.cancel();

      assertThat(pool.getQueue()).isEmpty();
    } finally {
      pool.shutdownNow();
    }
  }
}

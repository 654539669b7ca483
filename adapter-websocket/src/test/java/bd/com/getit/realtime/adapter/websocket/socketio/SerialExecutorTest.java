package bd.com.getit.realtime.adapter.websocket.socketio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** One session's tasks run one at a time, in order, whatever thread submits them. */
class SerialExecutorTest {

  private final SerialExecutor serial = new SerialExecutor(Runnable::run);

  @Test
  void runsATaskSubmittedByARunningTaskAfterIt() {
    List<String> log = new ArrayList<>();

    serial.execute(
        () -> {
          serial.execute(() -> log.add("inner"));
          log.add("outer");
        });

    assertThat(log).containsExactly("outer", "inner");
  }

  @Test
  void countsQueuedAndRunningTasksBackToZero() {
    List<Runnable> submitted = new ArrayList<>();
    SerialExecutor held = new SerialExecutor(submitted::add);
    List<Integer> seen = new ArrayList<>();

    held.execute(() -> seen.add(held.pending()));
    held.execute(() -> seen.add(held.pending()));
    assertThat(held.pending()).isEqualTo(2);
    assertThat(submitted).as("one drain for the session at a time").hasSize(1);

    submitted.get(0).run();
    assertThat(seen).containsExactly(2, 1);
    assertThat(held.pending()).isZero();
    held.execute(() -> seen.add(held.pending()));
    assertThat(submitted).hasSize(2);
  }

  @Test
  void keepsGoingAfterAFailingTask() {
    List<String> log = new ArrayList<>();

    serial.execute(
        () -> {
          serial.execute(() -> log.add("next"));
          throw new IllegalStateException("boom");
        });

    assertThat(log).containsExactly("next");
  }

  @Test
  void neverRunsTwoTasksAtOnce() throws Exception {
    int threads = 4;
    int perThread = 2_000;
    AtomicInteger running = new AtomicInteger();
    AtomicInteger overlaps = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int t = 0; t < threads; t++) {
        pool.execute(
            () -> {
              awaitQuietly(start);
              for (int i = 0; i < perThread; i++) {
                serial.execute(
                    () -> {
                      if (running.incrementAndGet() != 1) {
                        overlaps.incrementAndGet();
                      }
                      done.incrementAndGet();
                      running.decrementAndGet();
                    });
              }
            });
      }
      start.countDown();
      pool.shutdown();
      assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      pool.shutdownNow();
    }

    assertThat(overlaps).hasValue(0);
    assertThat(done).hasValue(threads * perThread);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package bd.com.getit.realtime.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs one task on several threads released at the same moment, to provoke races in tests. */
public final class Concurrently {
  private static final long TIMEOUT_SECONDS = 20;

  private Concurrently() {}

  /**
   * Runs {@code task} on {@code threads} threads that start together; returns each thread's result
   * in thread order. A task failure fails the caller.
   */
  public static <T> List<T> call(int threads, Callable<T> task) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads >= 1");
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch ready = new CountDownLatch(threads);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        futures.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  go.await();
                  return task.call();
                }));
      }
      ready.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      go.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    } catch (ExecutionException e) {
      throw new AssertionError("a concurrent task failed", e.getCause());
    } catch (TimeoutException e) {
      throw new AssertionError("concurrent tasks did not finish within " + TIMEOUT_SECONDS + " s");
    } finally {
      pool.shutdownNow();
    }
  }

  /** Runs {@code task} on {@code threads} threads that start together and waits for them all. */
  public static void run(int threads, Runnable task) {
    call(
        threads,
        () -> {
          task.run();
          return null;
        });
  }
}

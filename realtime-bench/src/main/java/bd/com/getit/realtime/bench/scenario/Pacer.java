package bd.com.getit.realtime.bench.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

/**
 * Runs an action at a steady rate on the calling thread, catching up after a stall rather than
 * drifting (the schedule is fixed from the start), and counts what the server accepted.
 */
final class Pacer {

  private Pacer() {}

  /**
   * What one paced run did: {@code unresolved} outcomes were still unknown when the wait ended (a
   * server so far behind that it had not answered in two minutes).
   */
  record Paced(long attempted, long accepted, long unresolved, long nanos) {}

  /**
   * Calls {@code publish} with 0, 1, 2, ... at {@code perSecond} for {@code seconds}, then waits up
   * to two minutes for the outcomes: a late ack still counts, so that what was accepted is known.
   */
  static Paced run(
      double perSecond, double seconds, LongFunction<CompletableFuture<Boolean>> publish)
      throws InterruptedException {
    long count = Math.max(1, Math.round(perSecond * seconds));
    long period = (long) (1_000_000_000L / perSecond);
    List<CompletableFuture<Boolean>> outcomes = new ArrayList<>((int) count);
    long start = System.nanoTime();
    for (long i = 0; i < count; i++) {
      long due = start + i * period;
      long wait;
      while ((wait = due - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      outcomes.add(publish.apply(i));
    }
    long nanos = System.nanoTime() - start;
    long accepted = 0;
    long unresolved = 0;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    for (CompletableFuture<Boolean> outcome : outcomes) {
      try {
        long left = Math.max(1, deadline - System.nanoTime());
        if (outcome.get(left, TimeUnit.NANOSECONDS)) {
          accepted++;
        }
      } catch (TimeoutException e) {
        unresolved++;
      } catch (java.util.concurrent.ExecutionException e) {
        // not accepted
      }
    }
    return new Paced(count, accepted, unresolved, nanos);
  }
}

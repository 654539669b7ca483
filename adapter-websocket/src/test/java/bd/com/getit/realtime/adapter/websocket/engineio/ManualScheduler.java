package bd.com.getit.realtime.adapter.websocket.engineio;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** A deterministic scheduler for tests: time moves only when {@link #advance} is called. */
public final class ManualScheduler extends AbstractExecutorService
    implements ScheduledExecutorService {

  private final List<Task> tasks = new ArrayList<>();
  private long now;
  private boolean shutdown;

  /** Moves the clock forward, running every task that falls due, in time order. */
  public synchronized void advance(Duration duration) {
    long target = now + duration.toMillis();
    while (true) {
      Task next =
          tasks.stream()
              .filter(t -> !t.cancelled && t.due <= target)
              .min(Comparator.comparingLong((Task t) -> t.due).thenComparingLong(t -> t.seq))
              .orElse(null);
      if (next == null) {
        break;
      }
      now = next.due;
      if (next.period > 0) {
        next.due += next.period;
      } else {
        tasks.remove(next);
        next.done = true;
      }
      next.action.run();
    }
    now = target;
    tasks.removeIf(t -> t.cancelled);
  }

  /** The scheduler's clock, in nanoseconds. */
  public synchronized long nanoTime() {
    return now * 1_000_000;
  }

  public synchronized int pending() {
    return (int) tasks.stream().filter(t -> !t.cancelled).count();
  }

  private synchronized Task add(Runnable action, long delayMillis, long periodMillis) {
    Task task = new Task(action, now + delayMillis, periodMillis, tasks.size());
    tasks.add(task);
    return task;
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    return add(command, unit.toMillis(delay), 0);
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    throw new UnsupportedOperationException();
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(
      Runnable command, long initialDelay, long period, TimeUnit unit) {
    return add(command, unit.toMillis(initialDelay), unit.toMillis(period));
  }

  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(
      Runnable command, long initialDelay, long delay, TimeUnit unit) {
    return scheduleAtFixedRate(command, initialDelay, delay, unit);
  }

  @Override
  public void execute(Runnable command) {
    command.run();
  }

  @Override
  public void shutdown() {
    shutdown = true;
  }

  @Override
  public List<Runnable> shutdownNow() {
    shutdown = true;
    return List.of();
  }

  @Override
  public boolean isShutdown() {
    return shutdown;
  }

  @Override
  public boolean isTerminated() {
    return shutdown;
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return true;
  }

  /** One scheduled action. */
  private final class Task implements ScheduledFuture<Object> {
    final Runnable action;
    final long period;
    final long seq;
    long due;
    volatile boolean cancelled;
    volatile boolean done;

    Task(Runnable action, long due, long period, long seq) {
      this.action = action;
      this.due = due;
      this.period = period;
      this.seq = seq;
    }

    @Override
    public long getDelay(TimeUnit unit) {
      synchronized (ManualScheduler.this) {
        return unit.convert(due - now, TimeUnit.MILLISECONDS);
      }
    }

    @Override
    public int compareTo(Delayed other) {
      return Long.compare(getDelay(TimeUnit.MILLISECONDS), other.getDelay(TimeUnit.MILLISECONDS));
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      cancelled = true;
      return !done;
    }

    @Override
    public boolean isCancelled() {
      return cancelled;
    }

    @Override
    public boolean isDone() {
      return done || cancelled;
    }

    @Override
    public Object get() {
      return null;
    }

    @Override
    public Object get(long timeout, TimeUnit unit) {
      return null;
    }
  }
}

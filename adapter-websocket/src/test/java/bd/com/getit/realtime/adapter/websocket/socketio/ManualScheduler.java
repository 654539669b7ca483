package bd.com.getit.realtime.adapter.websocket.socketio;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A scheduler on a manual clock: tasks run when a test advances time past them. */
final class ManualScheduler implements Scheduler {

  private final List<Task> tasks = new ArrayList<>();
  private long nowNanos;
  private long sequence;

  private static final class Task {
    final long due;
    final long order;
    final Runnable body;
    boolean cancelled;

    Task(long due, long order, Runnable body) {
      this.due = due;
      this.order = order;
      this.body = body;
    }
  }

  @Override
  public synchronized Cancellable schedule(Duration delay, Runnable task) {
    Task scheduled = new Task(nowNanos + delay.toNanos(), sequence++, task);
    tasks.add(scheduled);
    return () -> {
      synchronized (this) {
        scheduled.cancelled = true;
      }
    };
  }

  /** Moves the clock forward, running every task that falls due, in time order. */
  void advance(Duration duration) {
    long target;
    synchronized (this) {
      target = nowNanos + duration.toNanos();
    }
    while (true) {
      Task next;
      synchronized (this) {
        next =
            tasks.stream()
                .filter(t -> !t.cancelled && t.due <= target)
                .min(Comparator.<Task>comparingLong(t -> t.due).thenComparingLong(t -> t.order))
                .orElse(null);
        if (next == null) {
          nowNanos = target;
          return;
        }
        tasks.remove(next);
        nowNanos = next.due;
      }
      next.body.run();
    }
  }

  /** How many tasks wait, not cancelled. */
  synchronized long pending() {
    return tasks.stream().filter(t -> !t.cancelled).count();
  }
}

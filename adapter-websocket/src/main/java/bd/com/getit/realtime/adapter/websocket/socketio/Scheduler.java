package bd.com.getit.realtime.adapter.websocket.socketio;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs a task later; the seam that lets tests drive timeouts with a manual clock. */
@FunctionalInterface
interface Scheduler {

  /** Schedules {@code task} after {@code delay}; the returned handle cancels it. */
  Cancellable schedule(Duration delay, Runnable task);

  /** Cancels a scheduled task; harmless after it ran or was cancelled. */
  @FunctionalInterface
  interface Cancellable {
    void cancel();
  }

  static Scheduler of(ScheduledExecutorService executor) {
    return (delay, task) -> {
      var future = executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
      return () -> future.cancel(false);
    };
  }
}

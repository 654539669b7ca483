package bd.com.getit.realtime.adapter.websocket.socketio;

import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * Runs the tasks of one session one at a time and in order, on a shared executor (the node's {@link
 * ClientWorkers}), so that handler callbacks of a socket never overlap and never run on the thread
 * that submits them (a network thread). At most one drain of a session is queued or running at a
 * time, so the shared executor holds at most one task per session; a drain gives its thread back
 * after {@link #BATCH} tasks so that one busy socket does not hold a worker.
 */
final class SerialExecutor {

  private static final System.Logger LOG = System.getLogger(SerialExecutor.class.getName());

  /** Tasks a drain runs before it yields its worker to the other sessions. */
  static final int BATCH = 16;

  private final Executor executor;
  // an updater on a field rather than an AtomicInteger: one object less per session, for hours
  private static final AtomicIntegerFieldUpdater<SerialExecutor> PENDING =
      AtomicIntegerFieldUpdater.newUpdater(SerialExecutor.class, "pending");

  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private volatile int pending;

  SerialExecutor(Executor executor) {
    this.executor = Objects.requireNonNull(executor, "executor");
  }

  void execute(Runnable task) {
    tasks.add(task);
    if (PENDING.getAndIncrement(this) == 0) {
      submitDrain();
    }
  }

  /** Tasks queued or running: the backlog the admission checks bound. */
  int pending() {
    return pending;
  }

  private void submitDrain() {
    try {
      executor.execute(this::drain);
    } catch (RejectedExecutionException e) {
      drain(); // shutting down: the caller runs what is left rather than losing it
    }
  }

  private void drain() {
    int ran = 0;
    while (true) {
      Runnable next = tasks.poll();
      try {
        next.run();
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.ERROR, "Socket.IO session task failed", e);
      }
      if (PENDING.decrementAndGet(this) == 0) {
        return;
      }
      if (++ran == BATCH) {
        submitDrain(); // more to do: back in line behind the other sessions
        return;
      }
    }
  }
}

package bd.com.getit.realtime.adapter.websocket.socketio;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the tasks of one session one at a time and in order, on whichever thread submits while none
 * is running (no thread of its own), so that handler callbacks of a socket never overlap.
 */
final class SerialExecutor {

  private static final System.Logger LOG = System.getLogger(SerialExecutor.class.getName());

  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final AtomicInteger pending = new AtomicInteger();

  void execute(Runnable task) {
    tasks.add(task);
    if (pending.getAndIncrement() != 0) {
      return; // the running thread will take it
    }
    do {
      Runnable next = tasks.poll();
      try {
        next.run();
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.ERROR, "Socket.IO session task failed", e);
      }
    } while (pending.decrementAndGet() != 0);
  }
}

package bd.com.getit.realtime.adapter.websocket.engineio;

import java.util.ArrayList;
import java.util.function.IntSupplier;

/**
 * Which threads may write to an idle websocket themselves instead of handing the write to the
 * writer pool: the worker threads that run client events (they mark themselves), never a network
 * (selector) thread. A small fanout or an ack then goes out from the thread that produced it, with
 * no hop and no wake-up of another thread; a socket with a write outstanding still queues, and its
 * backlog is written by the writer pool, batched. A large fanout turns direct writes off for its
 * loop ({@link #deferred}), so the writer pool writes its sockets in parallel while this thread
 * goes back to its events; the sockets it queued to are handed to the pool at the end of the loop,
 * a chunk of them per task ({@link WebSocketTransport#drainLater}), not one task (and one wake-up
 * of a pool thread) per socket.
 */
public final class DirectWrites {

  /** What this thread is doing: whether it may write directly, and a large fanout in progress. */
  private static final class Mode {
    final Thread owner = Thread.currentThread(); // made by withInitial on the thread it describes
    boolean marked; // a worker that may write to idle sockets itself
    int deferred; // how many deferred() calls are running on this thread
    final ArrayList<WebSocketTransport> pending = new ArrayList<>();
  }

  private static final ThreadLocal<Mode> MODE = ThreadLocal.withInitial(Mode::new);

  /**
   * The mode of the thread that last started a large fanout. Each socket of a fanout asks for its
   * thread's mode twice ({@link #allowed}, {@link #collect}); the thread-local look-up was an
   * eighth of a cluster node's samples in the bus reader's fanouts, where a check of the owner is a
   * register compare. Another thread's fanout only makes this a miss (the thread-local answers).
   */
  private static volatile Mode fanning;

  private DirectWrites() {}

  /** Lets the current thread write to idle sockets itself; call it first thing on a worker. */
  public static void allowOnCurrentThread() {
    mode().marked = true;
  }

  /** The current thread's mode: the last fanning thread's if that is this thread. */
  private static Mode mode() {
    Mode last = fanning;
    return last != null && last.owner == Thread.currentThread() ? last : MODE.get();
  }

  /**
   * Runs {@code action} (a large fanout's loop) with direct writes off on this thread; the sockets
   * it queued to are handed to the writer pool in chunks when the outermost such call ends, even
   * when {@code action} throws (a socket counted as having a drain queued must get one).
   */
  public static int deferred(IntSupplier action) {
    Mode mode = mode();
    if (fanning != mode) {
      fanning = mode;
    }
    mode.deferred++;
    try {
      return action.getAsInt();
    } finally {
      if (--mode.deferred == 0 && !mode.pending.isEmpty()) {
        // taken out first: a drain run inline (a pool shutting down) may start another fanout
        WebSocketTransport[] pending = mode.pending.toArray(new WebSocketTransport[0]);
        mode.pending.clear();
        WebSocketTransport.drainLater(pending);
      }
    }
  }

  /** Whether the current thread may write to an idle socket itself now. */
  static boolean allowed() {
    Mode mode = mode();
    return mode.marked && mode.deferred == 0;
  }

  /**
   * Keeps {@code transport}, which has a drain to run, for the end of the current thread's large
   * fanout; false when no fanout is in progress on this thread (the caller queues the drain).
   */
  static boolean collect(WebSocketTransport transport) {
    Mode mode = mode();
    if (mode.deferred == 0) {
      return false;
    }
    mode.pending.add(transport);
    return true;
  }
}

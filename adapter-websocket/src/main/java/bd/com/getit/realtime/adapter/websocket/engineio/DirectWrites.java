package bd.com.getit.realtime.adapter.websocket.engineio;

import java.util.function.IntSupplier;

/**
 * Which threads may write to an idle websocket themselves instead of handing the write to the
 * writer pool: the worker threads that run client events (they mark themselves), never a network
 * (selector) thread. A small fanout or an ack then goes out from the thread that produced it, with
 * no hop and no wake-up of another thread; a socket with a write outstanding still queues, and its
 * backlog is written by the writer pool, batched. A large fanout turns direct writes off for its
 * loop ({@link #deferred}), so the writer pool writes its sockets in parallel while this thread
 * goes back to its events.
 */
public final class DirectWrites {

  /** Per marked thread: how many {@link #deferred} calls are running on it. */
  private static final ThreadLocal<int[]> DEFERRED = new ThreadLocal<>();

  private DirectWrites() {}

  /** Lets the current thread write to idle sockets itself; call it first thing on a worker. */
  public static void allowOnCurrentThread() {
    if (DEFERRED.get() == null) {
      DEFERRED.set(new int[1]);
    }
  }

  /** Runs {@code action} with direct writes off on this thread (a large fanout's loop). */
  public static int deferred(IntSupplier action) {
    int[] depth = DEFERRED.get();
    if (depth == null) {
      return action.getAsInt();
    }
    depth[0]++;
    try {
      return action.getAsInt();
    } finally {
      depth[0]--;
    }
  }

  /** Whether the current thread may write to an idle socket itself now. */
  static boolean allowed() {
    int[] depth = DEFERRED.get();
    return depth != null && depth[0] == 0;
  }
}

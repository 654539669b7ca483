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

  /**
   * A large fanout takes the node's send queue budget this many bytes at a time and hands it to its
   * sockets' queues from a plain field, instead of a compare-and-set on the budget's shared counter
   * per socket (a cache line the writers' releases keep moving between the cores). What is left is
   * given back when the fanout ends.
   */
  static final long RESERVE_CHUNK = 64 * 1024;

  /**
   * What one thread is doing: whether it may write directly, and a large fanout in progress. Only
   * its own thread reads or writes it (the {@link #owner} check of {@link #current()}).
   */
  static final class Mode {
    final Thread owner = Thread.currentThread(); // made by withInitial on the thread it describes
    boolean marked; // a worker that may write to idle sockets itself
    int deferred; // how many deferred() calls are running on this thread
    final ArrayList<WebSocketTransport> pending = new ArrayList<>();
    private SendQueueBudget reservedFrom; // the budget the fanout holds bytes of, or null
    private long reserved; // bytes of reservedFrom taken but not yet handed to a queue

    /** Whether this thread may write to an idle socket itself now. */
    boolean allowed() {
      return marked && deferred == 0;
    }

    /**
     * Keeps {@code transport}, which has a drain to run, for the end of this thread's large fanout;
     * false when no fanout is in progress (the caller queues the drain).
     */
    boolean collect(WebSocketTransport transport) {
      if (deferred == 0) {
        return false;
      }
      pending.add(transport);
      return true;
    }

    /**
     * Takes {@code bytes} of {@code budget} for a packet about to be queued: inside a large fanout
     * from the bytes this thread reserved, else (or when no chunk fits any more) exactly as {@link
     * SendQueueBudget#tryAcquire} does, reclaiming from the slowest sessions if it must.
     */
    boolean acquire(SendQueueBudget budget, long bytes) {
      if (deferred == 0) {
        return budget.tryAcquire(bytes);
      }
      if (reservedFrom == budget && reserved >= bytes) {
        reserved -= bytes;
        return true;
      }
      giveBack();
      if (budget.tryTake(Math.max(bytes, RESERVE_CHUNK))) {
        reservedFrom = budget;
        reserved = Math.max(bytes, RESERVE_CHUNK) - bytes;
        return true;
      }
      // near the limit: no chunk, the exact path with its reclaim and its refusal count
      return budget.tryAcquire(bytes);
    }

    /** Returns what the fanout reserved and did not hand out. */
    void giveBack() {
      if (reservedFrom != null) {
        reservedFrom.release(reserved);
        reservedFrom = null;
        reserved = 0;
      }
    }
  }

  private static final ThreadLocal<Mode> MODE = ThreadLocal.withInitial(Mode::new);

  /**
   * The mode of the thread that last started a large fanout. Each socket of a fanout asks for its
   * thread's mode (once per send: its budget and its drain); the thread-local look-up was an eighth
   * of a cluster node's samples in the bus reader's fanouts, where a check of the owner is a
   * register compare. Another thread's fanout only makes this a miss (the thread-local answers).
   */
  private static volatile Mode fanning;

  private DirectWrites() {}

  /** Lets the current thread write to idle sockets itself; call it first thing on a worker. */
  public static void allowOnCurrentThread() {
    current().marked = true;
  }

  /**
   * The current thread's mode: the last fanning thread's if that is this thread. A socket's send
   * looks it up once and asks it both for the budget and for where its drain runs.
   */
  static Mode current() {
    Mode last = fanning;
    return last != null && last.owner == Thread.currentThread() ? last : MODE.get();
  }

  /**
   * Runs {@code action} (a large fanout's loop) with direct writes off on this thread; the sockets
   * it queued to are handed to the writer pool in chunks when the outermost such call ends, even
   * when {@code action} throws (a socket counted as having a drain queued must get one).
   */
  public static int deferred(IntSupplier action) {
    Mode mode = current();
    if (fanning != mode) {
      fanning = mode;
    }
    mode.deferred++;
    try {
      return action.getAsInt();
    } finally {
      if (--mode.deferred == 0) {
        mode.giveBack();
      }
      if (mode.deferred == 0 && !mode.pending.isEmpty()) {
        // taken out first: a drain run inline (a pool shutting down) may start another fanout
        WebSocketTransport[] pending = mode.pending.toArray(new WebSocketTransport[0]);
        mode.pending.clear();
        WebSocketTransport.drainLater(pending);
      }
    }
  }

  /** Whether the current thread may write to an idle socket itself now. */
  static boolean allowed() {
    return current().allowed();
  }
}

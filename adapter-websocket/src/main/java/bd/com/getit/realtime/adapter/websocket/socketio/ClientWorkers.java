package bd.com.getit.realtime.adapter.websocket.socketio;

import bd.com.getit.realtime.adapter.websocket.engineio.DirectWrites;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The node's bounded pool that runs the Socket.IO sessions' work (decoding client packets, the
 * namespace callbacks, the use cases they call) off the network threads, keeping each session's
 * order ({@link SerialExecutor}). Admission is bounded: a session may have at most {@code
 * maxQueuedPerSocket} messages waiting, and the node at most {@code maxQueued}; past either, a
 * client event is answered at once (a busy ack, or shed when it asked for none) instead of growing
 * a queue, and a session with {@code 8 * maxQueuedPerSocket} messages waiting is closed. Its
 * threads may write to idle sockets directly ({@link DirectWrites}). Thread-safe.
 */
public final class ClientWorkers implements AutoCloseable {

  /** How many messages past the per-socket bound a session may have waiting before it is closed. */
  static final int CLOSE_FACTOR = 8;

  private final Executor executor;
  private final ForkJoinPool pool; // null when the executor is not ours
  private final int maxQueued;
  private final int maxQueuedPerSocket;
  private final AtomicInteger queued = new AtomicInteger();
  private final AtomicLong refused = new AtomicLong();

  /**
   * @param threads worker threads; the work is CPU-bound and never blocks, so about one per core
   * @param maxQueued the most client messages the whole node may have waiting
   * @param maxQueuedPerSocket the most client messages one session may have waiting
   */
  public ClientWorkers(int threads, int maxQueued, int maxQueuedPerSocket) {
    this(pool(threads), maxQueued, maxQueuedPerSocket);
  }

  private ClientWorkers(ForkJoinPool pool, int maxQueued, int maxQueuedPerSocket) {
    this(pool, pool, maxQueued, maxQueuedPerSocket);
  }

  /** Runs the sessions' work on {@code executor} (tests: the caller's thread). */
  ClientWorkers(Executor executor, int maxQueued, int maxQueuedPerSocket) {
    this(executor, null, maxQueued, maxQueuedPerSocket);
  }

  private ClientWorkers(
      Executor executor, ForkJoinPool pool, int maxQueued, int maxQueuedPerSocket) {
    if (maxQueued < 1 || maxQueuedPerSocket < 1) {
      throw new IllegalArgumentException("queue bounds must be positive");
    }
    this.executor = Objects.requireNonNull(executor, "executor");
    this.pool = pool;
    this.maxQueued = maxQueued;
    this.maxQueuedPerSocket = maxQueuedPerSocket;
  }

  /**
   * One thread per core (at least 2), 65,536 messages per node, 1,024 per socket: a service socket
   * pipelining its publishes has room for about a second of them at 1,000/s before it is answered
   * busy.
   */
  public static ClientWorkers defaults() {
    return new ClientWorkers(
        Math.max(2, Runtime.getRuntime().availableProcessors()), 65_536, 1_024);
  }

  private static ForkJoinPool pool(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be positive");
    }
    AtomicInteger count = new AtomicInteger();
    // A fork-join pool in FIFO mode: many submitters (the selectors, the workers themselves when a
    // drain yields) without one shared queue lock.
    return new ForkJoinPool(
        threads,
        p -> {
          ForkJoinWorkerThread thread =
              new ForkJoinWorkerThread(p) {
                @Override
                protected void onStart() {
                  super.onStart();
                  DirectWrites.allowOnCurrentThread();
                }
              };
          thread.setName("socket.io-worker-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        },
        null,
        true);
  }

  SerialExecutor newSerial() {
    return new SerialExecutor(executor);
  }

  /** What to do with a client message arriving while its session has {@code backlog} waiting. */
  enum Admission {
    /** Queue it. */
    ACCEPT,
    /** Answer it at once if it is an event (busy, or shed), queue anything else. */
    BUSY,
    /** The session floods: close it. */
    CLOSE
  }

  Admission admit(int backlog) {
    if (backlog >= maxQueuedPerSocket * CLOSE_FACTOR) {
      return Admission.CLOSE;
    }
    if (backlog >= maxQueuedPerSocket || queued.get() >= maxQueued) {
      return Admission.BUSY;
    }
    return Admission.ACCEPT;
  }

  /** A client message was queued; {@link #done} follows when it has run. */
  void queued() {
    queued.incrementAndGet();
  }

  void done() {
    queued.decrementAndGet();
  }

  void refusedOne() {
    refused.incrementAndGet();
  }

  /**
   * The workers' own pool, for watching it (executor metrics); empty when the workers run on an
   * executor given to them. Work submitted to it directly would bypass the queue bounds: don't.
   */
  public Optional<ExecutorService> pool() {
    return Optional.ofNullable(pool);
  }

  /** Client messages waiting or running now, node-wide. */
  public int queuedCount() {
    return queued.get();
  }

  /** Client events answered busy or shed because a bound was reached. */
  public long refusedCount() {
    return refused.get();
  }

  /** Stops the threads after the work already queued. */
  @Override
  public void close() {
    if (pool != null) {
      pool.shutdown();
      try {
        pool.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}

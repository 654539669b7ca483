package bd.com.getit.realtime.adapter.websocket.engineio;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * One hashed timing wheel per node for the timers of every connection: heartbeats, pong deadlines,
 * connect and ack timeouts, header deadlines. Per-connection timers are many, mostly cancelled and
 * need no precision finer than a tick, which a {@link
 * java.util.concurrent.ScheduledThreadPoolExecutor} pays for with a heap of 72-byte futures and a
 * logarithmic, locked cancel; here a timer is one small node in a bucket, scheduled and cancelled
 * in constant time.
 *
 * <p>A task never runs before its delay has passed, and runs at most about one tick after it (more
 * only when the wheel's thread is held up: by the tasks themselves, or by GC). Tasks run one at a
 * time on the wheel's single daemon thread, so they must be short and never block (hand anything
 * longer to another executor). Cancelled timers leave the wheel at once: the wheel holds exactly
 * the timers that are pending. Thread-safe. After {@link #shutdown()} new timers are rejected and
 * pending ones never run.
 */
public final class TimerWheel extends AbstractExecutorService implements ScheduledExecutorService {

  private static final System.Logger LOG = System.getLogger(TimerWheel.class.getName());

  private final long tickNanos;
  private final int mask;
  private final Node[] buckets; // each a circular list with a sentinel head
  private final long start = System.nanoTime();
  private final Thread worker;
  private final Object lock = new Object();
  private long processedTick; // guarded by lock: every tick up to this one has fired
  private int pending; // guarded by lock
  private volatile boolean shutdown;
  private volatile boolean terminated;

  /**
   * @param tick the wheel's resolution: how late a timer may fire at most (plus scheduling noise)
   * @param buckets how many slots one turn of the wheel has, rounded up to a power of two; a timer
   *     further away than a turn waits in its slot and is skipped until its turn comes
   * @param threadName the name of the wheel's thread
   */
  public TimerWheel(Duration tick, int buckets, String threadName) {
    Objects.requireNonNull(tick, "tick");
    Objects.requireNonNull(threadName, "threadName");
    if (tick.isNegative() || tick.isZero()) {
      throw new IllegalArgumentException("tick must be positive: " + tick);
    }
    if (buckets < 1 || buckets > 1 << 20) {
      throw new IllegalArgumentException("buckets must be in 1..1048576: " + buckets);
    }
    this.tickNanos = tick.toNanos();
    int size = Integer.highestOneBit(buckets - 1 == 0 ? 1 : (buckets - 1) << 1);
    this.mask = size - 1;
    this.buckets = new Node[size];
    for (int i = 0; i < size; i++) {
      Node head = new Node(null, 0, 0, 0);
      head.prev = head;
      head.next = head;
      this.buckets[i] = head;
    }
    this.worker = new Thread(this::run, threadName);
    worker.setDaemon(true);
    worker.start();
  }

  /** A wheel of 10 ms ticks and 1,024 slots (one turn: about 10 s). */
  public static TimerWheel standard(String threadName) {
    return new TimerWheel(Duration.ofMillis(10), 1024, threadName);
  }

  /** Timers scheduled and neither run nor cancelled yet. */
  public int pending() {
    synchronized (lock) {
      return pending;
    }
  }

  // ---- ScheduledExecutorService

  @Override
  public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    Objects.requireNonNull(command, "command");
    return add(command, unit.toNanos(Math.max(0, delay)), 0);
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    throw new UnsupportedOperationException("the timer wheel runs Runnables only");
  }

  /**
   * Runs {@code command} periodically; a late run does not make the next ones come sooner (the
   * period is counted from each run's due time, as at a fixed rate, but missed runs are skipped).
   */
  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(
      Runnable command, long initialDelay, long period, TimeUnit unit) {
    Objects.requireNonNull(command, "command");
    if (period <= 0) {
      throw new IllegalArgumentException("period must be positive: " + period);
    }
    return add(command, unit.toNanos(Math.max(0, initialDelay)), unit.toNanos(period));
  }

  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(
      Runnable command, long initialDelay, long delay, TimeUnit unit) {
    return scheduleAtFixedRate(command, initialDelay, delay, unit);
  }

  /** Runs {@code command} on the wheel's thread at the next tick. */
  @Override
  public void execute(Runnable command) {
    schedule(command, 0, TimeUnit.NANOSECONDS);
  }

  @Override
  public void shutdown() {
    shutdown = true;
    LockSupport.unpark(worker);
  }

  @Override
  public List<Runnable> shutdownNow() {
    List<Runnable> left = new ArrayList<>();
    synchronized (lock) {
      shutdown = true;
      for (Node head : buckets) {
        for (Node n = head.next; n != head; n = n.next) {
          left.add(n.task);
          n.state = Node.CANCELLED;
        }
        head.next = head;
        head.prev = head;
      }
      pending = 0;
    }
    LockSupport.unpark(worker);
    return left;
  }

  @Override
  public boolean isShutdown() {
    return shutdown;
  }

  @Override
  public boolean isTerminated() {
    return terminated;
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
    worker.join(Math.max(1, unit.toMillis(timeout)));
    return terminated;
  }

  // ---- the wheel

  private Node add(Runnable task, long delayNanos, long periodNanos) {
    long deadline = System.nanoTime() + delayNanos;
    Node node = new Node(task, deadline, periodNanos, 0);
    synchronized (lock) {
      if (shutdown) {
        throw new RejectedExecutionException("the timer wheel is shut down");
      }
      insertLocked(node);
      pending++;
    }
    return node;
  }

  /** Files {@code node} under the first tick that starts at or after its deadline. */
  private void insertLocked(Node node) {
    long offset = node.deadline - start;
    long tick = offset <= 0 ? 0 : (offset + tickNanos - 1) / tickNanos;
    node.tick = Math.max(tick, processedTick + 1);
    Node head = buckets[(int) (node.tick & mask)];
    node.prev = head.prev;
    node.next = head;
    head.prev.next = node;
    head.prev = node;
    node.state = Node.WAITING;
  }

  private static void unlinkLocked(Node node) {
    node.prev.next = node.next;
    node.next.prev = node.prev;
    node.prev = null;
    node.next = null;
  }

  private boolean cancel(Node node) {
    synchronized (lock) {
      if (node.state != Node.WAITING) {
        if (node.state == Node.RUNNING && node.period > 0) {
          node.state = Node.CANCELLED; // a periodic task cancelled while it runs: no next run
          return true;
        }
        return false;
      }
      unlinkLocked(node);
      node.state = Node.CANCELLED;
      pending--;
    }
    synchronized (node) {
      node.notifyAll();
    }
    return true;
  }

  private void run() {
    List<Node> due = new ArrayList<>();
    try {
      while (!shutdown) {
        long next;
        synchronized (lock) {
          next = processedTick + 1;
        }
        long wakeAt = start + next * tickNanos;
        long wait;
        while ((wait = wakeAt - System.nanoTime()) > 0 && !shutdown) {
          LockSupport.parkNanos(this, wait);
        }
        if (shutdown) {
          break;
        }
        collect(next, due);
        for (Node node : due) {
          fire(node);
        }
        due.clear();
      }
    } finally {
      terminated = true;
    }
  }

  /** Takes the timers of {@code tick} out of its slot; later turns' timers stay. */
  private void collect(long tick, List<Node> due) {
    synchronized (lock) {
      Node head = buckets[(int) (tick & mask)];
      Node node = head.next;
      while (node != head) {
        Node following = node.next;
        if (node.tick <= tick) {
          unlinkLocked(node);
          node.state = Node.RUNNING;
          pending--;
          due.add(node);
        }
        node = following;
      }
      processedTick = tick;
    }
  }

  private void fire(Node node) {
    try {
      node.task.run();
    } catch (RuntimeException | Error e) {
      LOG.log(System.Logger.Level.ERROR, "timer task failed", e);
    }
    synchronized (lock) {
      if (node.period > 0 && node.state == Node.RUNNING && !shutdown) {
        long now = System.nanoTime();
        long deadline = node.deadline + node.period;
        if (deadline - now < 0) {
          deadline += ((now - deadline) / node.period + 1) * node.period; // skip missed runs
        }
        node.deadline = deadline;
        insertLocked(node);
        pending++;
        return;
      }
      if (node.state == Node.RUNNING) {
        node.state = Node.DONE;
      }
    }
    synchronized (node) {
      node.notifyAll();
    }
  }

  /** One timer: its task, its deadline, its place in a slot, and the future callers hold. */
  private final class Node implements ScheduledFuture<Object> {
    static final int WAITING = 0;
    static final int RUNNING = 1;
    static final int DONE = 2;
    static final int CANCELLED = 3;

    final Runnable task;
    final long period;
    long deadline; // System.nanoTime() at which it may run; guarded by lock
    long tick; // guarded by lock
    Node prev; // guarded by lock
    Node next; // guarded by lock
    volatile int state;

    Node(Runnable task, long deadline, long period, long tick) {
      this.task = task;
      this.deadline = deadline;
      this.period = period;
      this.tick = tick;
    }

    @Override
    public long getDelay(TimeUnit unit) {
      long at;
      synchronized (lock) {
        at = deadline;
      }
      return unit.convert(at - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed other) {
      return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      return TimerWheel.this.cancel(this);
    }

    @Override
    public boolean isCancelled() {
      return state == CANCELLED;
    }

    @Override
    public boolean isDone() {
      return state >= DONE;
    }

    @Override
    public Object get() throws InterruptedException, ExecutionException {
      synchronized (this) {
        while (state < DONE) {
          wait();
        }
      }
      return result();
    }

    @Override
    public Object get(long timeout, TimeUnit unit)
        throws InterruptedException, ExecutionException, TimeoutException {
      long end = System.nanoTime() + unit.toNanos(timeout);
      synchronized (this) {
        long left;
        while (state < DONE) {
          left = end - System.nanoTime();
          if (left <= 0) {
            throw new TimeoutException();
          }
          TimeUnit.NANOSECONDS.timedWait(this, left);
        }
      }
      return result();
    }

    private Object result() {
      if (state == CANCELLED) {
        throw new CancellationException();
      }
      return null;
    }
  }
}

package bd.com.getit.realtime.adapter.memory;

import static java.util.concurrent.CompletableFuture.completedFuture;

import bd.com.getit.realtime.domain.NodeId;
import bd.com.getit.realtime.domain.StreamOffset;
import bd.com.getit.realtime.domain.cluster.BusRecord;
import bd.com.getit.realtime.domain.cluster.ClusterMessage;
import bd.com.getit.realtime.port.out.Clock;
import bd.com.getit.realtime.port.out.ClusterBus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * A cluster bus inside one process, shared by every "node" of it (one per process; tests give each
 * simulated node its own {@link NodeId}). Offsets are zero-padded decimal counters, so they also
 * sort as text. Messages are kept as the objects published (no encoding), so each arrives as the
 * type it was published as.
 *
 * <p>Publishing appends to a ring of recent records and returns a completed stage. One daemon
 * dispatcher thread delivers records in offset order to every open subscription, skipping the
 * subscriber's own node; a listener that throws is logged and skipped. Closing a subscription stops
 * delivery to it, though a call already under way on the dispatcher may finish after {@code
 * close()} returns. Thread-safe.
 *
 * <p>Memory: the ring keeps at most {@code retainedRecords} records and none older than {@code
 * retention} (by the clock), except records the dispatcher has not yet taken, which stay until it
 * has (unless the count bound forces them out, which is logged). {@link #since} answers from the
 * ring only.
 *
 * <p>{@link #close()} stops the dispatcher; afterwards nothing is delivered, {@code publish}
 * completes exceptionally and {@code subscribe} throws {@link IllegalStateException}.
 */
public final class InMemoryClusterBus implements ClusterBus, AutoCloseable {
  /** The default number of records retained for recovery. */
  public static final int DEFAULT_RETAINED_RECORDS = 10_000;

  /** The default age past which records are dropped. */
  public static final Duration DEFAULT_RETENTION = Duration.ofMinutes(5);

  private static final System.Logger LOG = System.getLogger(InMemoryClusterBus.class.getName());
  private static final int OFFSET_DIGITS = 20;

  private final Clock clock;
  private final int retainedRecords;
  private final Duration retention;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition published = lock.newCondition();
  private final ArrayDeque<Entry> ring = new ArrayDeque<>();
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private final Thread dispatcher;
  private long lastOffset;
  private long dispatched;
  private boolean closed;

  /** A bus with the default retention. */
  public InMemoryClusterBus(Clock clock) {
    this(clock, DEFAULT_RETAINED_RECORDS, DEFAULT_RETENTION);
  }

  public InMemoryClusterBus(Clock clock, int retainedRecords, Duration retention) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.retention = Objects.requireNonNull(retention, "retention");
    if (retainedRecords < 1) {
      throw new IllegalArgumentException("retainedRecords >= 1");
    }
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("retention > 0");
    }
    this.retainedRecords = retainedRecords;
    this.dispatcher = new Thread(this::dispatchLoop, "realtime-memory-bus");
    dispatcher.setDaemon(true);
    dispatcher.start();
  }

  /** One retained record, its numeric offset and when it was published. */
  private record Entry(long offset, Instant at, BusRecord record) {}

  @Override
  public CompletionStage<StreamOffset> publish(NodeId origin, ClusterMessage message) {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(message, "message");
    lock.lock();
    try {
      if (closed) {
        return CompletableFuture.failedFuture(new IllegalStateException("the bus is closed"));
      }
      long offset = ++lastOffset;
      StreamOffset streamOffset = format(offset);
      Instant now = clock.now();
      ring.addLast(new Entry(offset, now, new BusRecord(streamOffset, origin, message)));
      if (dispatched == offset - 1 && !anyListenerBesides(origin)) {
        // No one would receive it (one node alone: its own subscription only): nothing for the
        // dispatcher to do, so it is not woken, a thread switch per publish saved.
        dispatched = offset;
      } else {
        published.signalAll();
      }
      trim(now);
      return completedFuture(streamOffset);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Subscription subscribe(NodeId self, Consumer<BusRecord> listener) {
    Objects.requireNonNull(self, "self");
    Objects.requireNonNull(listener, "listener");
    lock.lock();
    try {
      if (closed) {
        throw new IllegalStateException("the bus is closed");
      }
      // Everything up to the current offset is "before now" for this listener.
      Listener l = new Listener(self, listener, lastOffset);
      listeners.add(l);
      return l;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public CompletionStage<Optional<List<BusRecord>>> since(StreamOffset after) {
    Objects.requireNonNull(after, "after");
    long from = parse(after);
    lock.lock();
    try {
      trim(clock.now());
      long oldestHeld = ring.isEmpty() ? lastOffset + 1 : ring.peekFirst().offset();
      if (from < 0 || from > lastOffset || from < oldestHeld - 1) {
        return completedFuture(Optional.empty());
      }
      List<BusRecord> records = new ArrayList<>();
      for (Entry e : ring) {
        if (e.offset() > from) {
          records.add(e.record());
        }
      }
      return completedFuture(Optional.of(List.copyOf(records)));
    } finally {
      lock.unlock();
    }
  }

  @Override
  public CompletionStage<Optional<StreamOffset>> latest() {
    lock.lock();
    try {
      return completedFuture(lastOffset == 0 ? Optional.empty() : Optional.of(format(lastOffset)));
    } finally {
      lock.unlock();
    }
  }

  /** Stops delivery and the dispatcher thread; closing again is harmless. */
  @Override
  public void close() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      published.signalAll();
    } finally {
      lock.unlock();
    }
    listeners.clear();
    if (Thread.currentThread() != dispatcher) {
      try {
        dispatcher.join(1_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Whether the dispatcher thread still runs: for tests of {@link #close()}. */
  boolean dispatcherAlive() {
    return dispatcher.isAlive();
  }

  /** How many records the ring holds now: for tests of retention. */
  int retained() {
    lock.lock();
    try {
      return ring.size();
    } finally {
      lock.unlock();
    }
  }

  /** Whether an open subscription of another node than {@code origin} would take a record. */
  private boolean anyListenerBesides(NodeId origin) {
    for (Listener l : listeners) {
      if (l.open && !l.self.equals(origin)) {
        return true;
      }
    }
    return false;
  }

  /** Drops records past the count bound, then those past the age bound already dispatched. */
  private void trim(Instant now) {
    while (ring.size() > retainedRecords) {
      Entry dropped = ring.pollFirst();
      if (dropped.offset() > dispatched && !listeners.isEmpty()) {
        LOG.log(
            System.Logger.Level.WARNING,
            "bus dispatcher lags by more than {0} records: dropped {1} before delivery",
            retainedRecords,
            dropped.record().offset());
      }
    }
    Instant horizon = now.minus(retention);
    while (!ring.isEmpty()
        && ring.peekFirst().at().isBefore(horizon)
        && ring.peekFirst().offset() <= dispatched) {
      ring.pollFirst();
    }
  }

  private void dispatchLoop() {
    while (true) {
      List<Entry> batch;
      lock.lock();
      try {
        while (!closed && dispatched == lastOffset) {
          published.awaitUninterruptibly();
        }
        if (closed) {
          return;
        }
        batch = takeUndispatched();
        dispatched = lastOffset;
      } finally {
        lock.unlock();
      }
      for (Entry e : batch) {
        deliver(e);
      }
    }
  }

  /** The ring's records after the dispatched cursor, oldest first. Called under the lock. */
  private List<Entry> takeUndispatched() {
    List<Entry> batch = new ArrayList<>();
    Iterator<Entry> newestFirst = ring.descendingIterator();
    while (newestFirst.hasNext()) {
      Entry e = newestFirst.next();
      if (e.offset() <= dispatched) {
        break;
      }
      batch.add(e);
    }
    Collections.reverse(batch);
    return batch;
  }

  private void deliver(Entry e) {
    for (Listener l : listeners) {
      if (!l.open || e.offset() <= l.startAfter || l.self.equals(e.record().origin())) {
        continue;
      }
      try {
        l.listener.accept(e.record());
      } catch (RuntimeException failure) {
        LOG.log(
            System.Logger.Level.WARNING,
            "bus listener of " + l.self + " failed on " + e.record().offset(),
            failure);
      }
    }
  }

  private static StreamOffset format(long offset) {
    char[] digits = new char[OFFSET_DIGITS]; // zero-padded, without the intermediate strings
    long rest = offset;
    for (int i = OFFSET_DIGITS - 1; i >= 0; i--) {
      digits[i] = (char) ('0' + rest % 10);
      rest /= 10;
    }
    return new StreamOffset(new String(digits));
  }

  /** The numeric offset, or -1 for text this bus never issued. */
  private static long parse(StreamOffset offset) {
    String v = offset.value();
    if (v.length() != OFFSET_DIGITS || !v.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return -1;
    }
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException tooLarge) {
      return -1;
    }
  }

  /** One subscription: a node's listener and the offset it subscribed after. */
  private final class Listener implements Subscription {
    final NodeId self;
    final Consumer<BusRecord> listener;
    final long startAfter;
    volatile boolean open = true;

    Listener(NodeId self, Consumer<BusRecord> listener, long startAfter) {
      this.self = self;
      this.listener = listener;
      this.startAfter = startAfter;
    }

    @Override
    public void close() {
      open = false;
      listeners.remove(this);
    }
  }
}

package bd.com.getit.realtime.adapter.websocket.engineio;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bytes that the send queues of all the sessions of one node may hold together. Each session's
 * queue has its own bound ({@link EngineOptions#sendQueueBytes()}), but thousands of slow clients
 * each within it can still exhaust the heap; this budget caps their sum. When a packet does not
 * fit, the sessions holding the most queued bytes (the slowest readers) are closed, as Centrifugo
 * and Phoenix do, until a tenth of the budget is free again; their clients reconnect and recover
 * what they missed. A packet is refused only when closing every other slow session cannot make
 * room.
 *
 * <p>Thread-safe. The hot path is one compare-and-set on an {@link AtomicLong} per packet queued (a
 * large fanout takes its bytes a chunk at a time: {@link DirectWrites.Mode#acquire}) and one add
 * per packet taken; no lock. Reclaiming runs on the thread whose packet did not fit, under a lock
 * that only reclaiming takes, and never calls the layer above: the evicted sessions report their
 * close later, from the timer thread. Bytes a transport has taken off a queue and is writing (at
 * most one batch per websocket) are no longer counted.
 */
public final class SendQueueBudget {

  private static final System.Logger LOG = System.getLogger(SendQueueBudget.class.getName());

  /** The reason an evicted session reports on close. */
  public static final String EVICTED = "send queue budget exhausted";

  /** A session whose queue the budget may reclaim. */
  interface Member {
    /** The bytes its queue holds now. */
    long queuedBytes();

    /**
     * Drops its queue (releasing the bytes to the budget before returning) and closes the session
     * later, off this thread.
     *
     * @return false when it was already closed or closing: nothing was freed
     */
    boolean evict();
  }

  private final long limitBytes;
  private final long lowWaterBytes;
  private final AtomicLong used = new AtomicLong();
  private final AtomicLong evicted = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  private final Set<Member> members = ConcurrentHashMap.newKeySet();
  private final ReentrantLock reclaiming = new ReentrantLock();

  /**
   * @param limitBytes the most bytes all queues may hold together; {@link Long#MAX_VALUE} for no
   *     limit
   */
  public SendQueueBudget(long limitBytes) {
    if (limitBytes <= 0) {
      throw new IllegalArgumentException("limitBytes must be positive, was " + limitBytes);
    }
    this.limitBytes = limitBytes;
    this.lowWaterBytes = limitBytes - limitBytes / 10;
  }

  /** A quarter of the largest heap this JVM may grow to: the default of the reference server. */
  public static long defaultLimitBytes() {
    return Runtime.getRuntime().maxMemory() / 4;
  }

  /** No limit but the per-session bounds: for engines built without a budget. */
  static SendQueueBudget unlimited() {
    return new SendQueueBudget(Long.MAX_VALUE);
  }

  public long limitBytes() {
    return limitBytes;
  }

  /** The bytes queued now, over every session of this node. */
  public long usedBytes() {
    return used.get();
  }

  /** Sessions closed so far to make room. */
  public long evictedCount() {
    return evicted.get();
  }

  /** Packets refused so far because no room could be made. */
  public long refusedCount() {
    return refused.get();
  }

  void register(Member member) {
    members.add(member);
  }

  void unregister(Member member) {
    members.remove(member);
  }

  /**
   * Takes {@code bytes} from the budget for a packet about to be queued, closing the slowest
   * sessions first when they do not fit. The caller holds no session lock.
   *
   * @return false when no room could be made: the packet must not be queued
   */
  boolean tryAcquire(long bytes) {
    if (take(bytes)) {
      return true;
    }
    reclaim(bytes);
    if (take(bytes)) {
      return true;
    }
    refused.incrementAndGet();
    return false;
  }

  /**
   * Takes {@code bytes} if they fit, without reclaiming: a large fanout's chunk, which falls back
   * to {@link #tryAcquire} per packet when it does not fit.
   */
  boolean tryTake(long bytes) {
    return take(bytes);
  }

  /** Takes {@code bytes} even past the limit: for the few bytes of control packets. */
  void forceAcquire(long bytes) {
    used.addAndGet(bytes);
  }

  /** Gives back the bytes of packets taken off a queue or dropped with it. */
  void release(long bytes) {
    if (bytes != 0) {
      used.addAndGet(-bytes);
    }
  }

  private boolean take(long bytes) {
    while (true) {
      long now = used.get();
      if (now + bytes > limitBytes) {
        return false;
      }
      if (used.compareAndSet(now, now + bytes)) {
        return true;
      }
    }
  }

  /**
   * Closes the sessions with the most queued bytes until {@code needed} fits under the low-water
   * mark. One thread reclaims at a time; the others wait for it (milliseconds, and only when the
   * budget is exhausted), then find the room it made.
   */
  private void reclaim(long needed) {
    reclaiming.lock();
    try {
      if (used.get() + needed <= limitBytes) {
        return; // another thread made room meanwhile
      }
      List<Candidate> candidates = new ArrayList<>(members.size());
      for (Member member : members) {
        long queued = member.queuedBytes();
        if (queued > 0) {
          candidates.add(new Candidate(member, queued));
        }
      }
      candidates.sort(Comparator.comparingLong(Candidate::queued).reversed());
      int closed = 0;
      for (Candidate candidate : candidates) {
        if (used.get() + needed <= lowWaterBytes) {
          break;
        }
        if (candidate.member().evict()) {
          closed++;
        }
      }
      evicted.addAndGet(closed);
      int count = closed;
      LOG.log(
          Level.WARNING,
          () ->
              "send queue budget of "
                  + limitBytes
                  + " bytes exhausted: closed the "
                  + count
                  + " slowest sessions, "
                  + used.get()
                  + " bytes queued now");
    } finally {
      reclaiming.unlock();
    }
  }

  private record Candidate(Member member, long queued) {}
}

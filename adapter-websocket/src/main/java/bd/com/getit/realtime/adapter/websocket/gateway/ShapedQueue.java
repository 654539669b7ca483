package bd.com.getit.realtime.adapter.websocket.gateway;

import bd.com.getit.realtime.adapter.websocket.engineio.EngineSocket;
import bd.com.getit.realtime.adapter.websocket.engineio.LinkClass;
import bd.com.getit.realtime.adapter.websocket.engineio.PreparedMessage;
import bd.com.getit.realtime.adapter.websocket.gateway.ShapingStats.Outcome;
import bd.com.getit.realtime.adapter.websocket.socketio.SioSocket;
import bd.com.getit.realtime.domain.Priority;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The events held for one socket in slow-link mode (PROTOCOL section 10.4). {@code low} and {@code
 * medium} events wait here for the end of the batching window and go to the socket's send queue
 * together (one write), paced to what the link is assumed to carry, so that they never fill the
 * link ahead of a later {@code high} or {@code critical} event; those skip this queue and go to the
 * send queue at once. Of held {@code low} events with the same name and channel only the newest is
 * kept (it moves to the back, so order per channel holds), and the oldest {@code low} ones are shed
 * when they amount to more than the link sends in a few seconds; {@code medium} and higher are
 * never shed. Thread-safe; its window tasks run on the shaper's scheduler.
 */
final class ShapedQueue {

  /** What became of an offered event. */
  enum Result {
    /** Sent to the send queue, or held to be. */
    ACCEPTED,
    /** A {@code low} event refused or shed at once. */
    SHED,
    /** The socket cannot keep up with events that may not be dropped: close it. */
    OVERFLOW,
    /** This queue has been left: deliver the event the ordinary way. */
    LEFT
  }

  /** One held event. */
  private static final class Held {
    final PreparedMessage frame;
    final Priority priority;
    final String key; // name and channel of a low event, else null
    final long weight;

    Held(PreparedMessage frame, Priority priority, String key, long weight) {
      this.frame = frame;
      this.priority = priority;
      this.key = key;
      this.weight = weight;
    }
  }

  private final LinkShaper shaper;
  private final SioSocket socket;
  private final LinkClass linkClass;
  private final long windowNanos;
  private final long bytesPerSecond; // 0: backed up, released as the send queue drains
  private final long heldLowBudget;
  private final Runnable onLeft;

  private final ArrayDeque<Held> held = new ArrayDeque<>(); // guarded by this
  private final Map<String, Held> newestLow = new HashMap<>(); // guarded by this
  private long heldBytes; // guarded by this
  private long heldLowBytes; // guarded by this
  private double tokens; // guarded by this: bytes the link may take now
  private long refilledAt; // guarded by this
  private boolean tickScheduled; // guarded by this
  private boolean leaving; // guarded by this
  private boolean left; // guarded by this

  ShapedQueue(
      LinkShaper shaper,
      SioSocket socket,
      LinkClass linkClass,
      long windowNanos,
      long bytesPerSecond,
      long heldLowBudget,
      Runnable onLeft) {
    this.shaper = shaper;
    this.socket = socket;
    this.linkClass = linkClass;
    this.windowNanos = windowNanos;
    this.bytesPerSecond = bytesPerSecond;
    this.heldLowBudget = heldLowBudget;
    this.onLeft = onLeft;
    this.tokens = burst();
    this.refilledAt = shaper.nanoTime();
    socket.engine().linkClass(linkClass);
  }

  LinkClass linkClass() {
    return linkClass;
  }

  /** What a window may carry: the link's throughput over one window. */
  private double burst() {
    return bytesPerSecond * (double) windowNanos / 1_000_000_000L;
  }

  /**
   * Offers one event: {@code high} and {@code critical} are sent at once, past anything held; the
   * others are held for the window.
   */
  Result offer(PreparedMessage frame, String event, String channel, Priority priority) {
    long weight = frame.weight();
    if (priority.compareTo(Priority.HIGH) >= 0) {
      synchronized (this) {
        if (left) {
          return Result.LEFT;
        }
        refill();
        tokens -= weight;
        if (!held.isEmpty()) {
          shaper.stats().add(linkClass, priority, Outcome.OVERTOOK);
        }
      }
      return socket.sendEncoded(frame) ? Result.ACCEPTED : Result.OVERFLOW;
    }
    boolean low = priority.sheddable();
    synchronized (this) {
      if (left) {
        return Result.LEFT;
      }
      String key = low && channel != null ? event + '\u0000' + channel : null;
      if (key != null) {
        Held older = newestLow.remove(key);
        if (older != null) {
          held.remove(older);
          heldBytes -= older.weight;
          heldLowBytes -= older.weight;
          shaper.stats().add(linkClass, older.priority, Outcome.COALESCED);
        }
      }
      Held added = new Held(frame, priority, key, weight);
      held.add(added);
      heldBytes += weight;
      if (low) {
        heldLowBytes += weight;
        if (key != null) {
          newestLow.put(key, added);
        }
        shedOldestLowBeyondBudget(added);
      }
      if (heldBytes - heldLowBytes > LinkShaper.MAX_HELD_BYTES) {
        return Result.OVERFLOW;
      }
      scheduleLocked();
      return held.contains(added) ? Result.ACCEPTED : Result.SHED;
    }
  }

  /** Keeps held low events within the budget, shedding the oldest first (never {@code keep}). */
  private void shedOldestLowBeyondBudget(Held keep) {
    Iterator<Held> oldestFirst = held.iterator();
    while (heldLowBytes > heldLowBudget && oldestFirst.hasNext()) {
      Held candidate = oldestFirst.next();
      if (!candidate.priority.sheddable() || candidate == keep) {
        continue;
      }
      oldestFirst.remove();
      heldBytes -= candidate.weight;
      heldLowBytes -= candidate.weight;
      if (candidate.key != null) {
        newestLow.remove(candidate.key, candidate);
      }
      shaper.stats().add(linkClass, candidate.priority, Outcome.SHED);
    }
  }

  private void scheduleLocked() {
    if (!tickScheduled && !held.isEmpty()) {
      tickScheduled = true;
      shaper.schedule(this::tick, windowNanos);
    }
  }

  private void refill() {
    if (bytesPerSecond == 0) {
      return;
    }
    long now = shaper.nanoTime();
    tokens = Math.min(burst(), tokens + bytesPerSecond * (double) (now - refilledAt) / 1e9);
    refilledAt = now;
  }

  /**
   * The window ended: releases what the link may take now, in order, to the send queue in one go
   * (so the transport writes it in one write); the rest waits for the next window.
   */
  void tick() {
    boolean closeSocket = false;
    boolean nowLeft = false;
    synchronized (this) {
      tickScheduled = false;
      if (left) {
        return;
      }
      EngineSocket engine = socket.engine();
      if (!engine.isOpen()) {
        clearLocked();
        return;
      }
      long queued = engine.queuedBytes();
      refill();
      long released = 0;
      while (!held.isEmpty() && mayRelease(queued, released)) {
        Held next = held.poll();
        heldBytes -= next.weight;
        if (next.priority.sheddable()) {
          heldLowBytes -= next.weight;
          if (next.key != null) {
            newestLow.remove(next.key, next);
          }
        }
        tokens -= next.weight;
        released += next.weight;
        shaper.stats().add(linkClass, next.priority, Outcome.BATCHED);
        // sent under the lock: an event offered meanwhile must not pass the ones released here
        if (!socket.sendEncoded(next.frame)) {
          if (next.priority.sheddable()) {
            shaper.stats().add(linkClass, next.priority, Outcome.SHED);
          } else {
            closeSocket = true;
            clearLocked();
            break;
          }
        }
      }
      boolean drained = held.isEmpty() && engine.queuedBytes() == 0;
      if (!closeSocket
          && held.isEmpty()
          && (leaving && bytesPerSecond > 0 || bytesPerSecond == 0 && drained)) {
        // a recovered link leaves at once; a backed-up socket once its send queue has drained
        left = true;
        nowLeft = true;
      } else if (bytesPerSecond == 0 && !closeSocket) {
        // backed up: keep looking each window, to notice the queue draining
        tickScheduled = true;
        shaper.schedule(this::tick, windowNanos);
      } else {
        scheduleLocked();
      }
    }
    if (closeSocket) {
      socket.engine().close();
    }
    if (nowLeft) {
      onLeft.run();
    }
  }

  private boolean mayRelease(long queued, long released) {
    if (leaving && bytesPerSecond > 0) {
      return true; // the link recovered: everything held goes now
    }
    if (bytesPerSecond == 0) {
      return queued == 0 && released < LinkShaper.BACKED_UP_RELEASE_BYTES;
    }
    // paced: what the link may take now, and nothing while the send queue is still behind
    return tokens > 0 && queued <= burst();
  }

  /**
   * Leaves slow mode: a reported fast link releases what is held at once; a backed-up socket leaves
   * once its held events and its send queue are drained. Until then events keep coming here, so
   * that none overtakes a held one of its priority.
   */
  void leave() {
    synchronized (this) {
      if (left || leaving) {
        return;
      }
      leaving = true;
      // now, not at the end of the window already scheduled (that tick finds little left to do)
      tickScheduled = true;
      shaper.schedule(this::tick, 0);
    }
  }

  /** Whether this queue is for a backed-up socket (not a reported slow link). */
  boolean backedUp() {
    return bytesPerSecond == 0;
  }

  /** Bytes of events held now. */
  synchronized long heldBytes() {
    return heldBytes;
  }

  private void clearLocked() {
    held.clear();
    newestLow.clear();
    heldBytes = 0;
    heldLowBytes = 0;
  }
}

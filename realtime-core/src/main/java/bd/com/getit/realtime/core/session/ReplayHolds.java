package bd.com.getit.realtime.core.session;

import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.Outbound;
import bd.com.getit.realtime.domain.StreamOffset;
import bd.com.getit.realtime.port.out.LocalDelivery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * Keeps a connection that replays a recovered session from getting an event twice or out of order.
 * A recovered connection joins its channels at once (or it would miss what is published during the
 * replay), and the replay reads the bus from the client's offset to its end: an event published
 * around then may arrive both live and in the replay, live ahead of older replayed ones, or live
 * only after the replay (this node's bus reader may lag behind the stream the replay read). So
 * while the replay runs, live events for the connection are held here; then those the replay did
 * not carry follow it in the order they came, and for a grace period after, a live event the replay
 * already carried is dropped. Bounded: a connection whose held events outgrow {@code limit} is told
 * to reconnect (its session is still recoverable), rather than losing any.
 */
public final class ReplayHolds {

  /** How a hold ended. */
  public enum Released {
    /** The held events the replay did not carry were delivered after it. */
    DELIVERED,
    /** More than the limit arrived during the replay; nothing held was delivered. */
    OVERFLOWED,
    /** The connection had no hold (never held, or dropped meanwhile). */
    NONE
  }

  private static final class Hold {
    final List<Outbound> events = new ArrayList<>();
    boolean open = true;
    boolean overflowed;

    /** After the release: replayed offsets not seen live yet, dropped when they come. */
    Set<StreamOffset> replayed = Set.of();

    long expiresAt = Long.MAX_VALUE;
  }

  private final ConcurrentMap<ConnectionId, Hold> holds = new ConcurrentHashMap<>();
  private final int limit;
  private final long graceNanos;
  private final LongSupplier nanoTime;
  private volatile long nextSweep;

  /**
   * @param limit live events one connection may have held during its replay
   * @param grace how long after the replay a live event it carried is still dropped: longer than
   *     this node's bus reader may lag behind the bus
   * @param nanoTime a monotonic clock ({@code System::nanoTime})
   */
  public ReplayHolds(int limit, Duration grace, LongSupplier nanoTime) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit >= 1");
    }
    if (grace.isNegative() || grace.isZero()) {
      throw new IllegalArgumentException("grace > 0");
    }
    this.limit = limit;
    this.graceNanos = grace.toNanos();
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
  }

  /** Holds live channel events for {@code connection} from now until {@link #release}. */
  public void hold(ConnectionId connection) {
    holds.put(Objects.requireNonNull(connection, "connection"), new Hold());
  }

  /**
   * Keeps {@code outbound} for the held ones among {@code targets}, drops it for those whose replay
   * already carried it, and returns the others. Events without an offset (direct ones) are never
   * replayed and pass. The common case, no replay under way or just done, returns {@code targets}
   * itself.
   */
  public Collection<ConnectionId> divert(Collection<ConnectionId> targets, Outbound outbound) {
    if (holds.isEmpty() || outbound.offset().isEmpty()) {
      return targets;
    }
    sweep();
    // Only around a replay (seconds after a crash): one copy then.
    List<ConnectionId> passing = new ArrayList<>(targets.size());
    for (ConnectionId target : targets) {
      Hold hold = holds.get(target);
      if (hold == null || passes(hold, outbound)) {
        passing.add(target);
      }
    }
    return passing;
  }

  private boolean passes(Hold hold, Outbound outbound) {
    synchronized (hold) {
      if (!hold.open) {
        return !hold.replayed.remove(outbound.offset().get());
      }
      if (hold.events.size() >= limit) {
        hold.overflowed = true;
      } else if (!hold.overflowed) {
        hold.events.add(outbound);
      }
      return false;
    }
  }

  /**
   * Ends the hold: delivers through {@code delivery}, in arrival order, the held events whose
   * offsets are not in {@code replayed}; later live events pass, but those in {@code replayed}
   * (arriving late) are dropped for the grace period.
   */
  public Released release(
      ConnectionId connection, Set<StreamOffset> replayed, LocalDelivery delivery) {
    Hold hold = holds.get(connection);
    if (hold == null) {
      return Released.NONE;
    }
    synchronized (hold) {
      if (!hold.open) {
        return Released.NONE;
      }
      hold.open = false;
      if (hold.overflowed) {
        holds.remove(connection, hold);
        return Released.OVERFLOWED;
      }
      Set<StreamOffset> late = new HashSet<>(replayed);
      List<ConnectionId> target = List.of(connection);
      for (Outbound held : hold.events) {
        // An event reaches a connection live once: one held is not coming again.
        if (!late.remove(held.offset().get())) {
          delivery.deliver(target, held);
        }
      }
      hold.events.clear();
      hold.replayed = late;
      hold.expiresAt = nanoTime.getAsLong() + graceNanos;
      if (late.isEmpty()) {
        holds.remove(connection, hold);
      }
      return Released.DELIVERED;
    }
  }

  /** Forgets the connection's hold (it closed); harmless when there is none. */
  public void drop(ConnectionId connection) {
    Hold hold = holds.remove(connection);
    if (hold != null) {
      synchronized (hold) {
        hold.open = false;
        hold.events.clear();
        hold.replayed = Set.of();
      }
    }
  }

  /** Connections held now, or dropping late duplicates. */
  public int size() {
    sweep();
    return holds.size();
  }

  /** Ends the grace periods that are over, at most about once a second. */
  private void sweep() {
    long now = nanoTime.getAsLong();
    if (now - nextSweep < 0) {
      return;
    }
    nextSweep = now + Duration.ofSeconds(1).toNanos();
    holds.entrySet().removeIf(e -> expired(e.getValue(), now));
  }

  private static boolean expired(Hold hold, long now) {
    synchronized (hold) {
      return !hold.open && now - hold.expiresAt >= 0;
    }
  }
}

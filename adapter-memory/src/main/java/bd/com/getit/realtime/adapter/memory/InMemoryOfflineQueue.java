package bd.com.getit.realtime.adapter.memory;

import static java.util.concurrent.CompletableFuture.completedFuture;

import bd.com.getit.realtime.domain.Event;
import bd.com.getit.realtime.domain.EventId;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.port.out.Clock;
import bd.com.getit.realtime.port.out.OfflineQueue;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-user queues of events for offline users. Thread-safe: every change of a user's queue happens
 * atomically under the map's per-key lock, and a drain removes the whole queue at once, so two
 * drains never share an event. Returns completed stages. Memory: at most {@code capacity} events
 * per user (the oldest is dropped first); events past their TTL (by the clock) are dropped when
 * their user's queue is touched and by a sweep of all queues, run by the first enqueue 5 s (by the
 * clock) after the last sweep (see {@link SweepPace}).
 */
public final class InMemoryOfflineQueue implements OfflineQueue {
  /** The default number of events kept per user. */
  public static final int DEFAULT_CAPACITY = 100;

  private final Clock clock;
  private final int capacity;
  private final ConcurrentHashMap<UserId, LinkedHashMap<EventId, Event>> queues =
      new ConcurrentHashMap<>();
  private final SweepPace sweeps = new SweepPace(SweepPace.DEFAULT_INTERVAL);

  public InMemoryOfflineQueue(Clock clock) {
    this(clock, DEFAULT_CAPACITY);
  }

  public InMemoryOfflineQueue(Clock clock, int capacity) {
    this.clock = Objects.requireNonNull(clock, "clock");
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity >= 1");
    }
    this.capacity = capacity;
  }

  @Override
  public CompletionStage<Void> enqueue(UserId user, Event event) {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(event, "event");
    Instant now = clock.now();
    queues.compute(
        user,
        (u, queue) -> {
          LinkedHashMap<EventId, Event> q = queue == null ? new LinkedHashMap<>() : queue;
          dropExpired(q, now);
          if (event.liveAt(now)) {
            q.putIfAbsent(event.id(), event);
          }
          while (q.size() > capacity) {
            Iterator<EventId> oldest = q.keySet().iterator();
            oldest.next();
            oldest.remove();
          }
          return q.isEmpty() ? null : q;
        });
    if (sweeps.due(now)) {
      sweep(now);
    }
    return completedFuture(null);
  }

  @Override
  public CompletionStage<List<Event>> drain(UserId user, Instant now) {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(now, "now");
    LinkedHashMap<EventId, Event> queue = queues.remove(user);
    if (queue == null) {
      return completedFuture(List.of());
    }
    // The queue left the map atomically: no other thread can see it any more.
    return completedFuture(queue.values().stream().filter(e -> e.liveAt(now)).toList());
  }

  @Override
  public CompletionStage<Integer> size(UserId user) {
    Objects.requireNonNull(user, "user");
    Instant now = clock.now();
    int[] size = new int[1];
    queues.computeIfPresent(
        user,
        (u, q) -> {
          dropExpired(q, now);
          size[0] = q.size();
          return q.isEmpty() ? null : q;
        });
    return completedFuture(size[0]);
  }

  /** Drops the events expired by {@code now} of every queue, and queues left empty. */
  void sweep(Instant now) {
    for (UserId user : queues.keySet()) {
      queues.computeIfPresent(
          user,
          (u, q) -> {
            dropExpired(q, now);
            return q.isEmpty() ? null : q;
          });
    }
  }

  /** How many users have a queue: for tests of the sweep. */
  int users() {
    return queues.size();
  }

  private static void dropExpired(LinkedHashMap<EventId, Event> queue, Instant now) {
    queue.values().removeIf(e -> !e.liveAt(now));
  }
}

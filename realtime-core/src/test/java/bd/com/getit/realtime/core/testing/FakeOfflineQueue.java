package bd.com.getit.realtime.core.testing;

import bd.com.getit.realtime.domain.Event;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.port.out.OfflineQueue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/** Per-user lists in memory, honouring TTLs on drain. */
public final class FakeOfflineQueue implements OfflineQueue {
  public final Map<UserId, List<Event>> queues = new ConcurrentHashMap<>();

  @Override
  public synchronized CompletionStage<Void> enqueue(UserId user, Event event) {
    List<Event> q = queues.computeIfAbsent(user, u -> new ArrayList<>());
    if (q.stream().noneMatch(e -> e.id().equals(event.id()))) {
      q.add(event);
    }
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public synchronized CompletionStage<List<Event>> drain(UserId user, Instant now) {
    List<Event> q = queues.remove(user);
    return CompletableFuture.completedFuture(
        q == null ? List.of() : q.stream().filter(e -> e.liveAt(now)).toList());
  }

  @Override
  public synchronized CompletionStage<Integer> size(UserId user) {
    return CompletableFuture.completedFuture(queues.getOrDefault(user, List.of()).size());
  }

  public synchronized List<Event> of(UserId user) {
    return List.copyOf(queues.getOrDefault(user, List.of()));
  }
}

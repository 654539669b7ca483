package bd.com.getit.realtime.core.testing;

import bd.com.getit.realtime.core.Fanout;
import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.Event;
import bd.com.getit.realtime.domain.StreamOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/** A fanout that records what it is asked to publish; it can be told to fail. */
public final class CapturingFanout implements Fanout {

  /** One publication. */
  public record Published(Event event, Optional<ConnectionId> except) {}

  private final List<Published> published = new CopyOnWriteArrayList<>();
  private volatile RuntimeException failure;

  @Override
  public CompletionStage<StreamOffset> publish(Event event, Optional<ConnectionId> except) {
    if (failure != null) {
      return CompletableFuture.failedFuture(failure);
    }
    published.add(new Published(event, except));
    return CompletableFuture.completedFuture(new StreamOffset(Integer.toString(published.size())));
  }

  public List<Published> published() {
    return List.copyOf(published);
  }

  public List<Event> events() {
    return published.stream().map(Published::event).toList();
  }

  public Event only() {
    if (published.size() != 1) {
      throw new AssertionError("expected one event, got " + published);
    }
    return published.get(0).event();
  }

  public void failWith(RuntimeException e) {
    this.failure = e;
  }
}

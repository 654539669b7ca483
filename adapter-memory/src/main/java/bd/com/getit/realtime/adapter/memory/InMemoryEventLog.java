package bd.com.getit.realtime.adapter.memory;

import static java.util.concurrent.CompletableFuture.completedFuture;

import bd.com.getit.realtime.domain.Event;
import bd.com.getit.realtime.domain.EventId;
import bd.com.getit.realtime.domain.EventRecord;
import bd.com.getit.realtime.port.out.EventLog;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The persisted events of this process and their delivery totals. Thread-safe: totals are added
 * under the map's per-key lock, so no update is lost. Returns completed stages. Memory: the newest
 * {@code maxEvents} events by recording order (the oldest is forgotten first).
 */
public final class InMemoryEventLog implements EventLog {
  /** The default number of events kept. */
  public static final int DEFAULT_MAX_EVENTS = 100_000;

  private final int maxEvents;
  private final ConcurrentHashMap<EventId, EventRecord> records = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<EventId> recordingOrder = new ConcurrentLinkedQueue<>();

  public InMemoryEventLog() {
    this(DEFAULT_MAX_EVENTS);
  }

  public InMemoryEventLog(int maxEvents) {
    if (maxEvents < 1) {
      throw new IllegalArgumentException("maxEvents >= 1");
    }
    this.maxEvents = maxEvents;
  }

  @Override
  public CompletionStage<Void> record(Event event) {
    Objects.requireNonNull(event, "event");
    if (records.putIfAbsent(event.id(), new EventRecord(event, 0, 0)) == null) {
      recordingOrder.add(event.id());
      while (records.size() > maxEvents) {
        EventId oldest = recordingOrder.poll();
        if (oldest == null) {
          break;
        }
        records.remove(oldest);
      }
    }
    return completedFuture(null);
  }

  @Override
  public CompletionStage<Void> countDeliveries(EventId event, int delivered, int failed) {
    Objects.requireNonNull(event, "event");
    if (delivered < 0 || failed < 0) {
      throw new IllegalArgumentException("delivery counts are not negative");
    }
    records.computeIfPresent(
        event,
        (id, r) -> new EventRecord(r.event(), r.delivered() + delivered, r.failed() + failed));
    return completedFuture(null);
  }

  @Override
  public CompletionStage<Optional<EventRecord>> find(EventId event) {
    Objects.requireNonNull(event, "event");
    return completedFuture(Optional.ofNullable(records.get(event)));
  }
}

package bd.com.getit.realtime.adapter.mongo;

import static com.mongodb.client.model.Filters.eq;

import bd.com.getit.realtime.domain.Event;
import bd.com.getit.realtime.domain.EventId;
import bd.com.getit.realtime.domain.EventRecord;
import bd.com.getit.realtime.port.out.EventLog;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.bson.Document;

/**
 * The event log in {@code realtime_events}. Thread-safe; every method returns at once and completes
 * on a driver thread. The event id is the document's {@code _id}, so recording twice keeps the
 * first; delivery totals grow by one atomic {@code $inc} each, so concurrent nodes never lose a
 * count. MongoDB removes a record at its {@code ttl}: the event's time plus the longer of its own
 * time to live and the configured retention.
 */
public final class MongoEventLog implements EventLog {
  static final String EVENTS = "realtime_events";

  private final MongoCollection<Document> events;
  private final Duration retention;
  private final DocumentMapper mapper = DocumentMapper.INSTANCE;

  MongoEventLog(MongoCollection<Document> events, Duration retention) {
    this.events = Objects.requireNonNull(events, "events");
    this.retention = Objects.requireNonNull(retention, "retention");
  }

  @Override
  public CompletionStage<Void> record(Event event) {
    Objects.requireNonNull(event, "event");
    Duration keep = event.ttl().compareTo(retention) > 0 ? event.ttl() : retention;
    Instant removeAt = event.timestamp().plus(keep);
    Document document = mapper.toDocument(event, removeAt).toBson();
    CompletableFuture<Void> recorded = new CompletableFuture<>();
    Publishers.first(events.insertOne(document))
        .whenComplete(
            (r, e) -> {
              if (e == null || MongoChatRepository.isDuplicate(e)) {
                recorded.complete(null); // recorded now, or by an earlier call: unchanged
              } else {
                recorded.completeExceptionally(Reads.failure("recording event " + event.id(), e));
              }
            });
    return recorded;
  }

  @Override
  public CompletionStage<Void> countDeliveries(EventId event, int delivered, int failed) {
    Objects.requireNonNull(event, "event");
    if (delivered < 0 || failed < 0) {
      throw new IllegalArgumentException("counts are not negative");
    }
    if (delivered == 0 && failed == 0) {
      return CompletableFuture.completedFuture(null);
    }
    return Reads.guard(
            "counting deliveries of " + event,
            Publishers.first(
                events.updateOne(
                    eq("_id", event.value()),
                    Updates.combine(
                        Updates.inc(EventDocument.DELIVERED, (long) delivered),
                        Updates.inc(EventDocument.FAILED, (long) failed)))))
        .thenApply(r -> null);
  }

  @Override
  public CompletionStage<Optional<EventRecord>> find(EventId event) {
    Objects.requireNonNull(event, "event");
    return Reads.guard(
            "finding event " + event,
            Publishers.first(events.find(eq("_id", event.value())).limit(1)))
        .thenApply(
            found ->
                found.flatMap(
                    d -> Reads.decode(EVENTS, d, x -> mapper.toDomain(EventDocument.fromBson(x)))));
  }
}

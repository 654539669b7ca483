package bd.com.getit.realtime.port.out;

import bd.com.getit.realtime.domain.Event;
import bd.com.getit.realtime.domain.EventId;
import bd.com.getit.realtime.domain.EventRecord;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The record of persisted events and their delivery totals. Thread-safe; returns at once, completes
 * later. Counts are added atomically, so concurrent nodes never lose an update.
 */
public interface EventLog {

  /** Records the event once; recording the same id again changes nothing. */
  CompletionStage<Void> record(Event event);

  /** Adds to the event's delivered and failed totals; unknown ids are ignored. */
  CompletionStage<Void> countDeliveries(EventId event, int delivered, int failed);

  CompletionStage<Optional<EventRecord>> find(EventId event);
}

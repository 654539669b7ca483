package bd.com.getit.realtime.port.out;

import bd.com.getit.realtime.domain.Event;
import bd.com.getit.realtime.domain.UserId;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Per-user queue of at-least-once events waiting for the user's next connection. Bounded: past its
 * capacity the oldest event is dropped; an event past its TTL is never returned. Thread-safe;
 * returns at once, completes later.
 */
public interface OfflineQueue {

  /**
   * Appends {@code event} to the user's queue. Enqueuing the same event id twice stores it once.
   */
  CompletionStage<Void> enqueue(UserId user, Event event);

  /**
   * Removes and returns the user's live events, oldest first. Atomic: two concurrent drains never
   * both return the same event.
   */
  CompletionStage<List<Event>> drain(UserId user, Instant now);

  CompletionStage<Integer> size(UserId user);
}

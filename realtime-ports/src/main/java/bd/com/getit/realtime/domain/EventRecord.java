package bd.com.getit.realtime.domain;

import java.util.Objects;

/** An event as the event log keeps it, with its delivery totals. */
public record EventRecord(Event event, long delivered, long failed) {
  public EventRecord {
    Objects.requireNonNull(event, "event");
    if (delivered < 0 || failed < 0) {
      throw new IllegalArgumentException("counts are not negative");
    }
  }
}

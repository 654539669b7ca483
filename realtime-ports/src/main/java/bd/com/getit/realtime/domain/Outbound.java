package bd.com.getit.realtime.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * One server-to-client event as the core hands it to a {@code LocalDelivery}: the event name, its
 * single argument, and how it may be treated on the way.
 *
 * @param offset the recovery offset appended for channel events; empty for direct events
 * @param volatileEvent dropped rather than queued when the socket is not ready ({@code typing})
 */
public record Outbound(
    String event,
    JsonValue payload,
    Priority priority,
    Optional<StreamOffset> offset,
    boolean volatileEvent) {
  public Outbound {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(offset, "offset");
  }

  public static Outbound direct(String event, JsonValue payload) {
    return new Outbound(event, payload, Priority.HIGH, Optional.empty(), false);
  }

  public static Outbound of(Event event, StreamOffset offset) {
    return new Outbound(
        event.name(), event.envelope(), event.priority(), Optional.ofNullable(offset), false);
  }
}

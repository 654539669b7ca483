package bd.com.getit.realtime.core.routing;

import bd.com.getit.realtime.domain.Event;
import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.domain.Outbound;
import bd.com.getit.realtime.domain.StreamOffset;
import java.util.Optional;
import java.util.Set;

/**
 * How an event reaches a client (PROTOCOL sections 5 and 6): chat-level events as their bare {@code
 * data}, domain events as the envelope; {@code typing} volatile; which events are at-least-once for
 * offline users.
 */
public final class DeliveryShape {

  /** Events delivered as their {@code data} object rather than the envelope. */
  private static final Set<String> BARE =
      Set.of("message", "typing", "read_receipt", "presence_update");

  /** Events queued for users with no live connection. */
  private static final Set<String> AT_LEAST_ONCE =
      Set.of("message", "notification", "order_status_update", "payment_status_update");

  private DeliveryShape() {}

  /** The single argument the client receives. */
  public static JsonValue payloadOf(Event event) {
    return BARE.contains(event.name()) ? event.data() : event.envelope();
  }

  /** Dropped rather than queued when a socket is not ready. */
  public static boolean isVolatile(Event event) {
    return "typing".equals(event.name());
  }

  /** Queued for addressed users who are offline. */
  public static boolean isAtLeastOnce(Event event) {
    return AT_LEAST_ONCE.contains(event.name());
  }

  /** The event as handed to {@code LocalDelivery}, with its recovery offset if any. */
  public static Outbound outbound(Event event, Optional<StreamOffset> offset) {
    return new Outbound(
        event.name(), payloadOf(event), event.priority(), offset, isVolatile(event));
  }
}

package bd.com.getit.realtime.core.routing;

import bd.com.getit.realtime.domain.Event;
import bd.com.getit.realtime.domain.EventKind;
import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.domain.Outbound;
import bd.com.getit.realtime.domain.StreamOffset;
import java.util.Optional;

/**
 * How an event reaches a client (PROTOCOL sections 5 and 6): chat-level events as their bare {@code
 * data}, domain events as the envelope; {@code typing} volatile; which events are at-least-once for
 * offline users. Decided by the event's {@link EventKind}.
 */
public final class DeliveryShape {

  private DeliveryShape() {}

  /** The single argument the client receives. */
  public static JsonValue payloadOf(Event event) {
    return isBare(event.kind()) ? event.data() : event.envelope();
  }

  /** Events delivered as their {@code data} object rather than the envelope. */
  static boolean isBare(EventKind kind) {
    return switch (kind) {
      case MESSAGE, TYPING, READ_RECEIPT, ROOM_CLOSED, PRESENCE_UPDATE, NOTIFICATION_STATUS -> true;
      default -> false;
    };
  }

  /** Dropped rather than queued when a socket is not ready. */
  public static boolean isVolatile(Event event) {
    return event.kind() == EventKind.TYPING;
  }

  /** Queued for addressed users who are offline. */
  public static boolean isAtLeastOnce(Event event) {
    return switch (event.kind()) {
      case MESSAGE, NOTIFICATION, ORDER_STATUS_UPDATE, PAYMENT_STATUS_UPDATE -> true;
      default -> false;
    };
  }

  /** The event as handed to {@code LocalDelivery}, with its recovery offset if any. */
  public static Outbound outbound(Event event, Optional<StreamOffset> offset) {
    return new Outbound(
        event.name(), payloadOf(event), event.priority(), offset, isVolatile(event));
  }
}

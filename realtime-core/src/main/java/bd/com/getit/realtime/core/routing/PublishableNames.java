package bd.com.getit.realtime.core.routing;

import bd.com.getit.realtime.core.i18n.SystemText;
import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.EventKind;
import bd.com.getit.realtime.domain.RealtimeException;

/**
 * The one rule every ingest interface ({@code POST /events}, Kafka, a socket's {@code
 * broadcast_event}) applies to an event's name (PROTOCOL 10.1): names the server emits itself are
 * not publishable, so that a client can trust what arrives under them.
 */
public final class PublishableNames {

  private PublishableNames() {}

  /**
   * @throws RealtimeException {@link ErrorCode#PAYLOAD_INVALID} when {@code name} is the name of a
   *     {@linkplain EventKind#serverEmitted() server-emitted} kind
   */
  public static void requirePublishable(String name) {
    if (EventKind.of(name).serverEmitted()) {
      throw new RealtimeException(
          ErrorCode.PAYLOAD_INVALID,
          SystemText.RESERVED_EVENT.english() + ": " + name + " is emitted by the server itself");
    }
  }
}

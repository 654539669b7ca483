package bd.com.getit.realtime.adapter.websocket.gateway;

import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.domain.Outbound;

/**
 * Encodes one outbound event as the text of a Socket.IO EVENT packet, once, so that the same string
 * is queued to every subscriber: {@code 2/realtime,["<event>",<payload>]}, with the recovery offset
 * as an extra last argument for channel events.
 */
final class EventFrames {

  private EventFrames() {}

  /**
   * @param namespace the namespace, e.g. {@code /realtime}; the main namespace {@code /} is omitted
   */
  static String encode(String namespace, Outbound outbound) {
    String payload = outbound.payload().toJson();
    StringBuilder out = new StringBuilder(payload.length() + outbound.event().length() + 48);
    out.append('2');
    if (!"/".equals(namespace)) {
      out.append(namespace).append(',');
    }
    out.append('[').append(new JsonValue.JsonString(outbound.event()).toJson());
    out.append(',').append(payload);
    outbound
        .offset()
        .ifPresent(o -> out.append(',').append(new JsonValue.JsonString(o.value()).toJson()));
    return out.append(']').toString();
  }
}

package bd.com.getit.realtime.adapter.redis;

import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.NodeId;
import bd.com.getit.realtime.domain.StreamOffset;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.cluster.BusRecord;
import bd.com.getit.realtime.domain.cluster.ClusterMessage;
import java.util.Map;

/**
 * The fields of a cluster bus stream entry: {@code origin}, {@code type}, and the type's own
 * fields. The type is written explicitly so that a reader decides what an entry is by its type
 * alone: {@code event} carries {@code event} (the event's JSON), {@code disconnect} carries {@code
 * connection} (a socket id), {@code leave_channel} carries {@code user} and {@code channel}. An
 * entry with no {@code type} was written before types existed and is read as an event (all it can
 * do is be delivered); any other type fails to decode.
 */
final class BusEntries {
  static final String ORIGIN = "origin";
  static final String TYPE = "type";
  static final String EVENT = "event";
  static final String CONNECTION = "connection";
  static final String TYPE_EVENT = "event";
  static final String TYPE_DISCONNECT = "disconnect";
  static final String TYPE_LEAVE_CHANNEL = "leave_channel";
  static final String USER = "user";
  static final String CHANNEL = "channel";

  private BusEntries() {}

  static Map<String, String> fields(NodeId origin, ClusterMessage message) {
    if (message instanceof ClusterMessage.PublishedEvent published) {
      return Map.of(
          ORIGIN, origin.value(), TYPE, TYPE_EVENT, EVENT, Codec.event(published.event()));
    }
    if (message instanceof ClusterMessage.DisconnectCommand command) {
      return Map.of(
          ORIGIN, origin.value(), TYPE, TYPE_DISCONNECT, CONNECTION, command.connection().value());
    }
    if (message instanceof ClusterMessage.LeaveChannelCommand command) {
      return Map.of(
          ORIGIN,
          origin.value(),
          TYPE,
          TYPE_LEAVE_CHANNEL,
          USER,
          command.user().value(),
          CHANNEL,
          command.channel().toString());
    }
    throw new IllegalArgumentException("no stream encoding for " + message.getClass());
  }

  /**
   * @throws IllegalArgumentException when the fields are not an entry of a known type
   */
  static BusRecord record(StreamOffset offset, Map<String, String> fields) {
    NodeId origin = NodeId.of(required(fields, ORIGIN));
    String type = fields.getOrDefault(TYPE, TYPE_EVENT);
    ClusterMessage message;
    switch (type) {
      case TYPE_EVENT:
        message = new ClusterMessage.PublishedEvent(Codec.event(required(fields, EVENT)));
        break;
      case TYPE_DISCONNECT:
        message =
            new ClusterMessage.DisconnectCommand(ConnectionId.of(required(fields, CONNECTION)));
        break;
      case TYPE_LEAVE_CHANNEL:
        message =
            new ClusterMessage.LeaveChannelCommand(
                UserId.of(required(fields, USER)), ChannelName.parse(required(fields, CHANNEL)));
        break;
      default:
        throw new IllegalArgumentException("unknown entry type " + type);
    }
    return new BusRecord(offset, origin, message);
  }

  private static String required(Map<String, String> fields, String name) {
    String value = fields.get(name);
    if (value == null) {
      throw new IllegalArgumentException("missing field " + name);
    }
    return value;
  }
}

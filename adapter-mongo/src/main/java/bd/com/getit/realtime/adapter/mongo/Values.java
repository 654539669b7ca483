package bd.com.getit.realtime.adapter.mongo;

import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.EventId;
import bd.com.getit.realtime.domain.JsonValue.JsonObject;
import bd.com.getit.realtime.domain.LocalizedText;
import bd.com.getit.realtime.domain.MessageId;
import bd.com.getit.realtime.domain.NodeId;
import bd.com.getit.realtime.domain.NotificationId;
import bd.com.getit.realtime.domain.Priority;
import bd.com.getit.realtime.domain.Role;
import bd.com.getit.realtime.domain.RoomId;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.chat.MessageType;
import bd.com.getit.realtime.domain.chat.ParticipantRole;
import bd.com.getit.realtime.domain.chat.RoomStatus;
import bd.com.getit.realtime.domain.chat.RoomType;
import bd.com.getit.realtime.domain.connection.Bandwidth;
import bd.com.getit.realtime.domain.connection.ConnectionQuality;
import bd.com.getit.realtime.domain.notification.NotificationStatus;
import bd.com.getit.realtime.domain.presence.Location;
import bd.com.getit.realtime.domain.presence.PresenceStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;

/**
 * The value conversions {@link DocumentMapper} uses: typed ids to strings, enums to their wire
 * names (lowercase, as the REST API shows them), optionals to nullable fields, JSON to BSON.
 */
final class Values {
  private Values() {}

  static String id(MessageId id) {
    return id.value();
  }

  static MessageId messageId(String value) {
    return MessageId.of(value);
  }

  static String id(RoomId id) {
    return id.value();
  }

  static RoomId roomId(String value) {
    return RoomId.of(value);
  }

  static String id(UserId id) {
    return id.value();
  }

  static UserId userId(String value) {
    return UserId.of(value);
  }

  static String id(NotificationId id) {
    return id.value();
  }

  static NotificationId notificationId(String value) {
    return NotificationId.of(value);
  }

  static String id(EventId id) {
    return id.value();
  }

  static EventId eventId(String value) {
    return EventId.of(value);
  }

  static String id(ConnectionId id) {
    return id.value();
  }

  static ConnectionId connectionId(String value) {
    return ConnectionId.of(value);
  }

  static String id(NodeId id) {
    return id.value();
  }

  static NodeId nodeId(String value) {
    return NodeId.of(value);
  }

  static String name(PresenceStatus status) {
    return status.wireName();
  }

  static PresenceStatus presenceStatus(String value) {
    return PresenceStatus.fromWire(value).orElseThrow(() -> unknown("presence status", value));
  }

  static LocationDocument location(Optional<Location> location) {
    return location
        .map(l -> new LocationDocument(l.division(), l.district().orElse(null)))
        .orElse(null);
  }

  static Optional<Location> location(LocationDocument document) {
    return Optional.ofNullable(document).map(d -> Location.of(d.division(), d.district()));
  }

  static NetworkDocument network(Optional<ConnectionQuality> quality) {
    return quality
        .map(q -> new NetworkDocument(q.bandwidth().wireName(), q.latencyMs(), q.packetLoss()))
        .orElse(null);
  }

  static Optional<ConnectionQuality> quality(NetworkDocument d) {
    if (d == null) {
      return Optional.empty();
    }
    if (d.latencyMs() > Integer.MAX_VALUE) {
      throw new MalformedDocumentException("network_info.latency_ms out of range");
    }
    Bandwidth bandwidth =
        Bandwidth.fromWire(d.bandwidth()).orElseThrow(() -> unknown("bandwidth", d.bandwidth()));
    return Optional.of(new ConnectionQuality(bandwidth, (int) d.latencyMs(), d.packetLoss()));
  }

  static String channel(ChannelName channel) {
    return channel.toString();
  }

  static ChannelName channel(String value) {
    return ChannelName.parse(value);
  }

  static String name(Role role) {
    return role.wireName();
  }

  static Role role(String value) {
    return Role.fromWire(value).orElseThrow(() -> unknown("role", value));
  }

  static String name(MessageType type) {
    return type.wireName();
  }

  static MessageType messageType(String value) {
    return MessageType.fromWire(value).orElseThrow(() -> unknown("message type", value));
  }

  static String name(RoomType type) {
    return type.wireName();
  }

  static RoomType roomType(String value) {
    return RoomType.fromWire(value).orElseThrow(() -> unknown("room type", value));
  }

  static String name(RoomStatus status) {
    return status.wireName();
  }

  static RoomStatus roomStatus(String value) {
    return constant(RoomStatus.class, value);
  }

  static String name(ParticipantRole role) {
    return role.wireName();
  }

  static ParticipantRole participantRole(String value) {
    return ParticipantRole.fromStored(value).orElseThrow(() -> unknown("ParticipantRole", value));
  }

  static String name(Priority priority) {
    return priority.wireName();
  }

  static Priority priority(String value) {
    return Priority.fromWire(value).orElseThrow(() -> unknown("priority", value));
  }

  static String name(NotificationStatus status) {
    return status.wireName();
  }

  static NotificationStatus notificationStatus(String value) {
    return constant(NotificationStatus.class, value);
  }

  static Document bson(JsonObject json) {
    return JsonBson.toDocument(json);
  }

  static JsonObject json(Document document) {
    return JsonBson.toJson(document);
  }

  static Instant instant(Optional<Instant> value) {
    return value.orElse(null);
  }

  static Optional<Instant> optionalInstant(Instant value) {
    return Optional.ofNullable(value);
  }

  static String text(Optional<String> value) {
    return value.orElse(null);
  }

  static Optional<String> optionalText(String value) {
    return Optional.ofNullable(value);
  }

  static long millis(Duration duration) {
    return duration.toMillis();
  }

  static Duration duration(long millis) {
    if (millis < 0) {
      throw new MalformedDocumentException("ttl_ms is negative");
    }
    return Duration.ofMillis(millis);
  }

  static LocalizedText localized(String english, String bangla) {
    return new LocalizedText(english, Optional.ofNullable(bangla));
  }

  /** The status times of a notification document; {@code sent_at} is always there. */
  static Map<NotificationStatus, Instant> statusTimes(NotificationDocument d) {
    Map<NotificationStatus, Instant> times = new EnumMap<>(NotificationStatus.class);
    times.put(NotificationStatus.SENT, d.sentAt());
    if (d.deliveredAt() != null) {
      times.put(NotificationStatus.DELIVERED, d.deliveredAt());
    }
    if (d.readAt() != null) {
      times.put(NotificationStatus.READ, d.readAt());
    }
    if (d.clickedAt() != null) {
      times.put(NotificationStatus.CLICKED, d.clickedAt());
    }
    return times;
  }

  private static <E extends Enum<E>> E constant(Class<E> type, String value) {
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw unknown(type.getSimpleName(), value);
    }
  }

  private static MalformedDocumentException unknown(String what, String value) {
    return new MalformedDocumentException("unknown " + what + " '" + value + "'");
  }
}

package bd.com.getit.realtime.adapter.redis;

import bd.com.getit.realtime.domain.EventId;
import bd.com.getit.realtime.domain.JsonValue.JsonObject;
import bd.com.getit.realtime.domain.LocalizedText;
import bd.com.getit.realtime.domain.MessageId;
import bd.com.getit.realtime.domain.NotificationId;
import bd.com.getit.realtime.domain.Priority;
import bd.com.getit.realtime.domain.Role;
import bd.com.getit.realtime.domain.RoomId;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.chat.ChatMessage;
import bd.com.getit.realtime.domain.chat.ChatRoom;
import bd.com.getit.realtime.domain.chat.MessageType;
import bd.com.getit.realtime.domain.chat.Participant;
import bd.com.getit.realtime.domain.chat.ParticipantRole;
import bd.com.getit.realtime.domain.chat.RoomStatus;
import bd.com.getit.realtime.domain.chat.RoomType;
import bd.com.getit.realtime.domain.notification.Announcement;
import bd.com.getit.realtime.domain.notification.Notification;
import bd.com.getit.realtime.domain.notification.NotificationStatus;
import bd.com.getit.realtime.json.JsonTrees;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * JSON text of the chat rooms, chat messages and notifications kept in Redis. Enums are stored by
 * their Java names (an internal format, not the wire one), times as ISO-8601 instants, so a record
 * read back equals the one written. Text of another shape fails with {@link
 * IllegalArgumentException}.
 */
final class RecordCodec {
  private RecordCodec() {}

  static String room(ChatRoom room) {
    List<bd.com.getit.realtime.domain.JsonValue> participants = new ArrayList<>();
    for (Participant p : room.participants()) {
      participants.add(
          JsonObject.builder()
              .put("user", p.user().value())
              .put("role", p.role().name())
              .put("joined_at", p.joinedAt().toString())
              .put("last_read_at", p.lastReadAt().map(Instant::toString).orElse(null))
              .build());
    }
    return JsonObject.builder()
        .put("id", room.id().value())
        .put("type", room.type().name())
        .put("status", room.status().name())
        .put("created_by", room.createdBy().value())
        .put("metadata", room.metadata())
        .put("participants", new bd.com.getit.realtime.domain.JsonValue.JsonArray(participants))
        .put("created_at", room.createdAt().toString())
        .build()
        .toJson();
  }

  static ChatRoom room(String json) {
    JsonNode n = Codec.tree(json);
    List<Participant> participants = new ArrayList<>();
    for (JsonNode p : n.path("participants")) {
      participants.add(
          new Participant(
              UserId.of(text(p, "user")),
              ParticipantRole.fromStored(text(p, "role"))
                  .orElseThrow(() -> new IllegalArgumentException("unknown role")),
              Instant.parse(text(p, "joined_at")),
              optionalText(p, "last_read_at").map(Instant::parse)));
    }
    return new ChatRoom(
        RoomId.of(text(n, "id")),
        RoomType.valueOf(text(n, "type")),
        RoomStatus.valueOf(text(n, "status")),
        UserId.of(text(n, "created_by")),
        object(n, "metadata"),
        participants,
        Instant.parse(text(n, "created_at")));
  }

  static String message(ChatMessage m) {
    return JsonObject.builder()
        .put("id", m.id().value())
        .put("room", m.room().value())
        .put("sender", m.sender().value())
        .put("sender_role", m.senderRole().name())
        .put("type", m.type().name())
        .put("text", m.text())
        .put("metadata", m.metadata())
        .put("timestamp", m.timestamp().toString())
        .build()
        .toJson();
  }

  static ChatMessage message(String json) {
    JsonNode n = Codec.tree(json);
    return new ChatMessage(
        MessageId.of(text(n, "id")),
        RoomId.of(text(n, "room")),
        UserId.of(text(n, "sender")),
        Role.valueOf(text(n, "sender_role")),
        MessageType.valueOf(text(n, "type")),
        text(n, "text"),
        object(n, "metadata"),
        Instant.parse(text(n, "timestamp")));
  }

  static String announcement(Announcement a) {
    return JsonObject.builder()
        .put("id", a.id().value())
        .put("type", a.type())
        .put("title", text(a.title()))
        .put("message", text(a.message()))
        .put("created_at", a.createdAt().toString())
        .put("show_until", a.showUntil().map(Instant::toString).orElse(null))
        .build()
        .toJson();
  }

  static Announcement announcement(String json) {
    JsonNode n = Codec.tree(json);
    return new Announcement(
        EventId.of(text(n, "id")),
        text(n, "type"),
        localized(n.path("title")),
        localized(n.path("message")),
        Instant.parse(text(n, "created_at")),
        optionalText(n, "show_until").map(Instant::parse));
  }

  static String notification(Notification x) {
    JsonObject.Builder times = JsonObject.builder();
    x.statusTimes().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> times.put(e.getKey().name(), e.getValue().toString()));
    return JsonObject.builder()
        .put("id", x.id().value())
        .put("user", x.user().value())
        .put("type", x.type())
        .put("title", text(x.title()))
        .put("message", text(x.message()))
        .put("data", x.data())
        .put("action_url", x.actionUrl().orElse(null))
        .put("priority", x.priority().name())
        .put("status", x.status().name())
        .put("status_times", times.build())
        .build()
        .toJson();
  }

  static Notification notification(String json) {
    JsonNode n = Codec.tree(json);
    Map<NotificationStatus, Instant> times = new EnumMap<>(NotificationStatus.class);
    n.path("status_times")
        .fields()
        .forEachRemaining(
            e ->
                times.put(
                    NotificationStatus.valueOf(e.getKey()), Instant.parse(e.getValue().asText())));
    return new Notification(
        NotificationId.of(text(n, "id")),
        UserId.of(text(n, "user")),
        text(n, "type"),
        localized(n.path("title")),
        localized(n.path("message")),
        object(n, "data"),
        optionalText(n, "action_url"),
        Priority.valueOf(text(n, "priority")),
        NotificationStatus.valueOf(text(n, "status")),
        times);
  }

  private static JsonObject text(LocalizedText t) {
    return JsonObject.builder().put("en", t.english()).put("bn", t.bangla().orElse(null)).build();
  }

  private static LocalizedText localized(JsonNode n) {
    return new LocalizedText(text(n, "en"), optionalText(n, "bn"));
  }

  private static JsonObject object(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isObject()) {
      throw new IllegalArgumentException("missing object field " + field);
    }
    return JsonTrees.toObject(v);
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual()) {
      throw new IllegalArgumentException("missing text field " + field);
    }
    return v.asText();
  }

  private static Optional<String> optionalText(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v != null && v.isTextual() ? Optional.of(v.asText()) : Optional.empty();
  }
}

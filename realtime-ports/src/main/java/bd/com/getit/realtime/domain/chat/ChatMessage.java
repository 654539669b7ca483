package bd.com.getit.realtime.domain.chat;

import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.IsoInstants;
import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.domain.MessageId;
import bd.com.getit.realtime.domain.Role;
import bd.com.getit.realtime.domain.RoomId;
import bd.com.getit.realtime.domain.UserId;
import java.time.Instant;
import java.util.Objects;

/** A message in a room's history; {@code text} is already sanitised. */
public record ChatMessage(
    MessageId id,
    RoomId room,
    UserId sender,
    Role senderRole,
    MessageType type,
    String text,
    JsonValue.JsonObject metadata,
    Instant timestamp) {
  public static final int MAX_LENGTH = 4000;

  public ChatMessage {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(room, "room");
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(senderRole, "senderRole");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(timestamp, "timestamp");
  }

  /** The {@code message} event payload of PROTOCOL section 5. */
  public JsonValue.JsonObject toPayload() {
    return JsonValue.JsonObject.builder()
        .put("id", id.value())
        .put("channel", ChannelName.chat(room).toString())
        .put("room_id", room.value())
        .put("sender_id", sender.value())
        .put("sender_role", senderRole.wireName())
        .put("message", text)
        .put("type", type.wireName())
        .put("metadata", metadata)
        .put("timestamp", IsoInstants.format(timestamp))
        .build();
  }
}

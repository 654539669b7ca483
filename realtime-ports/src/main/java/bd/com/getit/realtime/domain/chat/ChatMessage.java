package bd.com.getit.realtime.domain.chat;

import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.ChannelType;
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

  /**
   * The {@code message} event payload of PROTOCOL section 5. Made for every message and written
   * once onto the wire: it writes itself from this record's fields (no map, no copies) and is built
   * as a map only if something reads its fields.
   */
  public JsonValue.JsonObject toPayload() {
    return new JsonValue.JsonObject(new Payload(this));
  }

  /** The payload's fields, in the order of {@link #payloadFields()}. */
  private static final class Payload extends JsonValue.JsonObject.WrittenFields {
    private final ChatMessage message;

    Payload(ChatMessage message) {
      this.message = message;
    }

    @Override
    protected java.util.Map<String, JsonValue> materialise() {
      return message.payloadFields().fields();
    }

    @Override
    protected void writeJson(StringBuilder out) {
      ChatMessage m = message;
      out.append("{\"id\":");
      writeString(m.id.value(), out);
      out.append(",\"channel\":\"").append(ChannelType.CHAT.prefix()).append(':');
      writeStringContent(m.room.value(), out);
      out.append("\",\"room_id\":");
      writeString(m.room.value(), out);
      out.append(",\"sender_id\":");
      writeString(m.sender.value(), out);
      out.append(",\"sender_role\":");
      writeString(m.senderRole.wireName(), out);
      out.append(",\"message\":");
      writeString(m.text, out);
      out.append(",\"type\":");
      writeString(m.type.wireName(), out);
      out.append(",\"metadata\":");
      writeValue(m.metadata, out);
      out.append(",\"timestamp\":\"");
      IsoInstants.appendTo(m.timestamp, out);
      out.append("\"}");
    }
  }

  /** The payload as a plain object: what {@link Payload} writes, field by field. */
  JsonValue.JsonObject payloadFields() {
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

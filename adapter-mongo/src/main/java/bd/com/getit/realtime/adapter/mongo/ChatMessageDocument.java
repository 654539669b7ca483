package bd.com.getit.realtime.adapter.mongo;

import java.time.Instant;
import java.util.Date;
import org.bson.Document;

/** A {@code chat_messages} document; {@code _id} is the message id, so a retry is stored once. */
record ChatMessageDocument(
    String id,
    String roomId,
    String senderId,
    String senderRole,
    String type,
    String message,
    Document metadata,
    Instant timestamp) {

  static final String ROOM_ID = "room_id";
  static final String TIMESTAMP = "timestamp";
  static final String SENDER_ID = "sender_id";

  Document toBson() {
    return new Document("_id", id)
        .append(ROOM_ID, roomId)
        .append("sender_id", senderId)
        .append("sender_role", senderRole)
        .append("type", type)
        .append("message", message)
        .append("metadata", metadata)
        .append(TIMESTAMP, Date.from(timestamp));
  }

  static ChatMessageDocument fromBson(Document d) {
    return new ChatMessageDocument(
        Fields.text(d, "_id"),
        Fields.text(d, ROOM_ID),
        Fields.text(d, "sender_id"),
        Fields.text(d, "sender_role"),
        Fields.text(d, "type"),
        Fields.text(d, "message"),
        Fields.document(d, "metadata"),
        Fields.instant(d, TIMESTAMP));
  }
}

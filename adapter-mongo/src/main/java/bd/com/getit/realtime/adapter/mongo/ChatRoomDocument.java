package bd.com.getit.realtime.adapter.mongo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/** A {@code chat_rooms} document; its participants are embedded. */
record ChatRoomDocument(
    String id,
    String type,
    String status,
    String createdBy,
    Document metadata,
    List<ParticipantDocument> participants,
    Instant createdAt) {

  /** The field {@code roomsOf} queries (multikey index). */
  static final String PARTICIPANT_USER = "participants.user_id";

  Document toBson() {
    List<Document> members = new ArrayList<>(participants.size());
    participants.forEach(p -> members.add(p.toBson()));
    return new Document("_id", id)
        .append("type", type)
        .append("status", status)
        .append("created_by", createdBy)
        .append("metadata", metadata)
        .append("participants", members)
        .append("created_at", Date.from(createdAt));
  }

  static ChatRoomDocument fromBson(Document d) {
    List<ParticipantDocument> members = new ArrayList<>();
    Fields.list(d, "participants", Document.class)
        .forEach(p -> members.add(ParticipantDocument.fromBson(p)));
    return new ChatRoomDocument(
        Fields.text(d, "_id"),
        Fields.text(d, "type"),
        Fields.text(d, "status"),
        Fields.text(d, "created_by"),
        Fields.document(d, "metadata"),
        members,
        Fields.instant(d, "created_at"));
  }
}

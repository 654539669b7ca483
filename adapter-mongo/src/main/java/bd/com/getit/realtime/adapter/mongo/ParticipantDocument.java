package bd.com.getit.realtime.adapter.mongo;

import java.time.Instant;
import java.util.Date;
import org.bson.Document;

/** One entry of a room's {@code participants} array; {@code lastReadAt} may be null. */
record ParticipantDocument(String userId, String role, Instant joinedAt, Instant lastReadAt) {

  Document toBson() {
    return new Document("user_id", userId)
        .append("role", role)
        .append("joined_at", Date.from(joinedAt))
        .append("last_read_at", lastReadAt == null ? null : Date.from(lastReadAt));
  }

  static ParticipantDocument fromBson(Document d) {
    return new ParticipantDocument(
        Fields.text(d, "user_id"),
        Fields.text(d, "role"),
        Fields.instant(d, "joined_at"),
        Fields.optionalInstant(d, "last_read_at"));
  }
}

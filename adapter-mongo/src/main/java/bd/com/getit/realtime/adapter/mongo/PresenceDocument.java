package bd.com.getit.realtime.adapter.mongo;

import java.time.Instant;
import java.util.Date;
import org.bson.Document;

/**
 * A {@code user_presence} document: a user's last known presence. {@code _id} is the user id (one
 * document per user); {@code updated_at} orders saves, so an older one never replaces a newer.
 */
record PresenceDocument(
    String id,
    String status,
    Instant lastSeen,
    String currentPage,
    LocationDocument location,
    long deviceCount,
    Instant updatedAt) {

  static final String UPDATED_AT = "updated_at";

  Document toBson() {
    return new Document("_id", id)
        .append("status", status)
        .append("last_seen", lastSeen == null ? null : Date.from(lastSeen))
        .append("current_page", currentPage)
        .append("location", location == null ? null : location.toBson())
        .append("device_count", deviceCount)
        .append(UPDATED_AT, Date.from(updatedAt));
  }

  static PresenceDocument fromBson(Document d) {
    return new PresenceDocument(
        Fields.text(d, "_id"),
        Fields.text(d, "status"),
        Fields.optionalInstant(d, "last_seen"),
        Fields.optionalText(d, "current_page"),
        LocationDocument.fromBson(Fields.optionalDocument(d, "location")),
        Fields.whole(d, "device_count"),
        Fields.instant(d, UPDATED_AT));
  }
}

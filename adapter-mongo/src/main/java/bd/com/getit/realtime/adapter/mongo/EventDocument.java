package bd.com.getit.realtime.adapter.mongo;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/**
 * A {@code realtime_events} document with its delivery totals. {@code ttl} is the time MongoDB's
 * TTL monitor removes the record; {@code ttlMs} is the event's own time to live (its offline
 * deliverability), kept so the event reads back unchanged.
 */
record EventDocument(
    String id,
    String type,
    String channel,
    Document data,
    Instant timestamp,
    String priority,
    long ttlMs,
    List<String> recipients,
    boolean persist,
    long delivered,
    long failed,
    Instant ttl) {

  static final String DELIVERED = "delivery_status.delivered";
  static final String FAILED = "delivery_status.failed";
  static final String TTL = "ttl";

  Document toBson() {
    return new Document("_id", id)
        .append("type", type)
        .append("channel", channel)
        .append("data", data)
        .append("timestamp", Date.from(timestamp))
        .append("priority", priority)
        .append("ttl_ms", ttlMs)
        .append("recipients", recipients)
        .append("persist", persist)
        .append("delivery_status", new Document("delivered", delivered).append("failed", failed))
        .append(TTL, Date.from(ttl));
  }

  static EventDocument fromBson(Document d) {
    Document status = Fields.requiredDocument(d, "delivery_status");
    return new EventDocument(
        Fields.text(d, "_id"),
        Fields.text(d, "type"),
        Fields.text(d, "channel"),
        Fields.document(d, "data"),
        Fields.instant(d, "timestamp"),
        Fields.text(d, "priority"),
        Fields.whole(d, "ttl_ms"),
        Fields.list(d, "recipients", String.class),
        Fields.bool(d, "persist"),
        Fields.whole(status, "delivered"),
        Fields.whole(status, "failed"),
        Fields.optionalInstant(d, TTL));
  }
}

package bd.com.getit.realtime.adapter.mongo;

import java.time.Instant;
import java.util.Date;
import org.bson.Document;

/**
 * A {@code realtime_notifications} document: texts in English and Bangla, and the time each status
 * was reached ({@code sent_at} always; the others once reached, else null).
 */
record NotificationDocument(
    String id,
    String userId,
    String channel,
    String type,
    String title,
    String titleBn,
    String message,
    String messageBn,
    Document data,
    String actionUrl,
    String priority,
    String status,
    Instant sentAt,
    Instant deliveredAt,
    Instant readAt,
    Instant clickedAt) {

  static final String USER_ID = "user_id";
  static final String STATUS = "status";
  static final String SENT_AT = "sent_at";

  Document toBson() {
    return new Document("_id", id)
        .append(USER_ID, userId)
        .append("channel", channel)
        .append("type", type)
        .append("title", title)
        .append("title_bn", titleBn)
        .append("message", message)
        .append("message_bn", messageBn)
        .append("data", data)
        .append("action_url", actionUrl)
        .append("priority", priority)
        .append(STATUS, status)
        .append(SENT_AT, Date.from(sentAt))
        .append("delivered_at", date(deliveredAt))
        .append("read_at", date(readAt))
        .append("clicked_at", date(clickedAt));
  }

  private static Date date(Instant instant) {
    return instant == null ? null : Date.from(instant);
  }

  static NotificationDocument fromBson(Document d) {
    return new NotificationDocument(
        Fields.text(d, "_id"),
        Fields.text(d, USER_ID),
        Fields.optionalText(d, "channel"),
        Fields.text(d, "type"),
        Fields.text(d, "title"),
        Fields.optionalText(d, "title_bn"),
        Fields.text(d, "message"),
        Fields.optionalText(d, "message_bn"),
        Fields.document(d, "data"),
        Fields.optionalText(d, "action_url"),
        Fields.text(d, "priority"),
        Fields.text(d, STATUS),
        Fields.instant(d, SENT_AT),
        Fields.optionalInstant(d, "delivered_at"),
        Fields.optionalInstant(d, "read_at"),
        Fields.optionalInstant(d, "clicked_at"));
  }
}

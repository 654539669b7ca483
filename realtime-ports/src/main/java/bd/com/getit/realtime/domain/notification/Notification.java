package bd.com.getit.realtime.domain.notification;

import bd.com.getit.realtime.domain.IsoInstants;
import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.domain.LocalizedText;
import bd.com.getit.realtime.domain.NotificationId;
import bd.com.getit.realtime.domain.Priority;
import bd.com.getit.realtime.domain.UserId;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A notification to one user, in English and Bangla, with the time it reached each status.
 *
 * @param statusTimes when each status was reached; always holds {@link NotificationStatus#SENT}
 */
public record Notification(
    NotificationId id,
    UserId user,
    String type,
    LocalizedText title,
    LocalizedText message,
    JsonValue.JsonObject data,
    Optional<String> actionUrl,
    Priority priority,
    NotificationStatus status,
    Map<NotificationStatus, Instant> statusTimes) {
  public Notification {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(actionUrl, "actionUrl");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(status, "status");
    statusTimes = Map.copyOf(statusTimes);
    if (!statusTimes.containsKey(NotificationStatus.SENT)) {
      throw new IllegalArgumentException("a notification has a sent time");
    }
  }

  public Instant createdAt() {
    return statusTimes.get(NotificationStatus.SENT);
  }

  public boolean unread() {
    return status.isBefore(NotificationStatus.READ);
  }

  /**
   * This notification moved forward to {@code next}; moving back or standing still changes nothing
   * (a click after a read keeps both times; a late "delivered" after a read is ignored).
   */
  public Notification advance(NotificationStatus next, Instant at) {
    if (!status.isBefore(next)) {
      return this;
    }
    Map<NotificationStatus, Instant> times = new EnumMap<>(statusTimes);
    for (NotificationStatus s : NotificationStatus.values()) {
      if (!s.isBefore(status) && !next.isBefore(s)) {
        times.putIfAbsent(s, at);
      }
    }
    return new Notification(id, user, type, title, message, data, actionUrl, priority, next, times);
  }

  /** The {@code data} of the {@code notification} event of PROTOCOL section 5. */
  public JsonValue.JsonObject toPayload() {
    return JsonValue.JsonObject.builder()
        .put("id", id.value())
        .put("type", type)
        .put("title", title.english())
        .put("title_bn", title.bangla().orElse(null))
        .put("message", message.english())
        .put("message_bn", message.bangla().orElse(null))
        .put("action_url", actionUrl.orElse(null))
        .put("priority", priority.wireName())
        .put("data", data)
        .put("status", status.wireName())
        .put("created_at", IsoInstants.format(createdAt()))
        .build();
  }
}

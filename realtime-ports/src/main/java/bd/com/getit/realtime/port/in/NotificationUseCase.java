package bd.com.getit.realtime.port.in;

import bd.com.getit.realtime.domain.Caller;
import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.domain.LocalizedText;
import bd.com.getit.realtime.domain.NotificationId;
import bd.com.getit.realtime.domain.Priority;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.notification.Notification;
import bd.com.getit.realtime.domain.notification.NotificationStatus;
import bd.com.getit.realtime.domain.notification.NotificationTemplate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Per-user notifications: sent by services and admins, delivered live or queued, tracked. */
public interface NotificationUseCase {

  /** Stores the notification and delivers it live, or queues it for the user's next connection. */
  CompletionStage<Notification> send(SendNotificationCommand command);

  /**
   * Renders the command's template in English and Bangla, then sends it as {@link #send} does. An
   * unknown template, a missing or unknown parameter, or a value of the wrong type is {@code
   * PAYLOAD_INVALID} naming it.
   */
  CompletionStage<Notification> sendTemplated(SendTemplatedCommand command);

  /** The server's templates with their parameters, sorted by id (anyone signed in). */
  List<NotificationTemplate> templates();

  /** The caller's own notifications, newest first. */
  CompletionStage<NotificationList> list(Caller caller, boolean unreadOnly, int limit);

  /** Moves one of the caller's notifications forward to {@code READ} or {@code CLICKED}. */
  CompletionStage<Notification> mark(Caller caller, NotificationId id, NotificationStatus status);

  record SendNotificationCommand(
      Caller caller,
      UserId user,
      String type,
      LocalizedText title,
      LocalizedText message,
      JsonValue.JsonObject data,
      Optional<String> actionUrl,
      Priority priority) {
    public SendNotificationCommand {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(data, "data");
      Objects.requireNonNull(actionUrl, "actionUrl");
      Objects.requireNonNull(priority, "priority");
    }
  }

  /**
   * @param type the notification's type; the template's id when empty
   * @param params the template's parameters by name, as JSON values (numbers, amounts as numbers,
   *     times as ISO-8601 strings)
   */
  record SendTemplatedCommand(
      Caller caller,
      UserId user,
      Optional<String> type,
      String template,
      JsonValue.JsonObject params,
      JsonValue.JsonObject data,
      Optional<String> actionUrl,
      Priority priority) {
    public SendTemplatedCommand {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(template, "template");
      Objects.requireNonNull(params, "params");
      Objects.requireNonNull(data, "data");
      Objects.requireNonNull(actionUrl, "actionUrl");
      Objects.requireNonNull(priority, "priority");
    }
  }

  record NotificationList(List<Notification> notifications, long unreadCount) {
    public NotificationList {
      notifications = List.copyOf(notifications);
    }
  }
}

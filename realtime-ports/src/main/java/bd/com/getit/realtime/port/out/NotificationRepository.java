package bd.com.getit.realtime.port.out;

import bd.com.getit.realtime.domain.NotificationId;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.notification.Notification;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Users' notifications and their status. Thread-safe; returns at once, completes later. */
public interface NotificationRepository {

  /** Creates or replaces the notification of the same id. */
  CompletionStage<Void> save(Notification notification);

  CompletionStage<Optional<Notification>> find(NotificationId id);

  /** The user's notifications, newest first, at most {@code limit}, optionally unread only. */
  CompletionStage<List<Notification>> list(UserId user, boolean unreadOnly, int limit);

  CompletionStage<Long> unreadCount(UserId user);
}

package bd.com.getit.realtime.port.out;

import bd.com.getit.realtime.domain.NotificationId;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.notification.Notification;
import bd.com.getit.realtime.domain.notification.NotificationStatus;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Users' notifications and their status. Thread-safe; returns at once, completes later. */
public interface NotificationRepository {

  /** Creates or replaces the notification of the same id. */
  CompletionStage<Void> save(Notification notification);

  CompletionStage<Optional<Notification>> find(NotificationId id);

  /**
   * Saves {@code next} only if the stored notification of its id is still at {@code expected}: a
   * compare-and-set on the status, atomic against every other node, so that two status changes
   * racing (a device reading it while another receives it) never lose one. Completes with whether
   * it was saved; false when the status moved meanwhile or the notification is unknown.
   */
  CompletionStage<Boolean> replace(Notification next, NotificationStatus expected);

  /** The user's notifications, newest first, at most {@code limit}, optionally unread only. */
  CompletionStage<List<Notification>> list(UserId user, boolean unreadOnly, int limit);

  CompletionStage<Long> unreadCount(UserId user);
}

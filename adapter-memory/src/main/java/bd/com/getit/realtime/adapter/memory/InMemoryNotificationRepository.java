package bd.com.getit.realtime.adapter.memory;

import static java.util.concurrent.CompletableFuture.completedFuture;

import bd.com.getit.realtime.domain.NotificationId;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.notification.Notification;
import bd.com.getit.realtime.domain.notification.NotificationStatus;
import bd.com.getit.realtime.port.out.NotificationRepository;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletionStage;

/**
 * Users' notifications in this process. Thread-safe (one lock) and returns completed stages.
 * Memory: each user keeps the newest {@code maxPerUser} notifications (the oldest is forgotten
 * first).
 */
public final class InMemoryNotificationRepository implements NotificationRepository {
  /** The default number of notifications kept per user. */
  public static final int DEFAULT_MAX_PER_USER = 1_000;

  /** Newest first, by creation time then id. */
  private static final Comparator<Notification> NEWEST_FIRST =
      Comparator.comparing(Notification::createdAt).thenComparing(n -> n.id().value()).reversed();

  private final int maxPerUser;
  private final Object lock = new Object();
  private final Map<NotificationId, Notification> byId = new HashMap<>();
  private final Map<UserId, TreeSet<Notification>> byUser = new HashMap<>();

  public InMemoryNotificationRepository() {
    this(DEFAULT_MAX_PER_USER);
  }

  public InMemoryNotificationRepository(int maxPerUser) {
    if (maxPerUser < 1) {
      throw new IllegalArgumentException("maxPerUser >= 1");
    }
    this.maxPerUser = maxPerUser;
  }

  @Override
  public CompletionStage<Void> save(Notification notification) {
    Objects.requireNonNull(notification, "notification");
    synchronized (lock) {
      Notification previous = byId.put(notification.id(), notification);
      if (previous != null) {
        removeFromUser(previous);
      }
      TreeSet<Notification> ofUser =
          byUser.computeIfAbsent(notification.user(), u -> new TreeSet<>(NEWEST_FIRST));
      ofUser.add(notification);
      while (ofUser.size() > maxPerUser) {
        byId.remove(ofUser.pollLast().id());
      }
    }
    return completedFuture(null);
  }

  @Override
  public CompletionStage<Boolean> replace(Notification next, NotificationStatus expected) {
    Objects.requireNonNull(next, "next");
    Objects.requireNonNull(expected, "expected");
    synchronized (lock) {
      Notification current = byId.get(next.id());
      if (current == null || current.status() != expected) {
        return completedFuture(false);
      }
      save(next);
      return completedFuture(true);
    }
  }

  @Override
  public CompletionStage<Optional<Notification>> find(NotificationId id) {
    Objects.requireNonNull(id, "id");
    synchronized (lock) {
      return completedFuture(Optional.ofNullable(byId.get(id)));
    }
  }

  @Override
  public CompletionStage<List<Notification>> list(UserId user, boolean unreadOnly, int limit) {
    Objects.requireNonNull(user, "user");
    if (limit < 0) {
      throw new IllegalArgumentException("limit >= 0");
    }
    synchronized (lock) {
      return completedFuture(
          byUser.getOrDefault(user, new TreeSet<>(NEWEST_FIRST)).stream()
              .filter(n -> !unreadOnly || n.unread())
              .limit(limit)
              .toList());
    }
  }

  @Override
  public CompletionStage<Long> unreadCount(UserId user) {
    Objects.requireNonNull(user, "user");
    synchronized (lock) {
      return completedFuture(
          byUser.getOrDefault(user, new TreeSet<>(NEWEST_FIRST)).stream()
              .filter(Notification::unread)
              .count());
    }
  }

  private void removeFromUser(Notification previous) {
    TreeSet<Notification> ofUser = byUser.get(previous.user());
    ofUser.remove(previous);
    if (ofUser.isEmpty()) {
      byUser.remove(previous.user());
    }
  }
}

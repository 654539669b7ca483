package bd.com.getit.realtime.adapter.memory;

import static java.util.concurrent.CompletableFuture.completedFuture;

import bd.com.getit.realtime.domain.NotificationId;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.notification.Notification;
import bd.com.getit.realtime.domain.notification.NotificationStatus;
import bd.com.getit.realtime.port.out.NotificationRepository;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletionStage;

/**
 * Users' notifications in this process. Thread-safe (one lock) and returns completed stages.
 * Memory: each user keeps the newest {@code maxPerUser} notifications, and all users together the
 * {@code maxNotifications} saved last (the one saved longest ago is forgotten first; a status
 * change counts as a save). A bound per user alone grows with the number of users, as the chat
 * history's bound per room did (BENCHMARKS.md, "Soak").
 */
public final class InMemoryNotificationRepository implements NotificationRepository {
  /** The default number of notifications kept per user. */
  public static final int DEFAULT_MAX_PER_USER = 1_000;

  /** Newest first, by creation time then id. */
  private static final Comparator<Notification> NEWEST_FIRST =
      Comparator.comparing(Notification::createdAt).thenComparing(n -> n.id().value()).reversed();

  /** Bytes of heap a notification is budgeted at for the default total. */
  static final long BUDGETED_BYTES_PER_NOTIFICATION = 1024;

  private final int maxPerUser;
  private final int maxNotifications;
  private final Object lock = new Object();
  // in save order, the one saved longest ago first: the total bound forgets from its head
  private final LinkedHashMap<NotificationId, Notification> byId = new LinkedHashMap<>();
  private final Map<UserId, TreeSet<Notification>> byUser = new HashMap<>();

  public InMemoryNotificationRepository() {
    this(DEFAULT_MAX_PER_USER);
  }

  public InMemoryNotificationRepository(int maxPerUser) {
    this(maxPerUser, defaultMaxNotifications(Runtime.getRuntime().maxMemory()));
  }

  /**
   * @param maxPerUser notifications kept per user
   * @param maxNotifications notifications kept over all users
   */
  public InMemoryNotificationRepository(int maxPerUser, int maxNotifications) {
    if (maxPerUser < 1) {
      throw new IllegalArgumentException("maxPerUser >= 1");
    }
    if (maxNotifications < 1) {
      throw new IllegalArgumentException("maxNotifications >= 1");
    }
    this.maxPerUser = maxPerUser;
    this.maxNotifications = maxNotifications;
  }

  /**
   * The default total: an eighth of the heap at {@value #BUDGETED_BYTES_PER_NOTIFICATION} bytes a
   * notification, between 10,000 and 1,000,000.
   */
  static int defaultMaxNotifications(long maxHeapBytes) {
    long budget = maxHeapBytes / 8 / BUDGETED_BYTES_PER_NOTIFICATION;
    return (int) Math.max(10_000, Math.min(1_000_000, budget));
  }

  @Override
  public CompletionStage<Void> save(Notification notification) {
    Objects.requireNonNull(notification, "notification");
    synchronized (lock) {
      // removed first, so that a save moves it to the end of the save order
      Notification previous = byId.remove(notification.id());
      if (previous != null) {
        removeFromUser(previous);
      }
      byId.put(notification.id(), notification);
      TreeSet<Notification> ofUser =
          byUser.computeIfAbsent(notification.user(), u -> new TreeSet<>(NEWEST_FIRST));
      ofUser.add(notification);
      while (ofUser.size() > maxPerUser) {
        byId.remove(ofUser.pollLast().id());
      }
      while (byId.size() > maxNotifications) {
        Iterator<Notification> savedFirst = byId.values().iterator();
        Notification oldest = savedFirst.next();
        savedFirst.remove();
        removeFromUser(oldest);
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

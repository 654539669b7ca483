package bd.com.getit.realtime.core.testdoubles;

import bd.com.getit.realtime.domain.Notification;
import bd.com.getit.realtime.domain.NotificationId;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.port.out.NotificationRepository;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/** A map-backed notification repository for tests. */
public final class InMemoryNotificationRepository implements NotificationRepository {

  private final Map<NotificationId, Notification> saved = new ConcurrentHashMap<>();

  @Override
  public CompletionStage<Void> save(Notification notification) {
    saved.put(notification.id(), notification);
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletionStage<Optional<Notification>> find(NotificationId id) {
    return CompletableFuture.completedFuture(Optional.ofNullable(saved.get(id)));
  }

  @Override
  public CompletionStage<List<Notification>> list(UserId user, boolean unreadOnly, int limit) {
    return CompletableFuture.completedFuture(
        saved.values().stream()
            .filter(n -> n.user().equals(user))
            .filter(n -> !unreadOnly || n.unread())
            .sorted(Comparator.comparing(Notification::createdAt).reversed())
            .limit(limit)
            .toList());
  }

  @Override
  public CompletionStage<Long> unreadCount(UserId user) {
    return CompletableFuture.completedFuture(
        saved.values().stream().filter(n -> n.user().equals(user) && n.unread()).count());
  }

  public Optional<Notification> get(NotificationId id) {
    return Optional.ofNullable(saved.get(id));
  }

  public int size() {
    return saved.size();
  }
}

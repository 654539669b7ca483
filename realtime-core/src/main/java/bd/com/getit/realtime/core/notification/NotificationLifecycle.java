package bd.com.getit.realtime.core.notification;

import bd.com.getit.realtime.core.DeliveryListener;
import bd.com.getit.realtime.core.Fanout;
import bd.com.getit.realtime.core.Stages;
import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.Event;
import bd.com.getit.realtime.domain.EventId;
import bd.com.getit.realtime.domain.EventKind;
import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.domain.NotificationId;
import bd.com.getit.realtime.domain.Priority;
import bd.com.getit.realtime.domain.notification.Notification;
import bd.com.getit.realtime.domain.notification.NotificationStatus;
import bd.com.getit.realtime.port.out.Clock;
import bd.com.getit.realtime.port.out.IdGenerator;
import bd.com.getit.realtime.port.out.NotificationRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * A notification's status moving forward (PROTOCOL 10.3): {@code delivered} when this node hands
 * the {@code notification} event to a live socket (live, replayed or from the offline queue), then
 * {@code read} and {@code clicked} when its user says so. Each move is a compare-and-set on the
 * stored status, so two nodes delivering to two devices, or a read racing a delivery, move it once
 * and lose nothing; each move that happened is pushed to the user's sockets as {@code
 * notification_status} {@code { id, status, at }}. Thread-safe; never blocks.
 */
public final class NotificationLifecycle implements DeliveryListener {
  private static final System.Logger LOG = System.getLogger(NotificationLifecycle.class.getName());

  /** Compare-and-set attempts before giving up: more would mean a status moving in a loop. */
  private static final int ATTEMPTS = 5;

  private final NotificationRepository notifications;
  private final Fanout fanout;
  private final Clock clock;
  private final IdGenerator ids;

  public NotificationLifecycle(
      NotificationRepository notifications, Fanout fanout, Clock clock, IdGenerator ids) {
    this.notifications = Objects.requireNonNull(notifications, "notifications");
    this.fanout = Objects.requireNonNull(fanout, "fanout");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ids = Objects.requireNonNull(ids, "ids");
  }

  /** A {@code notification} event reached a socket: its notification becomes delivered. */
  @Override
  public void handed(Event event) {
    if (event.kind() != EventKind.NOTIFICATION) {
      return;
    }
    // Events of other services named "notification" carry no stored id: nothing to move.
    Optional<NotificationId> id =
        event.data().text("id").filter(t -> !t.isBlank()).flatMap(NotificationLifecycle::idOf);
    id.ifPresent(
        n ->
            Stages.guard(() -> advance(n, NotificationStatus.DELIVERED))
                .exceptionally(
                    e -> {
                      LOG.log(System.Logger.Level.WARNING, "could not mark " + n + " delivered", e);
                      return Optional.empty();
                    }));
  }

  /**
   * Moves the notification forward to {@code next}, and pushes the move to its user.
   *
   * @return the notification as moved by this call; empty when it is unknown or already at or past
   *     {@code next}
   */
  public CompletionStage<Optional<Notification>> advance(
      NotificationId id, NotificationStatus next) {
    return attempt(id, next, ATTEMPTS);
  }

  private CompletionStage<Optional<Notification>> attempt(
      NotificationId id, NotificationStatus next, int left) {
    return notifications
        .find(id)
        .thenCompose(
            found -> {
              if (found.isEmpty()) {
                return Stages.completed(Optional.<Notification>empty());
              }
              Notification current = found.get();
              Notification moved = current.advance(next, clock.now());
              if (moved == current) {
                return Stages.completed(Optional.<Notification>empty());
              }
              return notifications
                  .replace(moved, current.status())
                  .thenCompose(
                      saved -> {
                        if (saved) {
                          return pushed(moved);
                        }
                        return left > 1
                            ? attempt(id, next, left - 1)
                            : Stages.completed(Optional.<Notification>empty());
                      });
            });
  }

  private CompletionStage<Optional<Notification>> pushed(Notification n) {
    ChannelName inbox = ChannelName.user(n.user());
    Instant at = n.statusTimes().get(n.status());
    Event event =
        new Event(
            EventId.of(ids.next()),
            EventKind.NOTIFICATION_STATUS.wireName(),
            inbox,
            JsonValue.JsonObject.builder()
                .put("id", n.id().value())
                .put("status", n.status().wireName())
                .put("at", at.toString())
                .build(),
            clock.now(),
            Priority.MEDIUM,
            Duration.ZERO,
            List.of(),
            false);
    // Best effort: the stored status stands even if no socket hears of it.
    return fanout
        .publish(event, Optional.empty())
        .handle(
            (offset, failure) -> {
              if (failure != null) {
                LOG.log(
                    System.Logger.Level.WARNING, "could not push the status of " + n.id(), failure);
              }
              return Optional.of(n);
            });
  }

  private static Optional<NotificationId> idOf(String text) {
    try {
      return Optional.of(NotificationId.of(text));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}

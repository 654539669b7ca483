package bd.com.getit.realtime.testkit.contract;

import static bd.com.getit.realtime.testkit.Stages.join;
import static org.assertj.core.api.Assertions.assertThat;

import bd.com.getit.realtime.domain.JsonValue.JsonObject;
import bd.com.getit.realtime.domain.LocalizedText;
import bd.com.getit.realtime.domain.NotificationId;
import bd.com.getit.realtime.domain.Priority;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.notification.Notification;
import bd.com.getit.realtime.domain.notification.NotificationStatus;
import bd.com.getit.realtime.port.out.NotificationRepository;
import bd.com.getit.realtime.testkit.MutableClock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link NotificationRepository} must do. */
public abstract class NotificationRepositoryContract {
  private static final Instant T0 = MutableClock.DEFAULT_START;
  private static final UserId ALICE = UserId.of("alice");
  private static final UserId BOB = UserId.of("bob");

  private NotificationRepository repository;

  /** A new, empty repository. */
  protected abstract NotificationRepository newRepository();

  @BeforeEach
  void createRepository() {
    repository = newRepository();
  }

  private static Notification notification(String id, UserId user, int secondsAfterT0) {
    return new Notification(
        NotificationId.of(id),
        user,
        "order_shipped",
        LocalizedText.of("Your order has shipped", "আপনার অর্ডার পাঠানো হয়েছে"),
        LocalizedText.of("Order 42 is on its way", null),
        JsonObject.builder().put("order_id", "42").build(),
        Optional.of("/orders/42"),
        Priority.HIGH,
        NotificationStatus.SENT,
        Map.of(NotificationStatus.SENT, T0.plusSeconds(secondsAfterT0)));
  }

  private static List<String> ids(List<Notification> list) {
    return list.stream().map(n -> n.id().value()).toList();
  }

  @Test
  void findsASavedNotification() {
    Notification n = notification("n1", ALICE, 0);
    join(repository.save(n));

    assertThat(join(repository.find(NotificationId.of("n1")))).contains(n);
    assertThat(join(repository.find(NotificationId.of("n2")))).isEmpty();
  }

  @Test
  void savingTheSameIdReplacesIt() {
    Notification n = notification("n1", ALICE, 0);
    join(repository.save(n));
    Notification read = n.advance(NotificationStatus.READ, T0.plusSeconds(30));
    join(repository.save(read));

    assertThat(join(repository.find(NotificationId.of("n1")))).contains(read);
    assertThat(join(repository.list(ALICE, false, 10))).containsExactly(read);
  }

  @Test
  void listIsNewestFirstAndOnlyTheUsers() {
    join(repository.save(notification("n1", ALICE, 1)));
    join(repository.save(notification("n3", ALICE, 3)));
    join(repository.save(notification("n2", ALICE, 2)));
    join(repository.save(notification("b1", BOB, 4)));

    assertThat(ids(join(repository.list(ALICE, false, 10)))).containsExactly("n3", "n2", "n1");
    assertThat(ids(join(repository.list(BOB, false, 10)))).containsExactly("b1");
    assertThat(join(repository.list(UserId.of("carol"), false, 10))).isEmpty();
  }

  @Test
  void listReturnsAtMostTheLimit() {
    for (int i = 1; i <= 5; i++) {
      join(repository.save(notification("n" + i, ALICE, i)));
    }

    assertThat(ids(join(repository.list(ALICE, false, 2)))).containsExactly("n5", "n4");
  }

  @Test
  void listCanKeepOnlyUnread() {
    join(repository.save(notification("n1", ALICE, 1)));
    join(
        repository.save(
            notification("n2", ALICE, 2).advance(NotificationStatus.READ, T0.plusSeconds(10))));
    join(
        repository.save(
            notification("n3", ALICE, 3)
                .advance(NotificationStatus.DELIVERED, T0.plusSeconds(10))));
    join(
        repository.save(
            notification("n4", ALICE, 4).advance(NotificationStatus.CLICKED, T0.plusSeconds(10))));

    assertThat(ids(join(repository.list(ALICE, true, 10)))).containsExactly("n3", "n1");
    assertThat(ids(join(repository.list(ALICE, true, 1)))).containsExactly("n3");
    assertThat(join(repository.list(ALICE, false, 10))).hasSize(4);
  }

  @Test
  void unreadCountCountsSentAndDeliveredOnly() {
    join(repository.save(notification("n1", ALICE, 1)));
    join(
        repository.save(
            notification("n2", ALICE, 2).advance(NotificationStatus.DELIVERED, T0.plusSeconds(5))));
    join(
        repository.save(
            notification("n3", ALICE, 3).advance(NotificationStatus.READ, T0.plusSeconds(5))));
    join(repository.save(notification("b1", BOB, 1)));

    assertThat(join(repository.unreadCount(ALICE))).isEqualTo(2L);
    assertThat(join(repository.unreadCount(UserId.of("carol")))).isZero();
  }

  @Test
  void readingANotificationLowersTheUnreadCount() {
    Notification n = notification("n1", ALICE, 1);
    join(repository.save(n));
    assertThat(join(repository.unreadCount(ALICE))).isEqualTo(1L);

    join(repository.save(n.advance(NotificationStatus.READ, T0.plusSeconds(9))));

    assertThat(join(repository.unreadCount(ALICE))).isZero();
  }

  @Test
  void replaceSavesWhileTheStatusIsTheExpectedOne() {
    Notification n = notification("n1", ALICE, 1);
    join(repository.save(n));
    Notification delivered = n.advance(NotificationStatus.DELIVERED, T0.plusSeconds(5));

    assertThat(join(repository.replace(delivered, NotificationStatus.SENT))).isTrue();

    Notification stored = join(repository.find(NotificationId.of("n1"))).orElseThrow();
    assertThat(stored.status()).isEqualTo(NotificationStatus.DELIVERED);
    assertThat(stored.statusTimes()).containsEntry(NotificationStatus.DELIVERED, T0.plusSeconds(5));
    assertThat(join(repository.unreadCount(ALICE))).isEqualTo(1L);
  }

  @Test
  void replaceRefusesWhenTheStatusMovedMeanwhile() {
    Notification n = notification("n1", ALICE, 1);
    join(repository.save(n));
    Notification read = n.advance(NotificationStatus.READ, T0.plusSeconds(5));
    assertThat(join(repository.replace(read, NotificationStatus.SENT))).isTrue();

    // A delivery computed from the notification as it was before the read lands late.
    Notification lateDelivery = n.advance(NotificationStatus.DELIVERED, T0.plusSeconds(6));
    assertThat(join(repository.replace(lateDelivery, NotificationStatus.SENT))).isFalse();

    Notification stored = join(repository.find(NotificationId.of("n1"))).orElseThrow();
    assertThat(stored).isEqualTo(read);
    assertThat(join(repository.unreadCount(ALICE))).isZero();
    assertThat(ids(join(repository.list(ALICE, true, 10)))).isEmpty();
  }

  @Test
  void replaceOfAnUnknownNotificationSavesNothing() {
    Notification n =
        notification("ghost", ALICE, 1).advance(NotificationStatus.READ, T0.plusSeconds(2));

    assertThat(join(repository.replace(n, NotificationStatus.SENT))).isFalse();
    assertThat(join(repository.find(NotificationId.of("ghost")))).isEmpty();
    assertThat(join(repository.list(ALICE, false, 10))).isEmpty();
  }

  @Test
  void aStatusRaceMovesTheNotificationOnce() throws Exception {
    Notification n = notification("n1", ALICE, 1);
    join(repository.save(n));
    Notification delivered = n.advance(NotificationStatus.DELIVERED, T0.plusSeconds(3));
    Notification read = n.advance(NotificationStatus.READ, T0.plusSeconds(4));

    var first = repository.replace(delivered, NotificationStatus.SENT).toCompletableFuture();
    var second = repository.replace(read, NotificationStatus.SENT).toCompletableFuture();

    assertThat(List.of(first.get(), second.get())).containsExactlyInAnyOrder(true, false);
    Notification stored = join(repository.find(NotificationId.of("n1"))).orElseThrow();
    assertThat(stored).isIn(delivered, read);
  }
}

package bd.com.getit.realtime.adapter.memory;

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
import bd.com.getit.realtime.testkit.contract.NotificationRepositoryContract;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InMemoryNotificationRepositoryTest extends NotificationRepositoryContract {

  @Override
  protected NotificationRepository newRepository() {
    return new InMemoryNotificationRepository();
  }

  private static Notification notification(String id, UserId user, int second) {
    return new Notification(
        NotificationId.of(id),
        user,
        "promo",
        LocalizedText.of("Sale", "বিক্রয়"),
        LocalizedText.of("Everything half price", null),
        JsonObject.EMPTY,
        Optional.empty(),
        Priority.LOW,
        NotificationStatus.SENT,
        Map.of(NotificationStatus.SENT, MutableClock.DEFAULT_START.plusSeconds(second)));
  }

  @Test
  void aUserKeepsOnlyTheNewestNotifications() {
    InMemoryNotificationRepository repository = new InMemoryNotificationRepository(2);
    UserId alice = UserId.of("alice");
    for (int i = 1; i <= 3; i++) {
      join(repository.save(notification("n" + i, alice, i)));
    }

    assertThat(join(repository.list(alice, false, 10)))
        .extracting(n -> n.id().value())
        .containsExactly("n3", "n2");
    assertThat(join(repository.find(NotificationId.of("n1")))).isEmpty();
    assertThat(join(repository.unreadCount(alice))).isEqualTo(2L);
  }

  @Test
  void allUsersTogetherKeepOnlyTheNotificationsSavedLast() {
    InMemoryNotificationRepository repository = new InMemoryNotificationRepository(10, 3);
    UserId alice = UserId.of("alice");
    UserId bob = UserId.of("bob");
    join(repository.save(notification("a1", alice, 1)));
    join(repository.save(notification("b1", bob, 2)));
    join(repository.save(notification("a2", alice, 3)));
    // a status change is a save: a1 is now the one saved last, b1 the one saved longest ago
    join(
        repository.replace(
            notification("a1", alice, 1)
                .advance(NotificationStatus.READ, MutableClock.DEFAULT_START.plusSeconds(4)),
            NotificationStatus.SENT));

    join(repository.save(notification("b2", bob, 5)));

    assertThat(join(repository.find(NotificationId.of("b1")))).isEmpty();
    assertThat(join(repository.list(bob, false, 10)))
        .extracting(n -> n.id().value())
        .containsExactly("b2");
    assertThat(join(repository.list(alice, false, 10)))
        .extracting(n -> n.id().value())
        .containsExactly("a2", "a1");
    assertThat(join(repository.unreadCount(alice))).isEqualTo(1L);
  }

  @Test
  void theDefaultTotalFollowsTheHeap() {
    assertThat(InMemoryNotificationRepository.defaultMaxNotifications(64L << 20)).isEqualTo(10_000);
    assertThat(InMemoryNotificationRepository.defaultMaxNotifications(1L << 30)).isEqualTo(131_072);
    assertThat(InMemoryNotificationRepository.defaultMaxNotifications(64L << 30))
        .isEqualTo(1_000_000);
  }

  @Test
  void refusesBoundsBelowOne() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new InMemoryNotificationRepository(1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxNotifications");
  }
}

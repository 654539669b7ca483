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

  @Test
  void aUserKeepsOnlyTheNewestNotifications() {
    InMemoryNotificationRepository repository = new InMemoryNotificationRepository(2);
    UserId alice = UserId.of("alice");
    for (int i = 1; i <= 3; i++) {
      join(
          repository.save(
              new Notification(
                  NotificationId.of("n" + i),
                  alice,
                  "promo",
                  LocalizedText.of("Sale", "বিক্রয়"),
                  LocalizedText.of("Everything half price", null),
                  JsonObject.EMPTY,
                  Optional.empty(),
                  Priority.LOW,
                  NotificationStatus.SENT,
                  Map.of(NotificationStatus.SENT, MutableClock.DEFAULT_START.plusSeconds(i)))));
    }

    assertThat(join(repository.list(alice, false, 10)))
        .extracting(n -> n.id().value())
        .containsExactly("n3", "n2");
    assertThat(join(repository.find(NotificationId.of("n1")))).isEmpty();
    assertThat(join(repository.unreadCount(alice))).isEqualTo(2L);
  }
}

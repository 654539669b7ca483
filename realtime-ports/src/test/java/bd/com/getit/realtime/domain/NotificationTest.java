package bd.com.getit.realtime.domain;

import static org.assertj.core.api.Assertions.assertThat;

import bd.com.getit.realtime.domain.notification.Notification;
import bd.com.getit.realtime.domain.notification.NotificationStatus;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NotificationTest {
  static final Instant SENT = Instant.parse("2026-11-27T04:00:00Z");

  static Notification sent() {
    return new Notification(
        NotificationId.of("n1"),
        UserId.of("u1"),
        "order",
        LocalizedText.of("Shipped", "পাঠানো হয়েছে"),
        LocalizedText.of("Your order is on its way", null),
        JsonValue.JsonObject.EMPTY,
        Optional.empty(),
        Priority.HIGH,
        NotificationStatus.SENT,
        Map.of(NotificationStatus.SENT, SENT));
  }

  @Test
  void movesForwardAndRecordsEveryStepOnce() {
    Instant read = SENT.plusSeconds(60);
    Notification n = sent().advance(NotificationStatus.READ, read);

    assertThat(n.status()).isEqualTo(NotificationStatus.READ);
    assertThat(n.unread()).isFalse();
    assertThat(n.statusTimes())
        .containsEntry(NotificationStatus.DELIVERED, read)
        .containsEntry(NotificationStatus.READ, read)
        .containsEntry(NotificationStatus.SENT, SENT);

    Notification clicked = n.advance(NotificationStatus.CLICKED, read.plusSeconds(5));
    assertThat(clicked.statusTimes()).containsEntry(NotificationStatus.READ, read);
  }

  @Test
  void neverMovesBack() {
    Notification clicked = sent().advance(NotificationStatus.CLICKED, SENT.plusSeconds(1));
    assertThat(clicked.advance(NotificationStatus.DELIVERED, SENT.plusSeconds(9)))
        .isSameAs(clicked);
    assertThat(clicked.advance(NotificationStatus.CLICKED, SENT.plusSeconds(9))).isSameAs(clicked);
  }

  @Test
  void textFallsBackToEnglishWithoutBangla() {
    Notification n = sent();
    assertThat(n.title().in(Language.BN)).isEqualTo("পাঠানো হয়েছে");
    assertThat(n.message().in(Language.BN)).isEqualTo("Your order is on its way");
    assertThat(n.toPayload().fields()).containsKeys("id", "title_bn", "priority", "data");
    assertThat(n.toPayload().fields()).doesNotContainKey("message_bn");
  }
}

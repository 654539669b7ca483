package bd.com.getit.realtime.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.domain.JsonValue.JsonObject;
import bd.com.getit.realtime.domain.LocalizedText;
import bd.com.getit.realtime.domain.MessageId;
import bd.com.getit.realtime.domain.NotificationId;
import bd.com.getit.realtime.domain.Priority;
import bd.com.getit.realtime.domain.Role;
import bd.com.getit.realtime.domain.RoomId;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.chat.ChatMessage;
import bd.com.getit.realtime.domain.chat.ChatRoom;
import bd.com.getit.realtime.domain.chat.MessageType;
import bd.com.getit.realtime.domain.chat.Participant;
import bd.com.getit.realtime.domain.chat.ParticipantRole;
import bd.com.getit.realtime.domain.chat.RoomStatus;
import bd.com.getit.realtime.domain.chat.RoomType;
import bd.com.getit.realtime.domain.notification.Notification;
import bd.com.getit.realtime.domain.notification.NotificationStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecordCodecTest {
  private static final Instant T = Instant.parse("2026-12-07T09:30:00.123456789Z");

  @Test
  void aRoomReadsBackEqualWithReadMarksAndMetadata() {
    ChatRoom room =
        new ChatRoom(
            RoomId.of("room-1"),
            RoomType.VENDOR_CHAT,
            RoomStatus.CLOSED,
            UserId.of("rahim"),
            JsonObject.builder().put("vendor_id", "v-9").put("topic", "ফেরত").build(),
            List.of(
                new Participant(UserId.of("rahim"), ParticipantRole.CUSTOMER, T, Optional.of(T)),
                new Participant(
                    UserId.of("v-9-agent"), ParticipantRole.VENDOR, T, Optional.empty())),
            T);

    assertThat(RecordCodec.room(RecordCodec.room(room))).isEqualTo(room);
  }

  @Test
  void aMessageReadsBackEqualWithExactNumbers() {
    ChatMessage message =
        new ChatMessage(
            MessageId.of("m-1"),
            RoomId.of("room-1"),
            UserId.of("rahim"),
            Role.SUPPORT_AGENT,
            MessageType.PRODUCT,
            "দাম \"কত\"?\n",
            JsonObject.builder()
                .put("price", new JsonValue.JsonNumber(new BigDecimal("12499.50")))
                .build(),
            T);

    assertThat(RecordCodec.message(RecordCodec.message(message))).isEqualTo(message);
  }

  @Test
  void aNotificationReadsBackEqualWithEveryStatusTime() {
    Notification sent =
        new Notification(
            NotificationId.of("n-1"),
            UserId.of("alice"),
            "price_drop",
            LocalizedText.of("Price dropped", "দাম কমেছে"),
            LocalizedText.of("Now Tk 12,499", null),
            JsonObject.EMPTY,
            Optional.of("/p/1"),
            Priority.CRITICAL,
            NotificationStatus.SENT,
            Map.of(NotificationStatus.SENT, T));
    Notification clicked = sent.advance(NotificationStatus.CLICKED, T.plusSeconds(5));

    assertThat(RecordCodec.notification(RecordCodec.notification(sent))).isEqualTo(sent);
    assertThat(RecordCodec.notification(RecordCodec.notification(clicked))).isEqualTo(clicked);
  }

  @Test
  void textOfAnotherShapeIsRefused() {
    assertThatThrownBy(() -> RecordCodec.room("{\"id\":\"r\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("type");
    assertThatThrownBy(() -> RecordCodec.message("not json"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                RecordCodec.notification(
                    RecordCodec.notification(
                            new Notification(
                                NotificationId.of("n"),
                                UserId.of("u"),
                                "t",
                                LocalizedText.of("a", null),
                                LocalizedText.of("b", null),
                                JsonObject.EMPTY,
                                Optional.empty(),
                                Priority.LOW,
                                NotificationStatus.SENT,
                                Map.of(NotificationStatus.SENT, T)))
                        .replace("\"LOW\"", "\"URGENT\"")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

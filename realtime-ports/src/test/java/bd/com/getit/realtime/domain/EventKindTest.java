package bd.com.getit.realtime.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventKindTest {

  @Test
  void theServerEmittedNamesAreExactlyTheProtocolsAndTheServersOwn() {
    List<String> serverEmitted =
        Arrays.stream(EventKind.values())
            .filter(EventKind::serverEmitted)
            .map(EventKind::wireName)
            .toList();

    assertThat(serverEmitted)
        .containsExactlyInAnyOrder(
            // PROTOCOL 10.1
            "authenticated",
            "error",
            "message",
            "typing",
            "read_receipt",
            "presence_update",
            "offline_sync",
            "room_closed",
            "notification_status",
            // made by place_bid only
            "auction_bid",
            // Socket.IO's life-cycle events
            "connect",
            "connect_error",
            "disconnect",
            "disconnecting");
  }

  @ParameterizedTest
  @EnumSource(value = EventKind.class, names = "CUSTOM", mode = EnumSource.Mode.EXCLUDE)
  void aKindIsFoundByItsName(EventKind kind) {
    assertThat(EventKind.of(kind.wireName())).isEqualTo(kind);
    assertThat(kind.knownName()).contains(kind.wireName());
  }

  @Test
  void anyOtherNameIsCustomAndPublishable() {
    for (String name : List.of("admin_disconnect", "product_review_added", "x", "Message", "")) {
      assertThat(EventKind.of(name)).as(name).isEqualTo(EventKind.CUSTOM);
    }
    assertThat(EventKind.of(null)).isEqualTo(EventKind.CUSTOM);
    assertThat(EventKind.CUSTOM.serverEmitted()).isFalse();
    assertThat(EventKind.CUSTOM.knownName()).isEmpty();
    assertThatThrownBy(EventKind.CUSTOM::wireName).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void platformNamesOthersPublishAreNotServerEmitted() {
    for (String name :
        List.of(
            "product_price_change",
            "order_status_update",
            "notification",
            "system_announcement",
            "auction_closed")) {
      assertThat(EventKind.of(name).serverEmitted()).as(name).isFalse();
    }
  }

  @Test
  void anEventKnowsItsKind() {
    Event e =
        new Event(
            EventId.of("e1"),
            "typing",
            ChannelName.parse("chat:r1"),
            JsonValue.JsonObject.EMPTY,
            java.time.Instant.EPOCH,
            Priority.LOW,
            java.time.Duration.ZERO,
            List.of(),
            false);
    assertThat(e.kind()).isEqualTo(EventKind.TYPING);
  }
}

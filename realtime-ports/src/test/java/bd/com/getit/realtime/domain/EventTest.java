package bd.com.getit.realtime.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventTest {
  static final Instant AT = Instant.parse("2026-11-27T04:00:00Z");

  static Event event(String name, Duration ttl) {
    return new Event(
        EventId.of("e1"),
        name,
        ChannelName.parse("product:42"),
        JsonValue.JsonObject.builder().put("new_price", 1250).build(),
        AT,
        Priority.HIGH,
        ttl,
        List.of(),
        false);
  }

  @Test
  void envelopeIsTheProtocolShape() {
    assertThat(event("product_price_change", Duration.ZERO).envelope().toJson())
        .isEqualTo(
            "{\"id\":\"e1\",\"event\":\"product_price_change\",\"channel\":\"product:42\","
                + "\"data\":{\"new_price\":1250},\"timestamp\":\"2026-11-27T04:00:00Z\","
                + "\"priority\":\"high\"}");
  }

  @Test
  void namesAreLowerSnakeCase() {
    for (String bad : List.of("", "Product", "1abc", "with space", "x".repeat(65))) {
      assertThatThrownBy(() -> event(bad, Duration.ZERO))
          .isInstanceOfSatisfying(
              RealtimeException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.PAYLOAD_INVALID));
    }
  }

  @Test
  void ttlBoundsLiveness() {
    Event live = event("x", Duration.ofMinutes(5));
    assertThat(live.liveAt(AT.plusSeconds(300))).isTrue();
    assertThat(live.liveAt(AT.plusSeconds(301))).isFalse();
    assertThat(event("x", Duration.ZERO).liveAt(AT.plusSeconds(86_400))).isTrue();
    assertThatThrownBy(() -> event("x", Duration.ofSeconds(-1)))
        .isInstanceOf(RealtimeException.class);
  }
}

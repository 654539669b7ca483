package bd.com.getit.realtime.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.Event;
import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.domain.JsonValue.JsonObject;
import bd.com.getit.realtime.domain.Priority;
import bd.com.getit.realtime.domain.presence.DevicePresence;
import bd.com.getit.realtime.domain.presence.Location;
import bd.com.getit.realtime.domain.presence.PresenceStatus;
import bd.com.getit.realtime.domain.presence.ShoppingActivity;
import bd.com.getit.realtime.json.JsonLimits;
import bd.com.getit.realtime.testkit.TestChannels;
import bd.com.getit.realtime.testkit.TestEvents;
import bd.com.getit.realtime.testkit.TestUsers;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CodecTest {

  @Test
  void anEventReadsBackEqualWithExactNumbersAndNestedData() {
    JsonObject data =
        JsonObject.builder()
            .put("price", new JsonValue.JsonNumber(new BigDecimal("1499.50")))
            .put("big", new JsonValue.JsonNumber(new BigDecimal("123456789012345678901234567890")))
            .put("text", "দাম \"কমেছে\"\n")
            .put(
                "list",
                JsonValue.JsonArray.of(JsonValue.JsonBool.TRUE, JsonValue.JsonNull.INSTANCE))
            .build();
    Event e =
        TestEvents.event()
            .id("e-1")
            .name("order_status_update")
            .channel(TestChannels.order())
            .data(data)
            .priority(Priority.HIGH)
            .ttl(Duration.ofMinutes(5))
            .recipients(TestChannels.user(TestUsers.customer().user()))
            .persist(true)
            .build();

    assertThat(Codec.event(Codec.event(e))).isEqualTo(e);
  }

  @Test
  void anEventWithDataAsDeepAsAnyInterfaceAcceptsReadsBack() {
    // The record wraps the data: the limits must count from the data, not from the record.
    JsonValue nested = JsonObject.EMPTY;
    for (int depth = 1; depth < JsonLimits.DEFAULT.maxDepth(); depth++) {
      nested = JsonObject.builder().put("n", nested).build();
    }
    Event e = TestEvents.event().id("e-deep").data((JsonObject) nested).build();

    assertThat(Codec.event(Codec.event(e))).isEqualTo(e);
  }

  @Test
  void anEventWhoseDataIsNoObjectIsRefused() {
    String stored = Codec.event(TestEvents.event().id("e-2").build());
    String corrupt = stored.replaceFirst("\"data\":\\{\\}", "\"data\":[1]");

    assertThat(corrupt).isNotEqualTo(stored);
    assertThatThrownBy(() -> Codec.event(corrupt))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("an object is expected");
  }

  @Test
  void aDeviceReadsBackEqualWithAndWithoutOptionalFields() {
    DevicePresence full =
        new DevicePresence(
            ConnectionId.of("c1"),
            PresenceStatus.BUSY,
            Optional.of("/cart"),
            new ShoppingActivity(Optional.of("p-9"), 3, true),
            Optional.of(Location.of("Dhaka", "Gulshan")),
            Instant.parse("2026-01-01T10:00:00.123Z"));
    DevicePresence bare =
        new DevicePresence(
            ConnectionId.of("c2"),
            PresenceStatus.ONLINE,
            Optional.empty(),
            ShoppingActivity.NONE,
            Optional.empty(),
            Instant.parse("2026-01-01T10:00:00Z"));

    for (DevicePresence d : List.of(full, bare)) {
      assertThat(Codec.device(Codec.device(d))).isEqualTo(d);
    }
  }

  @Test
  void textThatIsNotARecordFailsClearly() {
    assertThatThrownBy(() -> Codec.event("{not json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not JSON");
    assertThatThrownBy(() -> Codec.event("{\"id\":\"x\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("name");
  }

  @Test
  void timestampsReadAsInstantParseReadsThem() {
    List<String> texts =
        List.of(
            "2026-12-07T20:24:01Z",
            "2026-12-07T20:24:01.1Z",
            "2026-12-07T20:24:01.120Z",
            "2026-12-07T20:24:01.123456Z",
            "2026-12-07T20:24:01.123456789Z",
            "1970-01-01T00:00:00Z",
            "1969-12-31T23:59:59.999999999Z",
            "2024-02-29T12:00:00.5Z",
            "0001-01-01T00:00:00Z",
            "2026-12-07T24:00:00Z", // the formatter's end of day
            "2016-12-31T23:59:60Z", // and its leap second
            "2026-12-07T20:24:01.Z", // and its empty fraction
            Instant.now().toString(),
            Instant.ofEpochSecond(-1_000_000_000_000L).toString(), // a negative year
            Instant.MAX.toString());
    for (String text : texts) {
      assertThat(Codec.instant(text)).as(text).isEqualTo(Instant.parse(text));
    }
  }

  @Test
  void timestampsInstantParseRefusesAreRefused() {
    for (String bad :
        List.of(
            "2026-02-30T00:00:00Z",
            "2026-12-07T20:60:00Z",
            "2026-12-07T20:24:01.1234567890Z",
            "2026-1x-07T20:24:01Z",
            "2026-12-07 20:24:01Z",
            "yesterday")) {
      assertThatThrownBy(() -> Codec.instant(bad)).as(bad).isInstanceOf(DateTimeException.class);
    }
  }

  @Test
  void anEventRecordThatIsNoObjectOrHasNoTextIdIsRefused() {
    assertThatThrownBy(() -> Codec.event("[1]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("object");
    String stored = Codec.event(TestEvents.event().id("e-3").build());
    assertThatThrownBy(() -> Codec.event(stored.replace("\"id\":\"e-3\"", "\"id\":3")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("id");
  }
}

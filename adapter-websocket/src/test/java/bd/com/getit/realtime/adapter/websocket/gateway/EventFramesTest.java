package bd.com.getit.realtime.adapter.websocket.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.domain.Outbound;
import bd.com.getit.realtime.domain.Priority;
import bd.com.getit.realtime.domain.StreamOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The text of the EVENT packets encoded once for fanout. */
class EventFramesTest {

  private static final JsonValue PAYLOAD = JsonValue.JsonObject.builder().put("a", 1).build();

  @Test
  void encodesAnEventInTheNamespace() {
    Outbound outbound = Outbound.direct("authenticated", PAYLOAD);

    assertThat(EventFrames.encode("/realtime", outbound))
        .isEqualTo("2/realtime,[\"authenticated\",{\"a\":1}]");
  }

  @Test
  void appendsTheRecoveryOffsetAsLastArgument() {
    Outbound outbound =
        new Outbound(
            "product_price_change",
            PAYLOAD,
            Priority.HIGH,
            Optional.of(new StreamOffset("1700000000000-0")),
            false);

    assertThat(EventFrames.encode("/realtime", outbound))
        .isEqualTo("2/realtime,[\"product_price_change\",{\"a\":1},\"1700000000000-0\"]");
  }

  @Test
  void escapesTheEventName() {
    Outbound outbound = Outbound.direct("we\"ird\\name", JsonValue.JsonNull.INSTANCE);

    assertThat(EventFrames.encode("/realtime", outbound))
        .isEqualTo("2/realtime,[\"we\\\"ird\\\\name\",null]");
  }

  @Test
  void omitsTheMainNamespace() {
    assertThat(EventFrames.encode("/", Outbound.direct("x", PAYLOAD)))
        .isEqualTo("2[\"x\",{\"a\":1}]");
  }
}

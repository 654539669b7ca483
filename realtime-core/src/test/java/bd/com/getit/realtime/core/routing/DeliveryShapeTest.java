package bd.com.getit.realtime.core.routing;

import static bd.com.getit.realtime.core.testing.Fixtures.event;
import static org.assertj.core.api.Assertions.assertThat;

import bd.com.getit.realtime.domain.Event;
import bd.com.getit.realtime.domain.Outbound;
import bd.com.getit.realtime.domain.StreamOffset;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeliveryShapeTest {

  @ParameterizedTest
  @ValueSource(strings = {"message", "typing", "read_receipt", "room_closed", "presence_update"})
  void chatLevelEventsAreDeliveredAsTheirData(String name) {
    Event e = event("e1", name, "chat:r1");
    assertThat(DeliveryShape.payloadOf(e)).isEqualTo(e.data());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"notification", "product_price_change", "order_status_update", "auction_bid"})
  void domainEventsAreDeliveredAsTheEnvelope(String name) {
    Event e = event("e1", name, "product:1");
    assertThat(DeliveryShape.payloadOf(e)).isEqualTo(e.envelope());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"message", "notification", "order_status_update", "payment_status_update"})
  void atLeastOnceEvents(String name) {
    assertThat(DeliveryShape.isAtLeastOnce(event("e", name, "user:u1"))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"typing", "read_receipt", "presence_update", "product_price_change"})
  void liveOnlyEvents(String name) {
    assertThat(DeliveryShape.isAtLeastOnce(event("e", name, "user:u1"))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"message", "notification", "read_receipt"})
  void onlyTypingIsVolatile(String name) {
    assertThat(DeliveryShape.isVolatile(event("e", name, "chat:r1"))).isFalse();
    assertThat(DeliveryShape.isVolatile(event("e", "typing", "chat:r1"))).isTrue();
  }

  @org.junit.jupiter.api.Test
  void outboundCarriesNamePayloadPriorityOffsetAndVolatility() {
    Event typing = event("e", "typing", "chat:r1");
    Outbound o = DeliveryShape.outbound(typing, Optional.of(new StreamOffset("5-0")));
    assertThat(o.event()).isEqualTo("typing");
    assertThat(o.payload()).isEqualTo(typing.data());
    assertThat(o.priority()).isEqualTo(typing.priority());
    assertThat(o.offset()).contains(new StreamOffset("5-0"));
    assertThat(o.volatileEvent()).isTrue();
    Outbound n = DeliveryShape.outbound(event("e", "notification", "user:u1"), Optional.empty());
    assertThat(n.volatileEvent()).isFalse();
    assertThat(n.offset()).isEmpty();
  }
}

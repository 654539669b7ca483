package bd.com.getit.realtime.core.routing;

import static bd.com.getit.realtime.core.testing.Fixtures.channel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.domain.RealtimeException;
import org.junit.jupiter.api.Test;

class ChannelDerivationTest {

  private static JsonValue.JsonObject data(String... kv) {
    var b = JsonValue.JsonObject.builder();
    for (int i = 0; i < kv.length; i += 2) {
      b.put(kv[i], kv[i + 1]);
    }
    return b.build();
  }

  @Test
  void productEventsGoToTheProductChannel() {
    var t = ChannelDerivation.derive("product_price_change", data("product_id", "123"));
    assertThat(t.channel()).isEqualTo(channel("product:123"));
    assertThat(t.recipients()).isEmpty();
    assertThat(ChannelDerivation.derive("product_stock_update", data("product_id", "9")).channel())
        .isEqualTo(channel("product:9"));
  }

  @Test
  void numericIdsAreAccepted() {
    var d = JsonValue.JsonObject.builder().put("product_id", 42).build();
    assertThat(ChannelDerivation.derive("product_x", d).channel()).isEqualTo(channel("product:42"));
  }

  @Test
  void orderAndPaymentUpdatesGoToTheOrderWithTheCustomerAsRecipient() {
    for (String name : new String[] {"order_status_update", "payment_status_update"}) {
      var t = ChannelDerivation.derive(name, data("order_id", "o1", "customer_id", "u1"));
      assertThat(t.channel()).isEqualTo(channel("order:o1"));
      assertThat(t.recipients()).containsExactly(channel("user:u1"));
    }
  }

  @Test
  void notificationsGoToTheUser() {
    var t = ChannelDerivation.derive("notification", data("user_id", "u7"));
    assertThat(t.channel()).isEqualTo(channel("user:u7"));
    assertThat(t.recipients()).isEmpty();
  }

  @Test
  void announcementsGoToTheSystemChannel() {
    assertThat(ChannelDerivation.derive("system_announcement", data()).channel())
        .isEqualTo(ChannelName.ANNOUNCEMENTS);
  }

  @Test
  void otherEventsNeedAChannel() {
    assertThatThrownBy(() -> ChannelDerivation.derive("auction_bid", data("auction_id", "a")))
        .isInstanceOf(RealtimeException.class)
        .hasMessageContaining("channel required")
        .extracting(e -> ((RealtimeException) e).code())
        .isEqualTo(ErrorCode.PAYLOAD_INVALID);
    assertThatThrownBy(() -> ChannelDerivation.derive("productx", data("product_id", "1")))
        .isInstanceOf(RealtimeException.class);
  }

  @Test
  void missingOrInvalidIdsArePayloadInvalid() {
    assertThat(code(() -> ChannelDerivation.derive("product_x", data())))
        .isEqualTo(ErrorCode.PAYLOAD_INVALID);
    assertThat(code(() -> ChannelDerivation.derive("product_x", data("product_id", "a b"))))
        .isEqualTo(ErrorCode.PAYLOAD_INVALID);
    assertThat(code(() -> ChannelDerivation.derive("order_status_update", data("order_id", "o1"))))
        .isEqualTo(ErrorCode.PAYLOAD_INVALID);
    assertThat(
            code(() -> ChannelDerivation.derive("payment_status_update", data("customer_id", "u"))))
        .isEqualTo(ErrorCode.PAYLOAD_INVALID);
    assertThat(code(() -> ChannelDerivation.derive("notification", data("user", "u"))))
        .isEqualTo(ErrorCode.PAYLOAD_INVALID);
  }

  private static ErrorCode code(Runnable r) {
    try {
      r.run();
    } catch (RealtimeException e) {
      return e.code();
    }
    throw new AssertionError("no failure");
  }
}

package bd.com.getit.realtime.adapter.websocket.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bd.com.getit.realtime.domain.ErrorCode;
import org.junit.jupiter.api.Test;

class GatewayCountersTest {
  private final GatewayCounters counters = new GatewayCounters();

  @Test
  void countsRefusalsByCodeAndRateLimitsByAction() {
    counters.refused(ErrorCode.RATE_LIMITED, "send_message");
    counters.refused(ErrorCode.RATE_LIMITED, "connect");
    counters.refused(ErrorCode.RATE_LIMITED, "no_such_event");
    counters.refused(ErrorCode.CHANNEL_INVALID, "join_channel");

    assertThat(counters.refusals(ErrorCode.RATE_LIMITED)).isEqualTo(3);
    assertThat(counters.refusals(ErrorCode.CHANNEL_INVALID)).isEqualTo(1);
    assertThat(counters.refusals(ErrorCode.FORBIDDEN)).isZero();
    assertThat(counters.rateLimited("send_message")).isEqualTo(1);
    assertThat(counters.rateLimited("connect")).isEqualTo(1);
    // an event name outside the closed set counts as "other", so the series stay bounded
    assertThat(counters.rateLimited("other")).isEqualTo(1);
    assertThat(counters.rateLimited("join_channel")).isZero();
    assertThatThrownBy(() -> counters.rateLimited("no_such_event"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void countsConnectionsAndDisconnectionsByReason() {
    counters.connected();
    counters.connected();
    counters.disconnected(DisconnectReason.of("ping timeout"));
    counters.disconnected(DisconnectReason.of("a reason from a future Socket.IO"));

    assertThat(counters.connections()).isEqualTo(2);
    assertThat(counters.disconnections(DisconnectReason.PING_TIMEOUT)).isEqualTo(1);
    assertThat(counters.disconnections(DisconnectReason.OTHER)).isEqualTo(1);
    assertThat(counters.disconnections(DisconnectReason.TRANSPORT_CLOSE)).isZero();
  }

  @Test
  void everySocketIoReasonHasItsOwnLabel() {
    for (DisconnectReason reason : DisconnectReason.values()) {
      assertThat(DisconnectReason.of(reason.socketIoReason())).isEqualTo(reason);
      assertThat(reason.label()).matches("[a-z_]+");
    }
    assertThat(DisconnectReason.CLIENT_NAMESPACE_DISCONNECT.socketIoReason())
        .isEqualTo(RealtimeNamespace.CLIENT_LEFT);
    assertThat(DisconnectReason.SERVER_NAMESPACE_DISCONNECT.socketIoReason())
        .isEqualTo(RealtimeNamespace.SERVER_KICKED);
  }
}

package bd.com.getit.realtime.adapter.websocket.engineio;

import static org.assertj.core.api.Assertions.assertThat;

import bd.com.getit.realtime.adapter.websocket.engineio.DeflateNegotiation.Agreement;
import bd.com.getit.realtime.adapter.websocket.engineio.DeflateNegotiation.Offer;
import bd.com.getit.realtime.adapter.websocket.engineio.DeflateNegotiation.Param;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeflateNegotiationTest {

  @Test
  void parsesExtensionsParametersAndQuotedValues() {
    List<Offer> offers =
        DeflateNegotiation.parse(
            "permessage-deflate; client_max_window_bits; server_max_window_bits=\"1,5\" ,"
                + " x-webkit-deflate-frame, ;");

    assertThat(offers)
        .containsExactly(
            new Offer(
                "permessage-deflate",
                List.of(
                    new Param("client_max_window_bits", null),
                    new Param("server_max_window_bits", "\"1,5\""))),
            new Offer("x-webkit-deflate-frame", List.of()));
    assertThat(DeflateNegotiation.parse(null)).isEmpty();
  }

  @Test
  void acceptsTheUsualBrowserOfferAndTellsTheClientToDropItsContext() {
    Agreement agreement =
        DeflateNegotiation.negotiate("permessage-deflate; client_max_window_bits").orElseThrow();

    assertThat(agreement.header()).isEqualTo("permessage-deflate; client_no_context_takeover");
    assertThat(agreement.contextTakeoverAllowed()).isTrue();
  }

  @Test
  void agreesToServerNoContextTakeoverAndFifteenBitWindowsWhenAsked() {
    Agreement agreement =
        DeflateNegotiation.negotiate(
                "permessage-deflate; server_no_context_takeover; server_max_window_bits=\"15\"")
            .orElseThrow();

    assertThat(agreement.header())
        .isEqualTo(
            "permessage-deflate; server_no_context_takeover; client_no_context_takeover;"
                + " server_max_window_bits=15");
    assertThat(agreement.contextTakeoverAllowed()).isFalse();
  }

  @Test
  void declinesSmallServerWindowsUnknownOrRepeatedParametersAndTakesTheNextOffer() {
    assertThat(DeflateNegotiation.negotiate("permessage-deflate; server_max_window_bits=10"))
        .isEmpty();
    assertThat(DeflateNegotiation.negotiate("permessage-deflate; foo")).isEmpty();
    assertThat(
            DeflateNegotiation.negotiate(
                "permessage-deflate; client_max_window_bits; client_max_window_bits"))
        .isEmpty();
    assertThat(DeflateNegotiation.negotiate("permessage-deflate; client_max_window_bits=7"))
        .isEmpty();
    assertThat(DeflateNegotiation.negotiate("x-webkit-deflate-frame")).isEmpty();
    assertThat(DeflateNegotiation.negotiate((String) null)).isEmpty();
    assertThat(
            DeflateNegotiation.negotiate(
                "permessage-deflate; server_max_window_bits=10, permessage-deflate"))
        .map(Agreement::header)
        .hasValue("permessage-deflate; client_no_context_takeover");
  }
}

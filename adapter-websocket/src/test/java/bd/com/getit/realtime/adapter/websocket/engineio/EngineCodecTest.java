package bd.com.getit.realtime.adapter.websocket.engineio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EngineCodecTest {

  private static final int MAX = 1_000_000;

  private static List<EnginePacket> decode(String payload) throws EngineParseException {
    List<EnginePacket> packets = new ArrayList<>();
    EngineCodec.decodePayload(payload.getBytes(StandardCharsets.UTF_8), MAX, packets::add);
    return packets;
  }

  @Test
  void encodesEveryPacketTypeAsItsDigit() {
    assertThat(EngineCodec.encodeFrame(EnginePacket.text(PacketType.OPEN, "{}"))).isEqualTo("0{}");
    assertThat(EngineCodec.encodeFrame(EnginePacket.CLOSE)).isEqualTo("1");
    assertThat(EngineCodec.encodeFrame(EnginePacket.PING)).isEqualTo("2");
    assertThat(EngineCodec.encodeFrame(EnginePacket.PONG)).isEqualTo("3");
    assertThat(EngineCodec.encodeFrame(EnginePacket.message("hello"))).isEqualTo("4hello");
    assertThat(EngineCodec.encodeFrame(EnginePacket.UPGRADE)).isEqualTo("5");
    assertThat(EngineCodec.encodeFrame(EnginePacket.NOOP)).isEqualTo("6");
    assertThat(EngineCodec.encodeFrame(EnginePacket.text(PacketType.PONG, "probe")))
        .isEqualTo("3probe");
  }

  @Test
  void refusesToEncodeBinaryAsATextFrame() {
    assertThatThrownBy(() -> EngineCodec.encodeFrame(EnginePacket.message(new byte[] {1})))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void decodesTextFramesOfEveryType() throws EngineParseException {
    assertThat(EngineCodec.decodeFrame("2probe", MAX))
        .isEqualTo(EnginePacket.text(PacketType.PING, "probe"));
    assertThat(EngineCodec.decodeFrame("3", MAX)).isEqualTo(EnginePacket.PONG);
    assertThat(EngineCodec.decodeFrame("4héllo €", MAX)).isEqualTo(EnginePacket.message("héllo €"));
    assertThat(EngineCodec.decodeFrame("4", MAX)).isEqualTo(EnginePacket.message(""));
    assertThat(EngineCodec.decodeFrame("5", MAX)).isEqualTo(EnginePacket.UPGRADE);
    assertThat(EngineCodec.decodeFrame("6", MAX)).isEqualTo(EnginePacket.NOOP);
    assertThat(EngineCodec.decodeFrame("1", MAX)).isEqualTo(EnginePacket.CLOSE);
  }

  @Test
  void decodesABase64TextFrameAsBinary() throws EngineParseException {
    assertThat(EngineCodec.decodeFrame("bAQIDBA==", MAX))
        .isEqualTo(EnginePacket.message(new byte[] {1, 2, 3, 4}));
  }

  @Test
  void decodesABinaryFrameAsABinaryMessage() throws EngineParseException {
    assertThat(EngineCodec.decodeBinaryFrame(new byte[] {0, (byte) 0xff}, MAX))
        .isEqualTo(EnginePacket.message(new byte[] {0, (byte) 0xff}));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "abc", "7", "9x", "/", ":", "x4hello", "B"})
  void rejectsMalformedFrames(String frame) {
    assertThatThrownBy(() -> EngineCodec.decodeFrame(frame, MAX))
        .isInstanceOf(EngineParseException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"b!!!!", "bAQID*A==", "bA", "bAQIDBA=x"})
  void rejectsBadBase64(String frame) {
    assertThatThrownBy(() -> EngineCodec.decodeFrame(frame, MAX))
        .isInstanceOf(EngineParseException.class)
        .hasMessage("bad base64");
  }

  @Test
  void rejectsOversizeFramesAndPayloads() {
    String big = "4" + "x".repeat(10);
    assertThatThrownBy(() -> EngineCodec.decodeFrame(big, 10))
        .isInstanceOf(EngineParseException.class)
        .hasMessage("frame too large");
    assertThatThrownBy(() -> EngineCodec.decodeBinaryFrame(new byte[11], 10))
        .isInstanceOf(EngineParseException.class);
    assertThatThrownBy(
            () -> EngineCodec.decodePayload(big.getBytes(StandardCharsets.UTF_8), 10, packet -> {}))
        .isInstanceOf(EngineParseException.class)
        .hasMessage("payload too large");
  }

  @Test
  void measuresTheLimitInUtf8Bytes() throws EngineParseException {
    String threeBytes = "4€"; // 1 + 3 bytes
    assertThat(EngineCodec.decodeFrame(threeBytes, 4)).isEqualTo(EnginePacket.message("€"));
    assertThatThrownBy(() -> EngineCodec.decodeFrame(threeBytes, 3))
        .isInstanceOf(EngineParseException.class);
  }

  @Test
  void countsUtf8LengthLikeTheEncoder() {
    for (String text :
        List.of("", "abc", "héllo", "€uro", "😀 smile", "\ud800 lone", "mixed ü€😀")) {
      assertThat(EngineCodec.utf8Length(text))
          .as(text)
          .isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
    }
  }

  @Test
  void encodesAPayloadWithRecordSeparatorsAndBase64Binary() {
    String payload =
        EngineCodec.encodePayload(
            List.of(
                EnginePacket.message("hello"),
                EnginePacket.message(new byte[] {1, 2, 3, 4}),
                EnginePacket.PING));
    assertThat(payload).isEqualTo("4hello\u001ebAQIDBA==\u001e2");
  }

  @Test
  void encodesASinglePacketPayloadWithoutSeparator() {
    assertThat(EngineCodec.encodePayload(List.of(EnginePacket.NOOP))).isEqualTo("6");
  }

  @Test
  void decodesAPayloadInOrder() throws EngineParseException {
    assertThat(decode("4test1\u001e4test2\u001ebAQIDBA==\u001e3\u001e1"))
        .containsExactly(
            EnginePacket.message("test1"),
            EnginePacket.message("test2"),
            EnginePacket.message(new byte[] {1, 2, 3, 4}),
            EnginePacket.PONG,
            EnginePacket.CLOSE);
  }

  @Test
  void roundTripsPayloads() throws EngineParseException {
    List<EnginePacket> packets =
        List.of(
            EnginePacket.message("a\u001fb"),
            EnginePacket.message(""),
            EnginePacket.message(new byte[0]),
            EnginePacket.message("😀"),
            EnginePacket.text(PacketType.OPEN, "{\"sid\":\"x\"}"));
    assertThat(decode(EngineCodec.encodePayload(packets))).containsExactlyElementsOf(packets);
  }

  @Test
  void deliversThePacketsBeforeAMalformedOneThenFails() {
    List<EnginePacket> delivered = new ArrayList<>();
    assertThatThrownBy(
            () ->
                EngineCodec.decodePayload(
                    "4ok\u001eabc\u001e4never".getBytes(StandardCharsets.UTF_8),
                    MAX,
                    delivered::add))
        .isInstanceOf(EngineParseException.class)
        .hasMessage("unknown packet type");
    assertThat(delivered).containsExactly(EnginePacket.message("ok"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "\u001e", "4a\u001e", "\u001e4a", "4a\u001e\u001e4b"})
  void rejectsEmptyPacketsInAPayload(String payload) {
    assertThatThrownBy(() -> decode(payload))
        .isInstanceOf(EngineParseException.class)
        .hasMessage("empty packet");
  }

  @Test
  void knowsEveryTypeCodeAndNoOther() {
    for (PacketType type : PacketType.values()) {
      assertThat(PacketType.fromCode(type.code())).isEqualTo(type);
    }
    assertThat(PacketType.fromCode('7')).isNull();
    assertThat(PacketType.fromCode('/')).isNull();
    assertThat(PacketType.fromCode('a')).isNull();
  }

  @Test
  void packetsCarryTextOrBinaryNeverBoth() {
    assertThatThrownBy(() -> new EnginePacket(PacketType.MESSAGE, "a", new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EnginePacket(PacketType.MESSAGE, null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EnginePacket(PacketType.PING, null, new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void weighsPacketsInBytes() {
    assertThat(EnginePacket.message("€").weight()).isEqualTo(4);
    assertThat(EnginePacket.message(new byte[10]).weight()).isEqualTo(11);
    assertThat(EnginePacket.PING.weight()).isEqualTo(1);
  }
}

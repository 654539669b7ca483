package bd.com.getit.realtime.adapter.websocket.engineio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WebSocketFramesTest {

  @Test
  void lengthsUseTheShortestEncodingAndServerFramesAreUnmasked() {
    assertHeader(WebSocketFrames.text(new byte[125]), new int[] {0x81, 125});
    assertHeader(WebSocketFrames.text(new byte[126]), new int[] {0x81, 126, 0, 126});
    assertHeader(WebSocketFrames.text(new byte[65_535]), new int[] {0x81, 126, 0xFF, 0xFF});
    assertHeader(
        WebSocketFrames.text(new byte[65_536]), new int[] {0x81, 127, 0, 0, 0, 0, 0, 1, 0, 0});
  }

  @Test
  void aPreparedMessageIsTheMessagePacketInUtf8AndWeighsItsBytes() {
    PreparedMessage message = PreparedMessage.of("é😀");
    byte[] payload = "4é😀".getBytes(StandardCharsets.UTF_8);

    assertThat(message.text()).isEqualTo("é😀");
    assertThat(message.weight()).isEqualTo(payload.length);
    assertThat(message.weight()).isEqualTo(EnginePacket.message("é😀").weight());
    assertThat(Arrays.copyOfRange(message.frame(), 2, message.frame().length)).isEqualTo(payload);
    assertThat(EnginePacket.message(message)).isEqualTo(EnginePacket.message("é😀"));
  }

  @Test
  void aMessageEncodedFromItsCharsIsTheFrameOfItsStringWhateverTheChars() {
    java.util.Random random = new java.util.Random(7);
    char[] alphabet = {'a', '"', '\\', '\n', 0x7F, 0x80, 0x7FF, 0x800, 0xFFFF, 0xD83D, 0xDE00};
    for (int run = 0; run < 5_000; run++) {
      int length = random.nextInt(run % 50 == 0 ? 70_000 : 200);
      StringBuilder text = new StringBuilder(length);
      for (int i = 0; i < length; i++) {
        text.append(alphabet[random.nextInt(alphabet.length)]);
      }
      String string = text.toString();
      byte[] expected = WebSocketFrames.text(("4" + string).getBytes(StandardCharsets.UTF_8));

      PreparedMessage fromChars = PreparedMessage.of((CharSequence) text);

      assertThat(fromChars.frame()).isEqualTo(expected);
      assertThat(fromChars.weight()).isEqualTo(EnginePacket.message(string).weight());
      // unpaired surrogates are written as '?', so the text read back differs only there
      assertThat(fromChars.text())
          .isEqualTo(new String(string.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
      assertThat(PreparedMessage.of(string).frame()).isEqualTo(expected);
    }
  }

  @Test
  void aPreparedPacketReadsAsTheMessagePacketOfItsText() {
    StringBuilder text = new StringBuilder("2[\"e\",\"é\"]");
    EnginePacket packet = EnginePacket.message(PreparedMessage.of(text));

    assertThat(packet.text()).isEqualTo("2[\"e\",\"é\"]");
    assertThat(packet).isEqualTo(EnginePacket.message("2[\"e\",\"é\"]"));
    assertThat(EngineCodec.encodePayload(java.util.List.of(packet)))
        .isEqualTo(
            EngineCodec.encodePayload(java.util.List.of(EnginePacket.message(text.toString()))));
  }

  @Test
  void binaryMessagesGoAsBinaryFramesAndOthersAsText() {
    assertThat(WebSocketFrames.of(EnginePacket.message(new byte[] {7, 8})))
        .containsExactly(0x82, 2, 7, 8);
    assertThat(WebSocketFrames.of(EnginePacket.PING)).containsExactly(0x81, 1, '2');
  }

  private static void assertHeader(byte[] frame, int[] header) {
    for (int i = 0; i < header.length; i++) {
      assertThat(frame[i] & 0xFF).as("header byte %d", i).isEqualTo(header[i]);
    }
    assertThat(frame.length - header.length).isEqualTo(lengthOf(header));
  }

  private static int lengthOf(int[] header) {
    int code = header[1];
    if (code < 126) {
      return code;
    }
    int length = 0;
    for (int i = 2; i < header.length; i++) {
      length = (length << 8) | header[i];
    }
    return length;
  }
}

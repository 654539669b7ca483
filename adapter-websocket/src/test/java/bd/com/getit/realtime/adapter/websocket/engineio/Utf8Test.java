package bd.com.getit.realtime.adapter.websocket.engineio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8Test {

  /** The JDK's strict decoder: the reference the fast paths must agree with. */
  private static String strict(byte[] bytes, int offset, int length) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, offset, length))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  @Test
  void decodingAgreesWithTheJdksStrictDecoderOnRandomBytes() {
    Random random = new Random(7);
    byte[] pieces = HexFormat.of().parseHex("41c3a9e0a485f09f9880edbfbfc080f4908080ff80bfe282");
    for (int round = 0; round < 200_000; round++) {
      byte[] bytes = new byte[2 + random.nextInt(24)];
      for (int i = 0; i < bytes.length; i++) {
        // mostly bytes that start, continue or break UTF-8 sequences, some entirely random
        bytes[i] =
            random.nextInt(4) == 0
                ? (byte) random.nextInt()
                : pieces[random.nextInt(pieces.length)];
      }
      int offset = random.nextInt(2);
      int length = bytes.length - offset - random.nextInt(2);
      String expected = strict(bytes, offset, length);
      assertThat(Utf8.decode(bytes, offset, length))
          .as("%s", HexFormat.of().formatHex(bytes, offset, offset + length))
          .isEqualTo(expected);
      int state = Utf8.validate(Utf8.ACCEPT, bytes, offset, offset + length);
      assertThat(state == Utf8.ACCEPT)
          .as("validate %s", HexFormat.of().formatHex(bytes, offset, offset + length))
          .isEqualTo(expected != null);
    }
  }

  @Test
  void everyCodePointRoundTrips() {
    StringBuilder all = new StringBuilder();
    for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
      if (codePoint < Character.MIN_SURROGATE || codePoint > Character.MAX_SURROGATE) {
        all.appendCodePoint(codePoint);
      }
    }
    String text = all.toString();
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    assertThat(Utf8.decode(bytes, 0, bytes.length)).isEqualTo(text);
    assertThat(Utf8.validate(Utf8.ACCEPT, bytes, 0, bytes.length)).isEqualTo(Utf8.ACCEPT);
  }

  @Test
  void validationCarriesACodePointAcrossCalls() {
    byte[] emoji = "😀".getBytes(StandardCharsets.UTF_8);
    int state = Utf8.ACCEPT;
    for (int i = 0; i < emoji.length; i++) {
      state = Utf8.validate(state, emoji, i, i + 1);
      assertThat(state == Utf8.ACCEPT).isEqualTo(i == emoji.length - 1);
      assertThat(state).isNotEqualTo(Utf8.REJECT);
    }
  }

  @Test
  void asciiEndFindsTheFirstNonAsciiByteAtAnyPosition() {
    for (int length = 0; length < 40; length++) {
      for (int at = 0; at <= length; at++) {
        byte[] bytes = new byte[length];
        java.util.Arrays.fill(bytes, (byte) 'a');
        if (at < length) {
          bytes[at] = (byte) 0xC3;
        }
        assertThat(Utf8.asciiEnd(bytes, 0, length)).isEqualTo(at);
      }
    }
  }
}

package bd.com.getit.realtime.adapter.websocket.socketio;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Fuzz target for the Socket.IO packet decoder of one session, attachments included. The input is
 * what a client sends over long-polling, without the Engine.IO type digit: messages separated by
 * the record separator ({@code 0x1e}), a binary one written {@code b<base64>} (so the seeds read
 * like the protocol suite's frames). The decoder may refuse with {@link MalformedPacketException};
 * anything else it throws, a hang or an allocation beyond its limits is a finding. A decoded packet
 * must encode again.
 */
class SocketIoDecoderFuzzTest {

  private static final char SEPARATOR = '\u001e';

  @FuzzTest(maxDuration = "3m")
  void packetsWithAttachments(byte[] input) {
    PacketDecoder decoder = new PacketDecoder(10, 100_000);
    for (String message : new String(input, StandardCharsets.UTF_8).split("" + SEPARATOR, 32)) {
      try {
        SocketIoPacket packet;
        if (message.startsWith("b")) {
          byte[] binary;
          try {
            binary = Base64.getDecoder().decode(message.substring(1));
          } catch (IllegalArgumentException notBase64) {
            continue; // the Engine.IO layer refuses it first
          }
          packet = decoder.add(binary);
        } else {
          packet = decoder.add(message);
        }
        if (packet != null) {
          assertThat(SocketIoCodec.encode(packet)).isNotEmpty();
        }
      } catch (MalformedPacketException refused) {
        // the client is disconnected; a new decoder serves its next session
        decoder = new PacketDecoder(10, 100_000);
      }
    }
  }
}

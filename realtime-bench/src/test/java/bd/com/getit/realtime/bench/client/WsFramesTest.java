package bd.com.getit.realtime.bench.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class WsFramesTest {

  record Frame(boolean fin, int opcode, byte[] payload) {}

  private static List<Frame> frames(byte[] bytes, int[] consumed) {
    List<Frame> out = new ArrayList<>();
    consumed[0] =
        WsFrames.parse(
            bytes,
            0,
            bytes.length,
            (fin, op, b, off, len) ->
                out.add(new Frame(fin, op, Arrays.copyOfRange(b, off, off + len))));
    return out;
  }

  /** A server frame: final, unmasked. */
  static byte[] serverFrame(int opcode, byte[] payload) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0x80 | opcode);
    int n = payload.length;
    if (n < 126) {
      out.write(n);
    } else if (n <= 0xFFFF) {
      out.write(126);
      out.write(n >>> 8);
      out.write(n & 0xFF);
    } else {
      out.write(127);
      for (int i = 7; i >= 0; i--) {
        out.write((int) ((long) n >>> (8 * i)) & 0xFF);
      }
    }
    out.writeBytes(payload);
    return out.toByteArray();
  }

  @Test
  void clientFramesAreFinalMaskedAndCarryTheLengthInTheRightForm() {
    for (int length : new int[] {0, 5, 125, 126, 65535, 65536}) {
      byte[] payload = new byte[length];
      Arrays.fill(payload, (byte) 'x');
      byte[] frame = WsFrames.clientFrame(WsFrames.OP_TEXT, payload, 0x11223344);
      assertThat(frame[0] & 0xFF).isEqualTo(0x81);
      assertThat(frame[1] & 0x80).as("mask bit").isEqualTo(0x80);
      int header = length < 126 ? 2 : length <= 0xFFFF ? 4 : 10;
      assertThat(frame[1] & 0x7F).isEqualTo(length < 126 ? length : length <= 0xFFFF ? 126 : 127);
      assertThat(frame).hasSize(header + 4 + length);
      byte[] mask = Arrays.copyOfRange(frame, header, header + 4);
      assertThat(mask).containsExactly(0x11, 0x22, 0x33, 0x44);
      for (int i = 0; i < length; i++) {
        assertThat((byte) (frame[header + 4 + i] ^ mask[i & 3])).isEqualTo((byte) 'x');
      }
    }
  }

  @Test
  void parsesSeveralServerFramesOfEachLengthForm() {
    byte[] small = "42/realtime,[\"a\"]".getBytes(StandardCharsets.UTF_8);
    byte[] medium = new byte[300];
    byte[] large = new byte[70_000];
    Arrays.fill(large, (byte) 'z');
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    all.writeBytes(serverFrame(WsFrames.OP_TEXT, small));
    all.writeBytes(serverFrame(WsFrames.OP_BINARY, medium));
    all.writeBytes(serverFrame(WsFrames.OP_TEXT, large));
    int[] consumed = new int[1];
    List<Frame> frames = frames(all.toByteArray(), consumed);
    assertThat(consumed[0]).isEqualTo(all.size());
    assertThat(frames).extracting(Frame::opcode).containsExactly(0x1, 0x2, 0x1);
    assertThat(frames.get(0).payload()).isEqualTo(small);
    assertThat(frames.get(1).payload()).hasSize(300);
    assertThat(frames.get(2).payload()).isEqualTo(large);
  }

  @Test
  void stopsAtAnIncompleteFrameAndResumesWhenTheRestArrives() {
    byte[] one = serverFrame(WsFrames.OP_TEXT, "3".getBytes(StandardCharsets.UTF_8));
    byte[] two = serverFrame(WsFrames.OP_TEXT, new byte[200]);
    byte[] both = new byte[one.length + two.length];
    System.arraycopy(one, 0, both, 0, one.length);
    System.arraycopy(two, 0, both, one.length, two.length);
    for (int cut = one.length; cut < both.length; cut++) {
      int[] consumed = new int[1];
      List<Frame> frames = frames(Arrays.copyOf(both, cut), consumed);
      assertThat(frames).as("cut at %d", cut).hasSize(1);
      assertThat(consumed[0]).isEqualTo(one.length);
    }
    int[] consumed = new int[1];
    assertThat(frames(Arrays.copyOf(both, 1), consumed)).isEmpty();
    assertThat(consumed[0]).isZero();
  }

  @Test
  void refusesAMaskedServerFrame() {
    byte[] masked = WsFrames.clientFrame(WsFrames.OP_TEXT, new byte[] {'2'});
    assertThatThrownBy(() -> frames(masked, new int[1]))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("masked");
  }
}

package bd.com.getit.realtime.adapter.websocket.engineio;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * Fuzz target for the websocket frames a client sends ({@link WebSocketReader}): any bytes are
 * either messages or one reported failure, never an exception, and what is reported does not depend
 * on how the bytes were split across reads. The seeds sit in {@code
 * WebSocketReaderFuzzTestInputs/frames/} and replay in every build; {@code JAZZER_FUZZ=1} fuzzes
 * (docs/quality.md).
 */
class WebSocketReaderFuzzTest {

  private static final int MAX_MESSAGE = 100_000;

  /**
   * The first byte picks the reader (bit 0: permessage-deflate, bit 1: client context takeover)
   * and, with the second, where the bytes are split; the rest is what the client sent.
   */
  @FuzzTest(maxDuration = "3m")
  void frames(byte[] input) {
    if (input.length < 2) {
      return;
    }
    boolean deflate = (input[0] & 1) != 0;
    boolean contextTakeover = (input[0] & 2) != 0;
    byte[] wire = Arrays.copyOfRange(input, 2, input.length);
    int cut = wire.length == 0 ? 0 : (input[1] & 0xFF) % (wire.length + 1);

    List<String> whole = read(new WebSocketReader(MAX_MESSAGE, deflate, contextTakeover), wire);
    List<String> split =
        read(new WebSocketReader(MAX_MESSAGE, deflate, contextTakeover), wire, cut);

    assertThat(split).isEqualTo(whole);
    long failures = whole.stream().filter(event -> event.startsWith("failure:")).count();
    long closes = whole.stream().filter(event -> event.startsWith("close:")).count();
    assertThat(failures + closes).isLessThanOrEqualTo(1);
    if (failures + closes == 1) {
      String last = whole.get(whole.size() - 1);
      // (?s): a close reason may hold line breaks
      assertThat(last).matches("(?s)(failure:100[279]|close:\\d+:.*)");
    }
  }

  private static List<String> read(WebSocketReader reader, byte[] wire, int... cuts) {
    WebSocketReaderTest.Recorder recorder = new WebSocketReaderTest.Recorder();
    int from = 0;
    int[] ends = Arrays.copyOf(cuts, cuts.length + 1);
    ends[cuts.length] = wire.length;
    try {
      for (int end : ends) {
        ByteBuffer buffer = ByteBuffer.wrap(wire, from, end - from);
        reader.read(buffer, recorder);
        assertThat(buffer.hasRemaining()).isFalse();
        from = end;
      }
    } finally {
      reader.release();
    }
    return recorder.events;
  }
}

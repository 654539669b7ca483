package bd.com.getit.realtime.adapter.websocket.engineio;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Fuzz targets for what a client sends the Engine.IO layer before any session code sees it: the
 * websocket frames (text and binary), the long-polling payloads and the handshake request. Each
 * target accepts the documented refusals ({@link EngineParseException}) and treats any other
 * exception, a hang or a large allocation as a finding. The seeds (protocol-suite frames and the
 * codec tests' inputs) sit in {@code EngineCodecFuzzTestInputs/<method>/} and replay in every
 * build; {@code JAZZER_FUZZ=1} fuzzes one target (docs/quality.md).
 */
class EngineCodecFuzzTest {

  private static final int MAX_PAYLOAD = 100_000;
  private static final EngineServer SERVER =
      new EngineServer(EngineOptions.defaults(), new IgnoringListener(), new ManualScheduler());

  /**
   * A websocket frame: the first byte says which kind (even: text, odd: binary), the rest is the
   * frame. A decoded text frame encodes back to the same text.
   */
  @FuzzTest(maxDuration = "3m")
  void websocketFrame(byte[] input) {
    if (input.length == 0) {
      return;
    }
    byte[] frame = Arrays.copyOfRange(input, 1, input.length);
    try {
      if ((input[0] & 1) == 1) {
        EnginePacket packet = EngineCodec.decodeBinaryFrame(frame, MAX_PAYLOAD);
        assertThat(packet.binary()).isSameAs(frame);
        return;
      }
      String text = new String(frame, StandardCharsets.UTF_8);
      EnginePacket packet = EngineCodec.decodeFrame(text, MAX_PAYLOAD);
      if (!packet.isBinary()) {
        assertThat(EngineCodec.encodeFrame(packet)).isEqualTo(text);
      }
    } catch (EngineParseException refused) {
      // a refusal the transport answers by closing the session
    }
  }

  /**
   * A long-polling POST body. What decodes encodes back to a payload that decodes to the same
   * packets.
   */
  @FuzzTest(maxDuration = "3m")
  void pollingPayload(byte[] body) {
    List<EnginePacket> packets = new ArrayList<>();
    try {
      EngineCodec.decodePayload(body, MAX_PAYLOAD, packets::add);
    } catch (EngineParseException refused) {
      return;
    }
    List<EnginePacket> again = new ArrayList<>();
    try {
      EngineCodec.decodePayload(EngineCodec.encodePayload(packets), again::add);
    } catch (EngineParseException e) {
      throw new AssertionError("a payload we encoded does not decode: " + e.getMessage(), e);
    }
    assertThat(again).hasSameSizeAs(packets);
    for (int i = 0; i < packets.size(); i++) {
      assertThat(again.get(i).type()).isEqualTo(packets.get(i).type());
      if (packets.get(i).isBinary()) {
        assertThat(again.get(i).binary()).isEqualTo(packets.get(i).binary());
      } else {
        assertThat(again.get(i).text()).isEqualTo(packets.get(i).text());
      }
    }
  }

  /**
   * A handshake request as the engine checks it: the first line is the method, the second the raw
   * query string, the third the {@code Origin} header (absent when missing); the fourth, when
   * present, says it is a websocket upgrade.
   */
  @FuzzTest(maxDuration = "3m")
  void handshakeRequest(byte[] input) {
    String[] lines = new String(input, StandardCharsets.UTF_8).split("\n", 4);
    String method = lines[0];
    Map<String, List<String>> query = QueryString.parse(lines.length > 1 ? lines[1] : "");
    String origin = lines.length > 2 ? lines[2] : null;
    boolean upgrade = lines.length > 3;
    query.forEach(
        (name, values) -> {
          assertThat(name).isNotNull();
          assertThat(values).doesNotContainNull();
        });
    EngineError error = SERVER.verify(method, query, upgrade, origin);
    if (error == null) {
      // only a well-formed handshake may proceed
      assertThat(method).isEqualTo("GET");
      assertThat(QueryString.first(query, "EIO")).isEqualTo("4");
    }
  }
}

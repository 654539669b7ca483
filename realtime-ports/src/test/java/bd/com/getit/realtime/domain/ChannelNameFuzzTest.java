package bd.com.getit.realtime.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Fuzz target for channel names as clients and REST callers write them: a name either parses to a
 * channel that prints back as the same text, or is refused with a {@link RealtimeException} of a
 * channel error code; nothing else. Seeds in {@code ChannelNameFuzzTestInputs/parse/}.
 */
class ChannelNameFuzzTest {

  @FuzzTest(maxDuration = "3m")
  void parse(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    ChannelName channel;
    try {
      channel = ChannelName.parse(text);
    } catch (RealtimeException refused) {
      assertThat(refused.code()).isIn(ErrorCode.CHANNEL_INVALID, ErrorCode.CHANNEL_UNKNOWN);
      return;
    }
    assertThat(channel.toString()).isEqualTo(text);
    assertThat(ChannelName.parse(channel.toString())).isEqualTo(channel);
  }
}

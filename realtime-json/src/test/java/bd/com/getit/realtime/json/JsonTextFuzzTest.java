package bd.com.getit.realtime.json;

import static org.assertj.core.api.Assertions.assertThat;

import bd.com.getit.realtime.domain.JsonValue;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz target for the limited JSON reader that every interface shares (REST bodies, Kafka
 * envelopes, Socket.IO payloads): any bytes are read into a value within {@link JsonLimits} or
 * refused with a {@link JsonInputException}; a value read writes back to text that reads to the
 * same value. Seeds in {@code JsonTextFuzzTestInputs/read/}.
 */
class JsonTextFuzzTest {

  @FuzzTest(maxDuration = "3m")
  void read(byte[] utf8) {
    JsonValue value;
    try {
      value = JsonText.DEFAULT.read(utf8);
    } catch (JsonInputException refused) {
      assertThat(refused.getMessage()).isNotBlank();
      return;
    }
    assertThat(JsonText.DEFAULT.read(value.toJson())).isEqualTo(value);
  }
}

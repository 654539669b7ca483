package bd.com.getit.realtime.adapter.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz target for the Kafka envelope parser: any record value is either an envelope (a JSON object)
 * or a {@link EnvelopeReader.Malformed} with one of its documented reasons, which goes to the
 * dead-letter topic; it never throws, so one poison record cannot stop the consumer. Seeds in
 * {@code EnvelopeReaderFuzzTestInputs/read/}.
 */
class EnvelopeReaderFuzzTest {

  private static final EnvelopeReader READER = new EnvelopeReader(64 * 1024);

  @FuzzTest(maxDuration = "3m")
  void read(byte[] value) {
    EnvelopeReader.Read read = READER.read(value);
    if (read instanceof EnvelopeReader.Malformed malformed) {
      assertThat(malformed.reason()).isIn("EMPTY", "TOO_LARGE", "NOT_JSON", "NOT_AN_OBJECT");
      assertThat(malformed.detail()).isNotBlank();
    } else {
      assertThat(((EnvelopeReader.Envelope) read).json()).isNotNull();
    }
  }
}

package bd.com.getit.realtime.adapter.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import bd.com.getit.realtime.domain.JsonValue;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnvelopeReaderTest {
  private final EnvelopeReader reader = new EnvelopeReader(100);

  private EnvelopeReader.Read read(String value) {
    return reader.read(value.getBytes(StandardCharsets.UTF_8));
  }

  private String reason(String value) {
    return ((EnvelopeReader.Malformed) read(value)).reason();
  }

  @Test
  void aJsonObjectBecomesTheSameTreeWithExactNumbers() {
    EnvelopeReader.Read read =
        read(
            "{\"event\":\"x\",\"data\":{\"p\":12.50,\"big\":123456789012345678901234,"
                + "\"ok\":true,\"none\":null,\"tags\":[\"a\",1]}}");
    JsonValue.JsonObject json = ((EnvelopeReader.Envelope) read).json();
    JsonValue.JsonObject data = json.object("data").orElseThrow();
    assertThat(json.text("event")).hasValue("x");
    assertThat(data.get("p")).hasValue(new JsonValue.JsonNumber(new BigDecimal("12.50")));
    assertThat(data.text("big")).hasValue("123456789012345678901234");
    assertThat(data.get("ok")).hasValue(JsonValue.JsonBool.TRUE);
    assertThat(data.get("none")).hasValue(JsonValue.JsonNull.INSTANCE);
    assertThat(data.get("tags"))
        .hasValue(
            new JsonValue.JsonArray(
                List.of(new JsonValue.JsonString("a"), JsonValue.JsonNumber.of(1))));
  }

  @Test
  void textThatIsNotJsonIsNotJson() {
    assertThat(reason("price changed")).isEqualTo("NOT_JSON");
    assertThat(reason("{\"event\":")).isEqualTo("NOT_JSON");
    assertThat(reason("{\"event\":\"x\"} trailing")).isEqualTo("NOT_JSON");
  }

  @Test
  void invalidUtf8IsNotJson() {
    byte[] value = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
    assertThat(((EnvelopeReader.Malformed) reader.read(value)).reason()).isEqualTo("NOT_JSON");
  }

  @Test
  void aFieldGivenTwiceIsRefusedRatherThanGuessed() {
    assertThat(reason("{\"event\":\"a\",\"event\":\"b\"}")).isEqualTo("NOT_JSON");
  }

  @Test
  void otherJsonValuesAreNotAnEnvelope() {
    assertThat(reason("[1,2]")).isEqualTo("NOT_AN_OBJECT");
    assertThat(reason("\"text\"")).isEqualTo("NOT_AN_OBJECT");
    assertThat(reason("null")).isEqualTo("NOT_AN_OBJECT");
  }

  @Test
  void noValueIsEmpty() {
    assertThat(((EnvelopeReader.Malformed) reader.read(null)).reason()).isEqualTo("EMPTY");
    assertThat(((EnvelopeReader.Malformed) reader.read(new byte[0])).reason()).isEqualTo("EMPTY");
  }

  @Test
  void aValueOverTheLimitIsTooLargeAndOneAtTheLimitIsRead() {
    String atLimit = "{\"event\":\"" + "x".repeat(100 - 12) + "\"}";
    assertThat(atLimit).hasSize(100);
    assertThat(read(atLimit)).isInstanceOf(EnvelopeReader.Envelope.class);
    EnvelopeReader.Malformed over = (EnvelopeReader.Malformed) read(atLimit + " ");
    assertThat(over.reason()).isEqualTo("TOO_LARGE");
    assertThat(over.detail()).contains("101 bytes");
  }

  @Test
  void anEnvelopePastTheSharedJsonLimitsIsTooLargeAndSaysWhich() {
    EnvelopeReader roomy = new EnvelopeReader(1_000_000);
    String deep = "{\"event\":\"x\",\"data\":" + "[".repeat(40) + "]".repeat(40) + "}";
    String wide = "{\"event\":\"x\",\"data\":{\"ids\":[" + "1,".repeat(1000) + "1]}}";

    EnvelopeReader.Malformed tooDeep =
        (EnvelopeReader.Malformed) roomy.read(deep.getBytes(StandardCharsets.UTF_8));
    EnvelopeReader.Malformed tooWide =
        (EnvelopeReader.Malformed) roomy.read(wide.getBytes(StandardCharsets.UTF_8));

    assertThat(tooDeep.reason()).isEqualTo("TOO_LARGE");
    assertThat(tooDeep.detail()).isEqualTo("the payload is nested too deeply");
    assertThat(tooWide.reason()).isEqualTo("TOO_LARGE");
    assertThat(tooWide.detail()).contains("more than 1000 entries");
  }

  @Test
  void aNumberWithAnExponentBeyondAnyDecimalIsTooLargeNotAPoisonRecord() {
    // found by EnvelopeReaderFuzzTest: this threw NumberFormatException out of read()
    EnvelopeReader.Read read = read("{\"event\":\"x\",\"ta\":[777e7777777777]}");

    assertThat(read).isInstanceOf(EnvelopeReader.Malformed.class);
    assertThat(((EnvelopeReader.Malformed) read).reason()).isEqualTo("TOO_LARGE");
  }

  @Test
  void banglaTextArrivesIntact() {
    EnvelopeReader.Read read = read("{\"event\":\"x\",\"data\":{\"t\":\"অর্ডার\"}}");

    assertThat(((EnvelopeReader.Envelope) read).json().object("data").orElseThrow().text("t"))
        .hasValue("অর্ডার");
  }
}

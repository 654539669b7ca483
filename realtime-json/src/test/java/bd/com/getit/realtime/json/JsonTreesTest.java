package bd.com.getit.realtime.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.json.JsonInputException.Reason;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.FloatNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.POJONode;
import java.math.BigDecimal;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Conversion between Jackson trees and domain values, both ways, and its limits. */
class JsonTreesTest {

  /** Exact, as the adapters that keep decimals read. */
  private static final ObjectMapper EXACT =
      new ObjectMapper()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .setNodeFactory(JsonTrees.NODES);

  /** Plain, as the Socket.IO codec reads (floats as doubles). */
  private static final ObjectMapper PLAIN = new ObjectMapper();

  private static JsonNode parse(String json) throws Exception {
    return EXACT.readTree(json);
  }

  @Test
  void convertsEveryKindOfValueAndKeepsFieldOrder() throws Exception {
    String json = "{\"s\":\"x\",\"n\":1,\"b\":true,\"z\":null,\"a\":[1,\"two\"],\"o\":{}}";

    JsonValue value = JsonTrees.toValue(parse(json));

    assertThat(value.toJson()).isEqualTo(json);
    assertThat(value).isEqualTo(JsonText.DEFAULT.read(json));
  }

  @Test
  void keepsNumbersExact() throws Exception {
    String json = "[0.1,12345678901234567890123,1.50,-7,9223372036854775808]";

    JsonValue value = JsonTrees.toValue(parse(json));

    assertThat(value.toJson()).isEqualTo(json);
    assertThat(((JsonValue.JsonArray) value).items().get(2))
        .isEqualTo(new JsonValue.JsonNumber(new BigDecimal("1.50")));
    assertThat(JsonTrees.toValue(PLAIN.readTree(json)).toJson())
        .as("doubles by their shortest text")
        .isEqualTo("[0.1,12345678901234567890123,1.5,-7,9223372036854775808]");
  }

  @Test
  void convertsDoublesAndFloatsByTheirShortestText() {
    assertThat(JsonTrees.toValue(DoubleNode.valueOf(0.1)))
        .isEqualTo(new JsonValue.JsonNumber(new BigDecimal("0.1")));
    assertThat(JsonTrees.toValue(FloatNode.valueOf(0.1f)))
        .isEqualTo(new JsonValue.JsonNumber(new BigDecimal("0.1")));
  }

  @Test
  void nullAndMissingAreJsonNull() {
    assertThat(JsonTrees.toValue(null)).isEqualTo(JsonValue.JsonNull.INSTANCE);
    assertThat(JsonTrees.toValue(MissingNode.getInstance())).isEqualTo(JsonValue.JsonNull.INSTANCE);
  }

  @Test
  void refusesWhatIsNoJsonData() {
    assertRefused(() -> JsonTrees.toValue(DoubleNode.valueOf(Double.NaN)), Reason.NOT_JSON_DATA);
    assertRefused(
        () -> JsonTrees.toValue(DoubleNode.valueOf(Double.POSITIVE_INFINITY)),
        Reason.NOT_JSON_DATA);
    assertRefused(
        () -> JsonTrees.toValue(FloatNode.valueOf(Float.NEGATIVE_INFINITY)), Reason.NOT_JSON_DATA);
    assertThatThrownBy(() -> JsonTrees.toValue(BinaryNode.valueOf(new byte[] {1, 2})))
        .hasMessage("binary data is not accepted here");
    assertRefused(() -> JsonTrees.toValue(new POJONode(new Object())), Reason.NOT_JSON_DATA);
  }

  @Test
  void toObjectRefusesNonObjects() throws Exception {
    assertRefused(() -> JsonTrees.toObject(parse("[1]")), Reason.NOT_AN_OBJECT);
    assertRefused(() -> JsonTrees.toObject(null), Reason.NOT_AN_OBJECT);
    assertThatThrownBy(() -> JsonTrees.toObject(parse("\"x\"")))
        .hasMessage("an object is expected");
  }

  @Test
  void everyLimitIsEnforcedWithItsReason() throws Exception {
    JsonLimits small = new JsonLimits(3, 10, 4, 8, 6);

    assertThat(JsonTrees.toValue(parse("[[[1]]]"), small)).isNotNull();
    assertRefused(() -> JsonTrees.toValue(parse("[[[[1]]]]"), small), Reason.TOO_DEEP);
    assertRefused(
        () -> JsonTrees.toValue(parse("{\"a\":{\"b\":{\"c\":{}}}}"), small), Reason.TOO_DEEP);
    assertRefused(() -> JsonTrees.toValue(parse("[1,2,3,4,5]"), small), Reason.TOO_MANY_ENTRIES);
    assertRefused(
        () -> JsonTrees.toValue(parse("{\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5}"), small),
        Reason.TOO_MANY_ENTRIES);
    assertThat(JsonTrees.toValue(parse("[[1,2,3],[4,5,6,7]]"), small)).isNotNull();
    assertRefused(
        () -> JsonTrees.toValue(parse("[[1,2,3],[4,5,6],[7]]"), small), Reason.TOO_MANY_VALUES);
    assertRefused(() -> JsonTrees.toValue(parse("\"123456789\""), small), Reason.STRING_TOO_LONG);
    assertRefused(
        () -> JsonTrees.toValue(parse("{\"123456789\":1}"), small), Reason.STRING_TOO_LONG);
    assertRefused(() -> JsonTrees.toValue(parse("1234567"), small), Reason.NUMBER_TOO_LARGE);
    assertRefused(() -> JsonTrees.toValue(parse("1e-7"), small), Reason.NUMBER_TOO_LARGE);
  }

  @Test
  void theDefaultLimitsHoldForTrees() throws Exception {
    int max = JsonLimits.DEFAULT.maxDepth();

    assertThat(JsonTrees.toValue(parse("[".repeat(max) + "]".repeat(max))))
        .isInstanceOf(JsonValue.JsonArray.class);
    assertThatThrownBy(() -> JsonTrees.toValue(parse("[".repeat(max + 1) + "]".repeat(max + 1))))
        .isInstanceOf(JsonInputException.class)
        .hasMessage("the payload is nested too deeply");
    assertRefused(() -> JsonTrees.toValue(parse("[1e5000]")), Reason.NUMBER_TOO_LARGE);
    assertRefused(
        () -> JsonTrees.toValue(PLAIN.readTree("[" + "1,".repeat(1000) + "1]")),
        Reason.TOO_MANY_ENTRIES);
  }

  @Test
  void convertsDomainValuesToTreesAndBack() throws Exception {
    JsonValue value =
        JsonValue.JsonObject.builder()
            .put("s", "x")
            .put("n", 42)
            .put("long", 1L << 40)
            .put("big", new JsonValue.JsonNumber(new BigDecimal("12345678901234567890123")))
            .put("d", new JsonValue.JsonNumber(new BigDecimal("1.50")))
            .put("bn", "বাংলা \uD83D\uDE80")
            .put("b", false)
            .putNull("z")
            .put("a", JsonValue.JsonArray.ofStrings(List.of("p", "q")))
            .put("o", JsonValue.JsonObject.builder().put("k", "v").build())
            .build();

    JsonNode node = JsonTrees.toNode(value);

    assertThat(node.get("n").isInt()).isTrue();
    assertThat(node.get("long").isLong()).isTrue();
    assertThat(node.get("big").isBigDecimal()).isTrue();
    assertThat(EXACT.writeValueAsString(node))
        .isEqualTo(
            "{\"s\":\"x\",\"n\":42,\"long\":1099511627776,\"big\":12345678901234567890123,"
                + "\"d\":1.50,\"bn\":\"বাংলা \uD83D\uDE80\",\"b\":false,\"z\":null,"
                + "\"a\":[\"p\",\"q\"],\"o\":{\"k\":\"v\"}}");
    assertThat(JsonTrees.toValue(node)).isEqualTo(value);
    assertThat(JsonTrees.toValue(parse(EXACT.writeValueAsString(node)))).isEqualTo(value);
  }

  private static void assertRefused(ThrowingCallable call, Reason reason) {
    assertThatThrownBy(call)
        .isInstanceOf(JsonInputException.class)
        .extracting(e -> ((JsonInputException) e).reason())
        .isEqualTo(reason);
  }
}

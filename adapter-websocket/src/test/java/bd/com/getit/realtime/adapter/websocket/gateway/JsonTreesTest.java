package bd.com.getit.realtime.adapter.websocket.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.domain.RealtimeException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Conversion between Jackson trees and domain JSON values, and its limits. */
class JsonTreesTest {

  private static final ObjectMapper EXACT =
      new ObjectMapper()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .setNodeFactory(JsonTrees.NODES);

  private static JsonNode parse(String json) throws Exception {
    return EXACT.readTree(json);
  }

  @Test
  void convertsEveryKindOfValue() throws Exception {
    JsonValue value =
        JsonTrees.toValue(parse("{\"s\":\"x\",\"n\":1,\"b\":true,\"z\":null,\"a\":[1,\"two\"]}"));

    assertThat(value)
        .isEqualTo(
            new JsonValue.JsonObject(
                Map.of(
                    "s",
                    new JsonValue.JsonString("x"),
                    "n",
                    JsonValue.JsonNumber.of(1),
                    "b",
                    JsonValue.JsonBool.TRUE,
                    "z",
                    JsonValue.JsonNull.INSTANCE,
                    "a",
                    JsonValue.JsonArray.of(
                        JsonValue.JsonNumber.of(1), new JsonValue.JsonString("two")))));
  }

  @Test
  void keepsFieldOrder() throws Exception {
    JsonValue value = JsonTrees.toValue(parse("{\"b\":1,\"a\":2,\"c\":3}"));

    assertThat(value.toJson()).isEqualTo("{\"b\":1,\"a\":2,\"c\":3}");
  }

  @Test
  void keepsNumbersExact() throws Exception {
    String json = "[0.1,12345678901234567890123,1.50,-7]";

    JsonValue value = JsonTrees.toValue(parse(json));

    assertThat(value.toJson()).isEqualTo(json);
    assertThat(((JsonValue.JsonArray) value).items().get(2))
        .isEqualTo(new JsonValue.JsonNumber(new BigDecimal("1.50")));
  }

  @Test
  void convertsDoublesByTheirShortestText() {
    assertThat(JsonTrees.toValue(DoubleNode.valueOf(0.1)))
        .isEqualTo(new JsonValue.JsonNumber(new BigDecimal("0.1")));
  }

  @Test
  void refusesNonFiniteNumbers() {
    assertInvalid(() -> JsonTrees.toValue(DoubleNode.valueOf(Double.NaN)));
    assertInvalid(() -> JsonTrees.toValue(DoubleNode.valueOf(Double.POSITIVE_INFINITY)));
  }

  @Test
  void refusesNumbersWithHugeExponents() throws Exception {
    assertInvalid(() -> JsonTrees.toValue(parse("[1e5000]")));
  }

  @Test
  void refusesDeepNesting() throws Exception {
    String ok = "[".repeat(JsonTrees.MAX_DEPTH) + "]".repeat(JsonTrees.MAX_DEPTH);
    String tooDeep = "[".repeat(JsonTrees.MAX_DEPTH + 1) + "]".repeat(JsonTrees.MAX_DEPTH + 1);

    assertThat(JsonTrees.toValue(parse(ok))).isInstanceOf(JsonValue.JsonArray.class);
    assertInvalid(() -> JsonTrees.toValue(parse(tooDeep)));
  }

  @Test
  void refusesTooManyValues() throws Exception {
    JsonNode node = parse("[1,2,3,4]");

    assertThat(JsonTrees.toValue(node, 4, 5)).isInstanceOf(JsonValue.JsonArray.class);
    assertInvalid(() -> JsonTrees.toValue(node, 4, 4));
  }

  @Test
  void refusesBinaryData() {
    assertInvalid(() -> JsonTrees.toValue(BinaryNode.valueOf(new byte[] {1, 2})));
  }

  @Test
  void toObjectRefusesNonObjects() throws Exception {
    assertInvalid(() -> JsonTrees.toObject(parse("[1]")));
    assertInvalid(() -> JsonTrees.toObject(null));
  }

  @Test
  void convertsDomainValuesToTrees() throws Exception {
    JsonValue value =
        JsonValue.JsonObject.builder()
            .put("s", "x")
            .put("n", 42)
            .put("big", new JsonValue.JsonNumber(new BigDecimal("12345678901234567890123")))
            .put("d", new JsonValue.JsonNumber(new BigDecimal("1.50")))
            .put("b", false)
            .putNull("z")
            .put("a", JsonValue.JsonArray.ofStrings(java.util.List.of("p", "q")))
            .build();

    JsonNode node = JsonTrees.toNode(value);

    assertThat(node.get("n").isInt()).isTrue();
    assertThat(node.get("big").isIntegralNumber() || node.get("big").isBigDecimal()).isTrue();
    assertThat(EXACT.writeValueAsString(node))
        .isEqualTo(
            "{\"s\":\"x\",\"n\":42,\"big\":12345678901234567890123,\"d\":1.50,\"b\":false,"
                + "\"z\":null,\"a\":[\"p\",\"q\"]}");
    assertThat(JsonTrees.toValue(node)).isEqualTo(value);
  }

  @Test
  void writesTextThroughTheDomainWriter() {
    JsonValue value = JsonValue.JsonObject.builder().put("t", "a\"b\u2028").build();

    assertThat(JsonTrees.toJson(value)).isEqualTo("{\"t\":\"a\\\"b\\u2028\"}");
  }

  private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOf(RealtimeException.class)
        .extracting(e -> ((RealtimeException) e).code())
        .isEqualTo(ErrorCode.PAYLOAD_INVALID);
  }
}

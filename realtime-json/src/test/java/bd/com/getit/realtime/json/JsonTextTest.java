package bd.com.getit.realtime.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.json.JsonInputException.Reason;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading JSON text straight into domain values, and every way it refuses input. */
class JsonTextTest {
  private static final JsonLimits SMALL = new JsonLimits(3, 10, 4, 8, 6);

  private static JsonValue read(String json) {
    return JsonText.DEFAULT.read(json);
  }

  private static Reason refusal(JsonText reader, String json) {
    Throwable bytes =
        org.assertj.core.api.Assertions.catchThrowable(
            () -> reader.read(json.getBytes(StandardCharsets.UTF_8)));
    Throwable text = org.assertj.core.api.Assertions.catchThrowable(() -> reader.read(json));
    assertThat(bytes).isInstanceOf(JsonInputException.class);
    assertThat(text).isInstanceOf(JsonInputException.class);
    assertThat(((JsonInputException) bytes).reason())
        .as("the same refusal from bytes and from text")
        .isEqualTo(((JsonInputException) text).reason());
    return ((JsonInputException) text).reason();
  }

  @Test
  void readsEveryKindOfValueInOrder() {
    JsonValue value =
        read("{\"s\":\"x\",\"n\":1,\"b\":true,\"f\":false,\"z\":null,\"a\":[1,\"two\"]}");

    assertThat(value)
        .isEqualTo(
            JsonValue.JsonObject.builder()
                .put("s", "x")
                .put("n", 1)
                .put("b", true)
                .put("f", false)
                .putNull("z")
                .put(
                    "a",
                    JsonValue.JsonArray.of(
                        JsonValue.JsonNumber.of(1), new JsonValue.JsonString("two")))
                .build());
    assertThat(value.toJson())
        .isEqualTo("{\"s\":\"x\",\"n\":1,\"b\":true,\"f\":false,\"z\":null,\"a\":[1,\"two\"]}");
  }

  @Test
  void roundTripsThroughTheDomainWriter() {
    String json =
        "{\"order\":{\"id\":\"o77\",\"items\":[{\"sku\":\"p-1\",\"qty\":2,\"price\":1499.50}],"
            + "\"paid\":true,\"note\":null,\"tags\":[]},\"empty\":{}}";

    assertThat(read(json).toJson()).isEqualTo(json);
    assertThat(read(read(json).toJson())).isEqualTo(read(json));
  }

  @Test
  void keepsNumbersExactHoweverLarge() {
    String json =
        "[0.1,12.50,-7,9223372036854775807,9223372036854775808,"
            + "123456789012345678901234567890,-1.5e-7,2E+3]";

    JsonValue.JsonArray numbers = (JsonValue.JsonArray) read(json);

    assertThat(numbers.items())
        .containsExactly(
            new JsonValue.JsonNumber(new BigDecimal("0.1")),
            new JsonValue.JsonNumber(new BigDecimal("12.50")),
            JsonValue.JsonNumber.of(-7),
            JsonValue.JsonNumber.of(Long.MAX_VALUE),
            new JsonValue.JsonNumber(new BigDecimal("9223372036854775808")),
            new JsonValue.JsonNumber(new BigDecimal("123456789012345678901234567890")),
            new JsonValue.JsonNumber(new BigDecimal("-1.5e-7")),
            new JsonValue.JsonNumber(new BigDecimal("2E+3")));
  }

  @Test
  void readsBanglaAndOtherUnicodeFromBytesAndText() {
    String json =
        "{\"নাম\":\"রহিম\",\"message\":\"আপনার অর্ডার পাঠানো হয়েছে ✓\",\"emoji\":\"\uD83D\uDE80\","
            + "\"escaped\":\"\\u09AC\\u09BE\\u0982\\u09B2\\u09BE\"}";

    JsonValue.JsonObject fromBytes =
        (JsonValue.JsonObject) JsonText.DEFAULT.read(json.getBytes(StandardCharsets.UTF_8));
    JsonValue.JsonObject fromText = (JsonValue.JsonObject) read(json);

    assertThat(fromBytes).isEqualTo(fromText);
    assertThat(fromBytes.text("নাম")).hasValue("রহিম");
    assertThat(fromBytes.text("message")).hasValue("আপনার অর্ডার পাঠানো হয়েছে ✓");
    assertThat(fromBytes.text("emoji")).hasValue("\uD83D\uDE80");
    assertThat(fromBytes.text("escaped")).hasValue("বাংলা");
    assertThat(read(fromBytes.toJson())).isEqualTo(fromBytes);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "price changed",
        "{\"event\":",
        "{\"event\":\"x\"} trailing",
        "{\"a\":1}{\"b\":2}",
        "[1,2",
        "[1,]",
        "{'a':1}",
        "{a:1}",
        "NaN",
        "[Infinity]",
        "[01]",
        "\"unterminated",
        "{\"a\":1,\"a\":2}"
      })
  void refusesMalformedText(String json) {
    assertThat(refusal(JsonText.DEFAULT, json)).isEqualTo(Reason.MALFORMED);
  }

  @Test
  void refusesAMemberGivenTwiceAndNamesIt() {
    assertThatThrownBy(() -> read("{\"event\":\"a\",\"data\":{},\"event\":\"b\"}"))
        .isInstanceOf(JsonInputException.class)
        .hasMessageContaining("\"event\" is given twice");
  }

  @Test
  void refusesInvalidUtf8() {
    byte[] value = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

    assertThatThrownBy(() -> JsonText.DEFAULT.read(value))
        .isInstanceOf(JsonInputException.class)
        .extracting(e -> ((JsonInputException) e).reason())
        .isEqualTo(Reason.MALFORMED);
  }

  @Test
  void nestingUpToTheLimitIsReadAndOneDeeperIsRefused() {
    int max = JsonLimits.DEFAULT.maxDepth();
    String ok = "[".repeat(max) + "]".repeat(max);
    String objects = "{\"a\":".repeat(max - 1) + "{}" + "}".repeat(max - 1);

    assertThat(read(ok)).isInstanceOf(JsonValue.JsonArray.class);
    assertThat(read(objects)).isInstanceOf(JsonValue.JsonObject.class);
    assertThat(refusal(JsonText.DEFAULT, "[".repeat(max + 1) + "]".repeat(max + 1)))
        .isEqualTo(Reason.TOO_DEEP);
    assertThat(refusal(JsonText.DEFAULT, "{\"a\":" + objects + "}")).isEqualTo(Reason.TOO_DEEP);
    assertThatThrownBy(() -> read("[".repeat(max + 1) + "]".repeat(max + 1)))
        .hasMessage("the payload is nested too deeply");
  }

  @Test
  void hostileNestingFarPastTheLimitIsRefusedWithTheSameReason() {
    String bomb = "[".repeat(100_000) + "]".repeat(100_000);

    assertThat(refusal(JsonText.DEFAULT, bomb)).isEqualTo(Reason.TOO_DEEP);
  }

  @Test
  void everyLimitIsEnforcedWithItsReason() {
    JsonText small = JsonText.of(SMALL);

    assertThat(small.read("[[[1]]]")).isInstanceOf(JsonValue.JsonArray.class);
    assertThat(refusal(small, "[[[[1]]]]")).isEqualTo(Reason.TOO_DEEP);

    assertThat(small.read("[1,2,3,4]")).isInstanceOf(JsonValue.JsonArray.class);
    assertThat(refusal(small, "[1,2,3,4,5]")).isEqualTo(Reason.TOO_MANY_ENTRIES);
    assertThat(small.read("{\"a\":1,\"b\":2,\"c\":3,\"d\":4}")).isNotNull();
    assertThat(refusal(small, "{\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5}"))
        .isEqualTo(Reason.TOO_MANY_ENTRIES);

    assertThat(small.read("[[1,2,3],[4,5,6,7]]")).isNotNull(); // 10 values: 1 + 2 + 7
    assertThat(refusal(small, "[[1,2,3],[4,5,6],[7]]")).isEqualTo(Reason.TOO_MANY_VALUES);

    assertThat(small.read("\"12345678\"")).isEqualTo(new JsonValue.JsonString("12345678"));
    assertThat(refusal(small, "\"123456789\"")).isEqualTo(Reason.STRING_TOO_LONG);
    assertThat(refusal(small, "{\"123456789\":1}")).isEqualTo(Reason.STRING_TOO_LONG);
    assertThat(small.read("\"বাংলা\"")).isEqualTo(new JsonValue.JsonString("বাংলা"));

    assertThat(small.read("-12345")).isEqualTo(JsonValue.JsonNumber.of(-12345));
    assertThat(refusal(small, "1234567")).isEqualTo(Reason.NUMBER_TOO_LARGE);
    assertThat(refusal(small, "1.23456")).isEqualTo(Reason.NUMBER_TOO_LARGE);
    assertThat(refusal(small, "1e7")).isEqualTo(Reason.NUMBER_TOO_LARGE);
    assertThat(refusal(small, "1e-7")).isEqualTo(Reason.NUMBER_TOO_LARGE);
  }

  @Test
  void anExponentNoDecimalHoldsIsTooLargeNotAnUncheckedException() {
    // found by JsonTextFuzzTest: a short number text whose exponent is beyond an int made Jackson
    // throw NumberFormatException out of read (a poison Kafka record, a 500 on REST)
    assertThat(refusal(JsonText.DEFAULT, "[0,1e-4901234567890]"))
        .isEqualTo(Reason.NUMBER_TOO_LARGE);
    assertThat(refusal(JsonText.DEFAULT, "{\"x\":9.5e99999999999}"))
        .isEqualTo(Reason.NUMBER_TOO_LARGE);
  }

  @Test
  void valuesAreCountedWhenTheLimitIsTheOnlyOneHit() {
    JsonText reader = JsonText.of(new JsonLimits(32, 5, 1_000, 100, 100));

    assertThat(reader.read("[1,2,3,4]")).isNotNull();
    assertThatThrownBy(() -> reader.read("[1,2,3,4,5]"))
        .isInstanceOf(JsonInputException.class)
        .hasMessage("the payload has too many values");
  }

  @Test
  void theDefaultLimitsAreTheWireContracts() {
    assertThat(JsonLimits.DEFAULT).isEqualTo(new JsonLimits(32, 100_000, 1_000, 1_000_000, 1_000));
    String thousand = "[" + "1,".repeat(999) + "1]";
    String overAThousand = "[" + "1,".repeat(1000) + "1]";

    assertThat(((JsonValue.JsonArray) read(thousand)).items()).hasSize(1000);
    assertThat(refusal(JsonText.DEFAULT, overAThousand)).isEqualTo(Reason.TOO_MANY_ENTRIES);
    assertThat(refusal(JsonText.DEFAULT, "[1e5000]")).isEqualTo(Reason.NUMBER_TOO_LARGE);
    assertThat(refusal(JsonText.DEFAULT, "1" + "0".repeat(1000)))
        .isEqualTo(Reason.NUMBER_TOO_LARGE);
    assertThat(read("1" + "0".repeat(999))).isInstanceOf(JsonValue.JsonNumber.class);
  }

  @Test
  void hugeNumbersAreRefusedBeforeTheyAreConverted() {
    String digits = "9".repeat(5_000_000);

    assertThat(refusal(JsonText.DEFAULT, "[" + digits + "]")).isEqualTo(Reason.NUMBER_TOO_LARGE);
    assertThat(refusal(JsonText.DEFAULT, "[0." + digits + "]")).isEqualTo(Reason.NUMBER_TOO_LARGE);
    assertThat(refusal(JsonText.DEFAULT, "1e999999999")).isEqualTo(Reason.NUMBER_TOO_LARGE);
  }

  @Test
  void onlyLimitReasonsCountAsLimits() {
    assertThat(List.of(Reason.values()).stream().filter(Reason::isLimit).toList())
        .containsExactly(
            Reason.TOO_DEEP,
            Reason.TOO_MANY_VALUES,
            Reason.TOO_MANY_ENTRIES,
            Reason.STRING_TOO_LONG,
            Reason.NUMBER_TOO_LARGE);
  }

  @Test
  void theLoosestLimitsStillRead() {
    JsonLimits loosest =
        new JsonLimits(
            Integer.MAX_VALUE,
            Integer.MAX_VALUE,
            Integer.MAX_VALUE,
            Integer.MAX_VALUE,
            Integer.MAX_VALUE);

    assertThat(JsonText.of(loosest).read("[[[\"x\"]]]").toJson()).isEqualTo("[[[\"x\"]]]");
  }

  @Test
  void ofTheDefaultLimitsIsTheSharedReader() {
    assertThat(JsonText.of(JsonLimits.DEFAULT)).isSameAs(JsonText.DEFAULT);
    assertThat(JsonText.of(SMALL).limits()).isEqualTo(SMALL);
  }

  @Test
  void limitsMustBePositive() {
    assertThatThrownBy(() -> new JsonLimits(0, 1, 1, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxDepth");
    assertThatThrownBy(() -> new JsonLimits(1, 1, 1, 1, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxNumberLength");
  }
}

package bd.com.getit.realtime.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bd.com.getit.realtime.domain.JsonValue.JsonArray;
import bd.com.getit.realtime.domain.JsonValue.JsonNumber;
import bd.com.getit.realtime.domain.JsonValue.JsonObject;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonValueTest {

  @Test
  void writesCompactJsonWithEscapes() {
    JsonObject value =
        JsonObject.builder()
            .put("text", "quote \" back \\ newline \n tab \t bell \u0007 sep \u2028")
            .put("bangla", "দাম ১২৫০ ৳ 😀")
            .put("n", JsonNumber.of(1250.50))
            .put("exact", new JsonNumber(new BigDecimal("1.50")))
            .put("yes", true)
            .putNull("none")
            .put("list", JsonArray.of(JsonNumber.of(1), JsonArray.EMPTY, JsonObject.EMPTY))
            .build();

    assertThat(value.toJson())
        .isEqualTo(
            "{\"text\":\"quote \\\" back \\\\ newline \\n tab \\t bell \\u0007 sep \\u2028\","
                + "\"bangla\":\"দাম ১২৫০ ৳ 😀\",\"n\":1250.5,\"exact\":1.50,\"yes\":true,"
                + "\"none\":null,\"list\":[1,[],{}]}");
  }

  @Test
  void aBuilderUsedAgainLeavesWhatItBuiltUnchanged() {
    JsonObject.Builder builder = JsonObject.builder().put("a", 1);
    JsonObject first = builder.build();
    JsonObject second = builder.put("b", 2).put("a", 3).build();
    JsonObject third = builder.build();

    assertThat(first.toJson()).isEqualTo("{\"a\":1}");
    assertThat(second.toJson()).isEqualTo("{\"a\":3,\"b\":2}");
    assertThat(third).isEqualTo(second).hasSameHashCodeAs(second);
    assertThat(first).isEqualTo(new JsonObject(Map.of("a", JsonNumber.of(1))));
    assertThatThrownBy(() -> first.fields().put("c", JsonNumber.of(4)))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(first.fields()).containsOnlyKeys("a");
  }

  @Test
  void objectsKeepInsertionOrderAndAreImmutable() {
    Map<String, JsonValue> fields = new HashMap<>();
    fields.put("a", JsonNumber.of(1));
    JsonObject object = new JsonObject(fields);
    fields.put("b", JsonNumber.of(2));

    assertThat(object.fields()).containsOnlyKeys("a");
    assertThatThrownBy(() -> object.fields().put("c", JsonNumber.of(3)))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(object.text("a")).contains("1");
    assertThat(object.text("missing")).isEmpty();
  }

  @Test
  void numbersAreFinite() {
    assertThatThrownBy(() -> JsonNumber.of(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JsonNumber.of(Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void jsonLengthIsTheLengthOfTheTextForRandomValues() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(11);
    for (int i = 0; i < 5_000; i++) {
      JsonValue value = randomValue(random, 3);

      assertThat(value.jsonLength()).as(value.toJson()).isEqualTo(value.toJson().length());
    }
  }

  private static JsonValue randomValue(java.util.SplittableRandom random, int depth) {
    int kind = random.nextInt(depth == 0 ? 5 : 7);
    return switch (kind) {
      case 0 -> JsonValue.JsonNull.INSTANCE;
      case 1 -> random.nextBoolean() ? JsonValue.JsonBool.TRUE : JsonValue.JsonBool.FALSE;
      case 2 -> JsonNumber.of(random.nextLong(-1_000_000, 1_000_000));
      case 3 -> new JsonNumber(BigDecimal.valueOf(random.nextLong(), random.nextInt(-5, 10)));
      case 4 -> new JsonValue.JsonString(randomText(random));
      case 5 -> {
        java.util.List<JsonValue> items = new java.util.ArrayList<>();
        for (int n = random.nextInt(4); n > 0; n--) {
          items.add(randomValue(random, depth - 1));
        }
        yield new JsonArray(items);
      }
      default -> {
        JsonObject.Builder b = JsonObject.builder();
        for (int n = random.nextInt(4); n > 0; n--) {
          b.put(randomText(random), randomValue(random, depth - 1));
        }
        yield b.build();
      }
    };
  }

  private static String randomText(java.util.SplittableRandom random) {
    String chars = "ab \"\\\n\r\t\b\f\u0000\u001f\u2028\u2029\u00e9\u09a6\ud83d\ude00";
    StringBuilder text = new StringBuilder();
    for (int n = random.nextInt(12); n > 0; n--) {
      text.append(chars.charAt(random.nextInt(chars.length())));
    }
    return text.toString();
  }
}

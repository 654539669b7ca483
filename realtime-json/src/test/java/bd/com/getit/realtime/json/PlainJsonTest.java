package bd.com.getit.realtime.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.json.JsonInputException.Reason;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Conversion between the plain values Jackson binds untyped JSON to and domain values. */
class PlainJsonTest {

  /** As a REST body's free-form field is bound. */
  private static final ObjectMapper BINDER =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  @SuppressWarnings("unchecked")
  private static Map<String, Object> bind(String json) throws Exception {
    return BINDER.readValue(json, Map.class);
  }

  @Test
  void aBoundObjectReadsAsTheTextReads() throws Exception {
    String json =
        "{\"s\":\"রহিম\",\"n\":1,\"l\":9223372036854775807,\"big\":123456789012345678901234,"
            + "\"d\":12.50,\"b\":true,\"z\":null,\"a\":[1,\"two\",[]],\"o\":{\"k\":{}}}";

    JsonValue.JsonObject value = PlainJson.toObject(bind(json));

    assertThat(value).isEqualTo(JsonText.DEFAULT.read(json));
    assertThat(value.toJson()).isEqualTo(json);
  }

  @Test
  void roundTripsThroughPlainValues() throws Exception {
    JsonValue.JsonObject value =
        (JsonValue.JsonObject)
            JsonText.DEFAULT.read(
                "{\"price\":1499.50,\"qty\":3,\"name\":\"বাংলা\",\"ok\":false,\"none\":null,"
                    + "\"tags\":[\"a\",{\"b\":[1.0]}]}");

    Map<String, Object> plain = PlainJson.toMap(value);

    assertThat(plain.get("price")).isEqualTo(new BigDecimal("1499.50"));
    assertThat(plain).containsEntry("none", null).containsEntry("ok", false);
    assertThat(PlainJson.toObject(plain)).isEqualTo(value);
    assertThat(BINDER.writeValueAsString(plain)).isEqualTo(value.toJson());
  }

  @Test
  void readsEveryJavaNumberExactly() {
    List<Object> numbers =
        Arrays.asList(
            (byte) 1,
            (short) 2,
            3,
            4L,
            BigInteger.TEN.pow(30),
            new BigDecimal("1.50"),
            0.1d,
            0.25f);

    JsonValue value = PlainJson.toValue(numbers);

    assertThat(value.toJson()).isEqualTo("[1,2,3,4,1000000000000000000000000000000,1.50,0.1,0.25]");
  }

  @Test
  void refusesWhatIsNoJsonData() {
    assertRefused(() -> PlainJson.toValue(Double.NaN), Reason.NOT_JSON_DATA);
    assertRefused(() -> PlainJson.toValue(Float.POSITIVE_INFINITY), Reason.NOT_JSON_DATA);
    assertRefused(() -> PlainJson.toValue(new AtomicInteger(1)), Reason.NOT_JSON_DATA);
    assertRefused(() -> PlainJson.toValue(new Object()), Reason.NOT_JSON_DATA);
    assertRefused(() -> PlainJson.toObject(null), Reason.NOT_AN_OBJECT);
  }

  @Test
  void everyLimitIsEnforcedWithItsReason() {
    JsonLimits small = new JsonLimits(3, 10, 4, 8, 6);
    List<Object> deep = List.of(List.of(List.of(List.of(1))));
    Map<String, Object> wide = new HashMap<>();
    for (int i = 0; i < 5; i++) {
      wide.put("k" + i, i);
    }

    assertThat(PlainJson.toValue(List.of(List.of(List.of(1))), small)).isNotNull();
    assertRefused(() -> PlainJson.toValue(deep, small), Reason.TOO_DEEP);
    assertRefused(() -> PlainJson.toValue(wide, small), Reason.TOO_MANY_ENTRIES);
    assertRefused(() -> PlainJson.toValue(List.of(1, 2, 3, 4, 5), small), Reason.TOO_MANY_ENTRIES);
    assertRefused(
        () -> PlainJson.toValue(List.of(List.of(1, 2, 3), List.of(4, 5, 6), List.of(7)), small),
        Reason.TOO_MANY_VALUES);
    assertRefused(() -> PlainJson.toValue("123456789", small), Reason.STRING_TOO_LONG);
    assertRefused(() -> PlainJson.toValue(Map.of("123456789", 1), small), Reason.STRING_TOO_LONG);
    assertRefused(() -> PlainJson.toValue(1_234_567, small), Reason.NUMBER_TOO_LARGE);
    assertRefused(() -> PlainJson.toValue(new BigDecimal("1e-7"), small), Reason.NUMBER_TOO_LARGE);
  }

  @Test
  void aCyclicValueIsRefusedAsTooDeepNotAStackOverflow() {
    List<Object> cycle = new ArrayList<>();
    cycle.add(cycle);
    Map<String, Object> self = new LinkedHashMap<>();
    self.put("self", self);

    assertRefused(() -> PlainJson.toValue(cycle), Reason.TOO_DEEP);
    assertRefused(() -> PlainJson.toValue(Collections.unmodifiableMap(self)), Reason.TOO_DEEP);
  }

  private static void assertRefused(ThrowingCallable call, Reason reason) {
    assertThatThrownBy(call)
        .isInstanceOf(JsonInputException.class)
        .extracting(e -> ((JsonInputException) e).reason())
        .isEqualTo(reason);
  }
}

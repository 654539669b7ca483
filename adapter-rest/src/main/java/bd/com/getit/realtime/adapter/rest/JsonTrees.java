package bd.com.getit.realtime.adapter.rest;

import bd.com.getit.realtime.domain.JsonValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts between the JDK-only {@link JsonValue} of the ports and the plain Java trees Jackson
 * reads and writes for free-form fields ({@code metadata}, {@code data}).
 */
final class JsonTrees {
  private JsonTrees() {}

  static JsonValue.JsonObject object(Map<String, Object> map) {
    if (map == null) {
      return JsonValue.JsonObject.EMPTY;
    }
    Map<String, JsonValue> fields = new LinkedHashMap<>();
    map.forEach((k, v) -> fields.put(k, value(v)));
    return new JsonValue.JsonObject(fields);
  }

  static JsonValue value(Object v) {
    if (v == null) {
      return JsonValue.JsonNull.INSTANCE;
    }
    if (v instanceof String s) {
      return new JsonValue.JsonString(s);
    }
    if (v instanceof Boolean b) {
      return b ? JsonValue.JsonBool.TRUE : JsonValue.JsonBool.FALSE;
    }
    if (v instanceof BigDecimal d) {
      return new JsonValue.JsonNumber(d);
    }
    if (v instanceof BigInteger i) {
      return new JsonValue.JsonNumber(new BigDecimal(i));
    }
    if (v instanceof Double || v instanceof Float) {
      return new JsonValue.JsonNumber(new BigDecimal(v.toString()));
    }
    if (v instanceof Number n) {
      return JsonValue.JsonNumber.of(n.longValue());
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, JsonValue> fields = new LinkedHashMap<>();
      m.forEach((k, x) -> fields.put(String.valueOf(k), value(x)));
      return new JsonValue.JsonObject(fields);
    }
    if (v instanceof List<?> list) {
      List<JsonValue> items = new ArrayList<>(list.size());
      list.forEach(x -> items.add(value(x)));
      return new JsonValue.JsonArray(items);
    }
    throw new IllegalArgumentException("not a JSON value: " + v.getClass().getName());
  }

  static Map<String, Object> map(JsonValue.JsonObject object) {
    Map<String, Object> map = new LinkedHashMap<>();
    object.fields().forEach((k, v) -> map.put(k, java(v)));
    return map;
  }

  static Object java(JsonValue v) {
    if (v instanceof JsonValue.JsonString s) {
      return s.value();
    }
    if (v instanceof JsonValue.JsonBool b) {
      return b.value();
    }
    if (v instanceof JsonValue.JsonNumber n) {
      return n.value();
    }
    if (v instanceof JsonValue.JsonObject o) {
      return map(o);
    }
    if (v instanceof JsonValue.JsonArray a) {
      List<Object> list = new ArrayList<>(a.items().size());
      a.items().forEach(x -> list.add(java(x)));
      return list;
    }
    return null;
  }
}

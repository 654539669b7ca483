package bd.com.getit.realtime.json;

import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.json.JsonInputException.Reason;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts between {@link JsonValue} and the plain Java values Jackson binds untyped JSON to
 * ({@code Map}, {@code List}, {@code String}, {@code Boolean}, numbers, {@code null}): the
 * free-form fields of request and response bodies. Reading applies the {@link JsonLimits}.
 * Stateless and thread-safe.
 */
public final class PlainJson {
  private PlainJson() {}

  /** The object of a bound map, within {@link JsonLimits#DEFAULT}. */
  public static JsonValue.JsonObject toObject(Map<String, ?> map) {
    if (map == null) {
      throw new JsonInputException(Reason.NOT_AN_OBJECT, "an object is expected");
    }
    return (JsonValue.JsonObject) toValue(map, JsonLimits.DEFAULT);
  }

  /** The value of a bound value, within {@link JsonLimits#DEFAULT}; {@code null} is JSON null. */
  public static JsonValue toValue(Object value) {
    return toValue(value, JsonLimits.DEFAULT);
  }

  /** The value of a bound value, within {@code limits}; {@code null} is JSON null. */
  public static JsonValue toValue(Object value, JsonLimits limits) {
    return read(value, 1, new Budget(limits));
  }

  /** The plain map of an object, for a serializer to write. */
  public static Map<String, Object> toMap(JsonValue.JsonObject object) {
    Map<String, Object> map = new LinkedHashMap<>();
    object.fields().forEach((k, v) -> map.put(k, toPlain(v)));
    return map;
  }

  /** The plain value of a value: JSON null is {@code null}, numbers are {@link BigDecimal}. */
  public static Object toPlain(JsonValue value) {
    if (value instanceof JsonValue.JsonString s) {
      return s.value();
    }
    if (value instanceof JsonValue.JsonBool b) {
      return b.value();
    }
    if (value instanceof JsonValue.JsonNumber n) {
      return n.value();
    }
    if (value instanceof JsonValue.JsonObject o) {
      return toMap(o);
    }
    if (value instanceof JsonValue.JsonArray a) {
      List<Object> list = new ArrayList<>(a.items().size());
      a.items().forEach(x -> list.add(toPlain(x)));
      return list;
    }
    return null;
  }

  private static JsonValue read(Object v, int depth, Budget budget) {
    budget.value();
    if (v == null) {
      return JsonValue.JsonNull.INSTANCE;
    }
    if (v instanceof String s) {
      budget.string(s.length());
      return new JsonValue.JsonString(s);
    }
    if (v instanceof Boolean b) {
      return b ? JsonValue.JsonBool.TRUE : JsonValue.JsonBool.FALSE;
    }
    if (v instanceof Number n) {
      return new JsonValue.JsonNumber(budget.number(exact(n)));
    }
    if (v instanceof Map<?, ?> m) {
      budget.depth(depth);
      budget.entries(m.size());
      Map<String, JsonValue> fields = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        String name = String.valueOf(e.getKey());
        budget.string(name.length());
        fields.put(name, read(e.getValue(), depth + 1, budget));
      }
      return new JsonValue.JsonObject(fields);
    }
    if (v instanceof List<?> list) {
      budget.depth(depth);
      budget.entries(list.size());
      List<JsonValue> items = new ArrayList<>(list.size());
      for (Object item : list) {
        items.add(read(item, depth + 1, budget));
      }
      return new JsonValue.JsonArray(items);
    }
    throw new JsonInputException(
        Reason.NOT_JSON_DATA, "not JSON data: " + v.getClass().getSimpleName());
  }

  private static BigDecimal exact(Number n) {
    if (n instanceof BigDecimal d) {
      return d;
    }
    if (n instanceof BigInteger i) {
      return new BigDecimal(i);
    }
    if (n instanceof Double || n instanceof Float) {
      if (!Double.isFinite(n.doubleValue())) {
        throw Budget.notFinite();
      }
      // The shortest text of the binary value, as it was written: 0.1, not 0.1000000000000000055.
      return new BigDecimal(n.toString());
    }
    if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
      return BigDecimal.valueOf(n.longValue());
    }
    throw new JsonInputException(
        Reason.NOT_JSON_DATA, "not a JSON number: " + n.getClass().getSimpleName());
  }
}

package bd.com.getit.realtime.adapter.mongo;

import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.domain.JsonValue.JsonArray;
import bd.com.getit.realtime.domain.JsonValue.JsonBool;
import bd.com.getit.realtime.domain.JsonValue.JsonNull;
import bd.com.getit.realtime.domain.JsonValue.JsonNumber;
import bd.com.getit.realtime.domain.JsonValue.JsonObject;
import bd.com.getit.realtime.domain.JsonValue.JsonString;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

/**
 * Converts the domain's JSON tree to BSON values and back, so that data and metadata are
 * sub-documents an operator can query. Numbers stay exact: whole numbers that fit become {@code
 * Int64}, all others {@code Decimal128} (which keeps the scale).
 */
final class JsonBson {
  private JsonBson() {}

  static Document toDocument(JsonObject object) {
    Document document = new Document();
    object.fields().forEach((name, value) -> document.append(name, toBson(value)));
    return document;
  }

  private static Object toBson(JsonValue value) {
    if (value instanceof JsonNull) {
      return null;
    }
    if (value instanceof JsonBool b) {
      return b.value();
    }
    if (value instanceof JsonString s) {
      return s.value();
    }
    if (value instanceof JsonNumber n) {
      return number(n.value());
    }
    if (value instanceof JsonArray a) {
      List<Object> items = new ArrayList<>(a.items().size());
      a.items().forEach(item -> items.add(toBson(item)));
      return items;
    }
    return toDocument((JsonObject) value);
  }

  private static Object number(BigDecimal value) {
    if (value.scale() == 0 && value.unscaledValue().bitLength() < 64) {
      return value.longValueExact();
    }
    try {
      return new Decimal128(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("a number beyond Decimal128 cannot be stored: " + value);
    }
  }

  /** The JSON object of a sub-document; a value of a type JSON lacks makes it malformed. */
  static JsonObject toJson(Document document) {
    Map<String, JsonValue> fields = new LinkedHashMap<>();
    document.forEach((name, value) -> fields.put(name, toJson(name, value)));
    return new JsonObject(fields);
  }

  private static JsonValue toJson(String name, Object value) {
    if (value == null) {
      return JsonNull.INSTANCE;
    }
    if (value instanceof Boolean b) {
      return b ? JsonBool.TRUE : JsonBool.FALSE;
    }
    if (value instanceof String s) {
      return new JsonString(s);
    }
    if (value instanceof Integer || value instanceof Long) {
      return JsonNumber.of(((Number) value).longValue());
    }
    if (value instanceof Double d) {
      if (d.isNaN() || d.isInfinite()) {
        throw new MalformedDocumentException(name + " is not a finite number");
      }
      return JsonNumber.of(d);
    }
    if (value instanceof Decimal128 d) {
      if (d.isNaN() || d.isInfinite()) {
        throw new MalformedDocumentException(name + " is not a finite number");
      }
      return new JsonNumber(d.bigDecimalValue());
    }
    if (value instanceof Document d) {
      return toJson(d);
    }
    if (value instanceof List<?> list) {
      List<JsonValue> items = new ArrayList<>(list.size());
      list.forEach(item -> items.add(toJson(name, item)));
      return new JsonArray(items);
    }
    // Written by other tools: shown as JSON text rather than refused.
    if (value instanceof Date d) {
      return new JsonString(d.toInstant().toString());
    }
    if (value instanceof ObjectId id) {
      return new JsonString(id.toHexString());
    }
    throw new MalformedDocumentException(
        name + " holds a " + value.getClass().getSimpleName() + ", which JSON has no type for");
  }
}

package bd.com.getit.realtime.adapter.websocket.gateway;

import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.domain.RealtimeException;
import bd.com.getit.realtime.json.JsonInputException;
import bd.com.getit.realtime.json.JsonLimits;
import bd.com.getit.realtime.json.JsonTrees;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks the shape of client event payloads: the first argument is an object whose fields have the
 * expected JSON types; anything else is {@code PAYLOAD_INVALID}. The core validates the meaning.
 */
final class Payloads {

  /**
   * More entries than this in one list or map are refused: far above any channel limit, low enough
   * that one request cannot make the core do (and the ack carry) unbounded work. The bound every
   * JSON input is read within, applied early here to the lists this adapter reads itself.
   */
  static final int MAX_ENTRIES = JsonLimits.DEFAULT.maxEntries();

  private Payloads() {}

  static RealtimeException invalid(String detail) {
    return new RealtimeException(ErrorCode.PAYLOAD_INVALID, detail);
  }

  /**
   * The domain object of a payload that must be a JSON object, within {@link JsonLimits#DEFAULT}:
   * hostile input (deep nesting, huge trees, enormous numbers, binary) is {@code PAYLOAD_INVALID}.
   */
  static JsonValue.JsonObject toObject(JsonNode node) {
    try {
      return JsonTrees.toObject(node);
    } catch (JsonInputException e) {
      throw invalid(e.getMessage());
    }
  }

  /** The first argument, which must be an object. */
  static ObjectNode object(List<JsonNode> args) {
    if (args == null || args.isEmpty() || args.get(0) == null || !args.get(0).isObject()) {
      throw invalid("the first argument must be an object");
    }
    return (ObjectNode) args.get(0);
  }

  static String string(ObjectNode payload, String field) {
    return optionalString(payload, field).orElseThrow(() -> invalid(field + " is required"));
  }

  /** Absent or {@code null} is empty; any other non-string is refused. */
  static Optional<String> optionalString(ObjectNode payload, String field) {
    JsonNode value = payload.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw invalid(field + " must be a string");
    }
    return Optional.of(value.textValue());
  }

  static boolean bool(ObjectNode payload, String field) {
    JsonNode value = payload.get(field);
    if (value == null || !value.isBoolean()) {
      throw invalid(field + " must be true or false");
    }
    return value.booleanValue();
  }

  /** A required array of strings. */
  static List<String> strings(ObjectNode payload, String field) {
    JsonNode value = payload.get(field);
    if (value == null || !value.isArray()) {
      throw invalid(field + " must be an array of strings");
    }
    if (value.size() > MAX_ENTRIES) {
      throw invalid(field + " has too many entries");
    }
    List<String> out = new ArrayList<>(value.size());
    for (JsonNode item : value) {
      if (!item.isTextual()) {
        throw invalid(field + " must be an array of strings");
      }
      out.add(item.textValue());
    }
    return out;
  }

  /** An optional object whose values are strings; absent or {@code null} is empty. */
  static Map<String, String> stringMap(ObjectNode payload, String field) {
    JsonNode value = payload.get(field);
    if (value == null || value.isNull()) {
      return Map.of();
    }
    if (!value.isObject()) {
      throw invalid(field + " must be an object of strings");
    }
    if (value.size() > MAX_ENTRIES) {
      throw invalid(field + " has too many entries");
    }
    Map<String, String> out = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = value.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isTextual()) {
        throw invalid(field + " must be an object of strings");
      }
      out.put(e.getKey(), e.getValue().textValue());
    }
    return out;
  }

  /** An optional object as a domain value; absent or {@code null} is the empty object. */
  static JsonValue.JsonObject optionalObject(ObjectNode payload, String field) {
    JsonNode value = payload.get(field);
    if (value == null || value.isNull()) {
      return JsonValue.JsonObject.EMPTY;
    }
    if (!value.isObject()) {
      throw invalid(field + " must be an object");
    }
    return toObject(value);
  }

  /** An optional integer within {@code [min, max]}. */
  static Optional<Integer> optionalInt(ObjectNode payload, String field, int min, int max) {
    JsonNode value = payload.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw invalid(field + " must be an integer");
    }
    int n = value.intValue();
    if (n < min || n > max) {
      throw invalid(field + " is out of range");
    }
    return Optional.of(n);
  }

  /** An optional finite number. */
  static Optional<Double> optionalNumber(ObjectNode payload, String field) {
    JsonNode value = payload.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
      throw invalid(field + " must be a number");
    }
    return Optional.of(value.doubleValue());
  }
}

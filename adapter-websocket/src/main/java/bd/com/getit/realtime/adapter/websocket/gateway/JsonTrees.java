package bd.com.getit.realtime.adapter.websocket.gateway;

import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.domain.RealtimeException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts between Jackson trees and the domain's {@link JsonValue}, refusing hostile input (deep
 * nesting, huge trees, non-finite or enormous numbers, binary data) as {@code PAYLOAD_INVALID}.
 */
final class JsonTrees {

  /** Nesting deeper than this is refused: the core and the JSON writer recurse. */
  static final int MAX_DEPTH = 32;

  /** More values than this in one payload are refused. */
  static final int MAX_NODES = 100_000;

  /** Numbers with more digits, or a larger exponent, than this are refused. */
  static final int MAX_NUMBER_DIGITS = 1000;

  static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  private JsonTrees() {}

  /** The domain value of a client payload, within {@link #MAX_DEPTH} and {@link #MAX_NODES}. */
  static JsonValue toValue(JsonNode node) {
    return toValue(node, MAX_DEPTH, MAX_NODES);
  }

  static JsonValue toValue(JsonNode node, int maxDepth, int maxNodes) {
    return new Reader(maxDepth, maxNodes).read(node, 1);
  }

  /** The domain object of a client payload that must be a JSON object. */
  static JsonValue.JsonObject toObject(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw invalid("an object is expected");
    }
    return (JsonValue.JsonObject) toValue(node);
  }

  /** The Jackson tree of a domain value (trusted: it comes from the core). */
  static JsonNode toNode(JsonValue value) {
    if (value instanceof JsonValue.JsonObject o) {
      ObjectNode out = NODES.objectNode();
      o.fields().forEach((k, v) -> out.set(k, toNode(v)));
      return out;
    }
    if (value instanceof JsonValue.JsonArray a) {
      ArrayNode out = NODES.arrayNode(a.items().size());
      a.items().forEach(v -> out.add(toNode(v)));
      return out;
    }
    if (value instanceof JsonValue.JsonString s) {
      return NODES.textNode(s.value());
    }
    if (value instanceof JsonValue.JsonNumber n) {
      return number(n.value());
    }
    if (value instanceof JsonValue.JsonBool b) {
      return NODES.booleanNode(b.value());
    }
    return NODES.nullNode();
  }

  /** Compact JSON text of a domain value. */
  static String toJson(JsonValue value) {
    return value.toJson();
  }

  private static JsonNode number(BigDecimal value) {
    // Integers stay integer nodes so that clients and equality checks see 1, not 1.0.
    if (value.scale() == 0 && value.unscaledValue().bitLength() < 64) {
      long l = value.longValueExact();
      return l == (int) l ? NODES.numberNode((int) l) : NODES.numberNode(l);
    }
    return NODES.numberNode(value);
  }

  static RealtimeException invalid(String detail) {
    return new RealtimeException(ErrorCode.PAYLOAD_INVALID, detail);
  }

  /** One conversion: counts the values it has read. */
  private static final class Reader {
    private final int maxDepth;
    private final int maxNodes;
    private int nodes;

    Reader(int maxDepth, int maxNodes) {
      this.maxDepth = maxDepth;
      this.maxNodes = maxNodes;
    }

    JsonValue read(JsonNode node, int depth) {
      if (++nodes > maxNodes) {
        throw invalid("the payload has too many values");
      }
      if (node == null || node.isNull() || node.isMissingNode()) {
        return JsonValue.JsonNull.INSTANCE;
      }
      if (node.isContainerNode() && depth > maxDepth) {
        throw invalid("the payload is nested too deeply");
      }
      if (node.isObject()) {
        Map<String, JsonValue> fields = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
          Map.Entry<String, JsonNode> e = it.next();
          fields.put(e.getKey(), read(e.getValue(), depth + 1));
        }
        return new JsonValue.JsonObject(fields);
      }
      if (node.isArray()) {
        List<JsonValue> items = new ArrayList<>(node.size());
        for (JsonNode item : node) {
          items.add(read(item, depth + 1));
        }
        return new JsonValue.JsonArray(items);
      }
      if (node.isTextual()) {
        return new JsonValue.JsonString(node.textValue());
      }
      if (node.isBoolean()) {
        return node.booleanValue() ? JsonValue.JsonBool.TRUE : JsonValue.JsonBool.FALSE;
      }
      if (node.isNumber()) {
        return new JsonValue.JsonNumber(exact(node));
      }
      throw invalid("binary data is not accepted here");
    }

    private static BigDecimal exact(JsonNode node) {
      BigDecimal value;
      if (node.isIntegralNumber()) {
        value = new BigDecimal(node.bigIntegerValue());
      } else if (node.isBigDecimal()) {
        value = node.decimalValue();
      } else if (node.isFloat()) {
        float f = node.floatValue();
        if (!Float.isFinite(f)) {
          throw invalid("numbers must be finite");
        }
        value = new BigDecimal(Float.toString(f));
      } else {
        double d = node.doubleValue();
        if (!Double.isFinite(d)) {
          throw invalid("numbers must be finite");
        }
        value = BigDecimal.valueOf(d);
      }
      if (value.precision() > MAX_NUMBER_DIGITS || Math.abs(value.scale()) > MAX_NUMBER_DIGITS) {
        throw invalid("the number is too large");
      }
      return value;
    }
  }
}

package bd.com.getit.realtime.json;

import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.json.JsonInputException.Reason;
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
 * Converts between Jackson trees and {@link JsonValue}, in one pass over the tree. Reading refuses
 * what is beyond the {@link JsonLimits} or is no JSON data (binary, non-finite numbers) with a
 * {@link JsonInputException}; numbers stay exact. Stateless and thread-safe.
 */
public final class JsonTrees {

  /** Builds trees whose decimals keep their scale ({@code 1.50} stays {@code 1.50}). */
  public static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  private JsonTrees() {}

  /**
   * The value of a tree within {@link JsonLimits#DEFAULT}; {@code null} or missing is JSON null.
   */
  public static JsonValue toValue(JsonNode node) {
    return toValue(node, JsonLimits.DEFAULT);
  }

  /** The value of a tree within {@code limits}; {@code null} or missing is JSON null. */
  public static JsonValue toValue(JsonNode node, JsonLimits limits) {
    return read(node, 1, new Budget(limits));
  }

  /** The object of a tree that must be a JSON object, within {@link JsonLimits#DEFAULT}. */
  public static JsonValue.JsonObject toObject(JsonNode node) {
    return toObject(node, JsonLimits.DEFAULT);
  }

  /** The object of a tree that must be a JSON object, within {@code limits}. */
  public static JsonValue.JsonObject toObject(JsonNode node, JsonLimits limits) {
    if (node == null || !node.isObject()) {
      throw new JsonInputException(Reason.NOT_AN_OBJECT, "an object is expected");
    }
    return (JsonValue.JsonObject) toValue(node, limits);
  }

  /** The Jackson tree of a value; no limits (values come from the core, already bounded). */
  public static JsonNode toNode(JsonValue value) {
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

  private static JsonNode number(BigDecimal value) {
    // Integers stay integer nodes so that clients and equality checks see 1, not 1.0.
    if (value.scale() == 0 && value.unscaledValue().bitLength() < 64) {
      long l = value.longValueExact();
      return l == (int) l ? NODES.numberNode((int) l) : NODES.numberNode(l);
    }
    return NODES.numberNode(value);
  }

  private static JsonValue read(JsonNode node, int depth, Budget budget) {
    budget.value();
    if (node == null || node.isNull() || node.isMissingNode()) {
      return JsonValue.JsonNull.INSTANCE;
    }
    if (node.isObject()) {
      budget.depth(depth);
      budget.entries(node.size());
      Map<String, JsonValue> fields = new LinkedHashMap<>();
      Iterator<Map.Entry<String, JsonNode>> it = node.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        budget.string(e.getKey().length());
        fields.put(e.getKey(), read(e.getValue(), depth + 1, budget));
      }
      return new JsonValue.JsonObject(fields);
    }
    if (node.isArray()) {
      budget.depth(depth);
      budget.entries(node.size());
      List<JsonValue> items = new ArrayList<>(node.size());
      for (JsonNode item : node) {
        items.add(read(item, depth + 1, budget));
      }
      return new JsonValue.JsonArray(items);
    }
    if (node.isTextual()) {
      String text = node.textValue();
      budget.string(text.length());
      return new JsonValue.JsonString(text);
    }
    if (node.isBoolean()) {
      return node.booleanValue() ? JsonValue.JsonBool.TRUE : JsonValue.JsonBool.FALSE;
    }
    if (node.isNumber()) {
      return new JsonValue.JsonNumber(budget.number(exact(node)));
    }
    throw new JsonInputException(
        Reason.NOT_JSON_DATA,
        node.isBinary()
            ? "binary data is not accepted here"
            : "not JSON data: " + node.getNodeType());
  }

  private static BigDecimal exact(JsonNode node) {
    if (node.isIntegralNumber()) {
      return node.canConvertToLong()
          ? BigDecimal.valueOf(node.longValue())
          : new BigDecimal(node.bigIntegerValue());
    }
    if (node.isBigDecimal()) {
      return node.decimalValue();
    }
    if (node.isFloat()) {
      float f = node.floatValue();
      if (!Float.isFinite(f)) {
        throw Budget.notFinite();
      }
      return new BigDecimal(Float.toString(f));
    }
    double d = node.doubleValue();
    if (!Double.isFinite(d)) {
      throw Budget.notFinite();
    }
    // The shortest text of the double: 0.1, not 0.1000000000000000055511151231257827.
    return BigDecimal.valueOf(d);
  }
}

package bd.com.getit.realtime.adapter.kafka;

import bd.com.getit.realtime.domain.JsonValue;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a record's value into the JSON object the ingest use case reads, or says why it cannot: the
 * checks that need no knowledge of the envelope's fields (those are the core's). Thread-safe.
 */
final class EnvelopeReader {
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          // An envelope with a field twice is ambiguous: refuse it rather than guess which counts.
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
          .build();

  private final int maxBytes;

  EnvelopeReader(int maxBytes) {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be positive");
    }
    this.maxBytes = maxBytes;
  }

  /** What a record's value turned out to be. */
  sealed interface Read {}

  /** A JSON object, to be handed to the core. */
  record Envelope(JsonValue.JsonObject json) implements Read {}

  /**
   * A value that is no envelope at all.
   *
   * @param reason a stable code for the dead-letter header: {@code EMPTY}, {@code TOO_LARGE},
   *     {@code NOT_JSON}, {@code NOT_AN_OBJECT}
   * @param detail what a person needs to find the fault
   */
  record Malformed(String reason, String detail) implements Read {}

  Read read(byte[] value) {
    if (value == null || value.length == 0) {
      return new Malformed("EMPTY", "the record has no value");
    }
    if (value.length > maxBytes) {
      return new Malformed(
          "TOO_LARGE", "the value has " + value.length + " bytes, at most " + maxBytes);
    }
    JsonNode tree;
    try {
      tree = JSON.readTree(value);
    } catch (JacksonException e) {
      return new Malformed("NOT_JSON", e.getOriginalMessage());
    } catch (IOException e) {
      return new Malformed("NOT_JSON", String.valueOf(e.getMessage()));
    }
    if (tree == null || !tree.isObject()) {
      return new Malformed(
          "NOT_AN_OBJECT",
          "the envelope is a JSON object, was " + (tree == null ? "nothing" : tree.getNodeType()));
    }
    return new Envelope((JsonValue.JsonObject) convert(tree));
  }

  /** Jackson's tree to the core's; numbers stay exact. */
  static JsonValue convert(JsonNode node) {
    if (node.isObject()) {
      Map<String, JsonValue> fields = new LinkedHashMap<>();
      node.properties().forEach(e -> fields.put(e.getKey(), convert(e.getValue())));
      return new JsonValue.JsonObject(fields);
    }
    if (node.isArray()) {
      List<JsonValue> items = new ArrayList<>(node.size());
      node.forEach(item -> items.add(convert(item)));
      return new JsonValue.JsonArray(items);
    }
    if (node.isTextual()) {
      return new JsonValue.JsonString(node.textValue());
    }
    if (node.isBoolean()) {
      return node.booleanValue() ? JsonValue.JsonBool.TRUE : JsonValue.JsonBool.FALSE;
    }
    if (node.isNumber()) {
      return new JsonValue.JsonNumber(
          node.isIntegralNumber() ? new BigDecimal(node.bigIntegerValue()) : node.decimalValue());
    }
    return JsonValue.JsonNull.INSTANCE;
  }
}

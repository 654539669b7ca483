package bd.com.getit.realtime.json;

import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.json.JsonInputException.Reason;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;

/**
 * Reads JSON text straight into a {@link JsonValue} with Jackson's streaming parser: one pass, no
 * intermediate tree, numbers exact. Strict as {@code JSON.parse} plus one rule: one value and
 * nothing after it, no {@code NaN}, and a member given twice in one object is refused rather than
 * guessed at. Everything past the {@link JsonLimits} is refused before it is converted.
 * Thread-safe.
 */
public final class JsonText {

  /** Reads within {@link JsonLimits#DEFAULT}. */
  public static final JsonText DEFAULT = new JsonText(JsonLimits.DEFAULT);

  private final JsonLimits limits;
  private final JsonFactory factory;

  private JsonText(JsonLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
    // Jackson's own constraints are only a backstop one level looser than ours, so that the
    // refusal always comes from Budget with its clear reason. Lengths are checked by Budget before
    // any conversion, on input the caller already holds in memory.
    this.factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(Math.max(limits.maxDepth(), limits.maxDepth() + 1))
                    .maxNumberLength(Integer.MAX_VALUE)
                    .maxStringLength(Integer.MAX_VALUE)
                    .maxNameLength(Integer.MAX_VALUE)
                    .build())
            .build();
  }

  /** Reads within {@code limits}. */
  public static JsonText of(JsonLimits limits) {
    return limits.equals(JsonLimits.DEFAULT) ? DEFAULT : new JsonText(limits);
  }

  public JsonLimits limits() {
    return limits;
  }

  /**
   * The value of UTF-8 JSON text.
   *
   * @throws JsonInputException when the text is malformed (invalid UTF-8 included) or beyond the
   *     limits
   */
  public JsonValue read(byte[] utf8) {
    Objects.requireNonNull(utf8, "utf8");
    try (JsonParser parser = factory.createParser(utf8)) {
      return readAll(parser);
    } catch (JacksonException e) {
      throw malformed(e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw malformed(String.valueOf(e.getMessage()), e);
    }
  }

  /**
   * The value of JSON text.
   *
   * @throws JsonInputException when the text is malformed or beyond the limits
   */
  public JsonValue read(String text) {
    Objects.requireNonNull(text, "text");
    try (JsonParser parser = factory.createParser(text)) {
      return readAll(parser);
    } catch (JacksonException e) {
      throw malformed(e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw malformed(String.valueOf(e.getMessage()), e);
    }
  }

  private JsonValue readAll(JsonParser parser) throws IOException {
    JsonToken first = parser.nextToken();
    if (first == null) {
      throw malformed("no JSON value", null);
    }
    JsonValue value = read(parser, first, 1, new Budget(limits));
    if (parser.nextToken() != null) {
      throw malformed("text follows the JSON value", null);
    }
    return value;
  }

  private JsonValue read(JsonParser p, JsonToken token, int depth, Budget budget)
      throws IOException {
    if (token == null) {
      throw malformed("the text ends inside a value", null);
    }
    budget.value();
    switch (token) {
      case START_OBJECT:
        return object(p, depth, budget);
      case START_ARRAY:
        return array(p, depth, budget);
      case VALUE_STRING:
        budget.string(p.getTextLength());
        return new JsonValue.JsonString(p.getText());
      case VALUE_NUMBER_INT:
        budget.numberText(p.getTextLength());
        return new JsonValue.JsonNumber(
            budget.number(
                p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? new BigDecimal(p.getBigIntegerValue())
                    : BigDecimal.valueOf(p.getLongValue())));
      case VALUE_NUMBER_FLOAT:
        budget.numberText(p.getTextLength());
        BigDecimal decimal;
        try {
          // From the text, so 12.50 keeps its scale and 0.1 is exactly 0.1.
          decimal = p.getDecimalValue();
        } catch (NumberFormatException e) {
          // A short text whose exponent no BigDecimal holds ("1e-4901234567890"): Jackson throws
          // NumberFormatException, not one of its own (found by JsonTextFuzzTest).
          throw Budget.numberTooLarge();
        }
        return new JsonValue.JsonNumber(budget.number(decimal));
      case VALUE_TRUE:
        return JsonValue.JsonBool.TRUE;
      case VALUE_FALSE:
        return JsonValue.JsonBool.FALSE;
      case VALUE_NULL:
        return JsonValue.JsonNull.INSTANCE;
      default:
        throw malformed("unexpected " + token, null);
    }
  }

  private JsonValue object(JsonParser p, int depth, Budget budget) throws IOException {
    budget.depth(depth);
    LinkedHashMap<String, JsonValue> fields = new LinkedHashMap<>();
    String name;
    while ((name = p.nextFieldName()) != null) {
      budget.string(name.length());
      budget.entries(fields.size() + 1);
      JsonValue value = read(p, p.nextToken(), depth + 1, budget);
      // Cheaper than Jackson's duplicate detector: the map we fill anyway tells.
      if (fields.put(name, value) != null) {
        throw malformed("the member \"" + shorten(name) + "\" is given twice", null);
      }
    }
    return new JsonValue.JsonObject(fields);
  }

  private JsonValue array(JsonParser p, int depth, Budget budget) throws IOException {
    budget.depth(depth);
    List<JsonValue> items = new ArrayList<>();
    JsonToken token;
    while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
      budget.entries(items.size() + 1);
      items.add(read(p, token, depth + 1, budget));
    }
    return new JsonValue.JsonArray(items);
  }

  private static String shorten(String name) {
    return name.length() <= 64 ? name : name.substring(0, 64) + "...";
  }

  private static JsonInputException malformed(String detail, Throwable cause) {
    return new JsonInputException(
        Reason.MALFORMED, detail == null ? "not JSON" : "not JSON: " + detail, cause);
  }
}

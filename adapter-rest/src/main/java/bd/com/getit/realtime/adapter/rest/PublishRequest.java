package bd.com.getit.realtime.adapter.rest;

import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.domain.JsonValue.JsonArray;
import bd.com.getit.realtime.domain.JsonValue.JsonBool;
import bd.com.getit.realtime.domain.JsonValue.JsonNull;
import bd.com.getit.realtime.domain.JsonValue.JsonNumber;
import bd.com.getit.realtime.domain.JsonValue.JsonObject;
import bd.com.getit.realtime.domain.JsonValue.JsonString;
import bd.com.getit.realtime.json.JsonInputException;
import bd.com.getit.realtime.json.JsonText;
import java.math.BigDecimal;
import java.util.List;

/**
 * The body of {@code POST /events} (the PROTOCOL section 8 envelope, its schema {@link
 * Requests.PublishEvent}) read straight from its bytes into the envelope the ingest takes: one
 * parse within the JSON limits, no binding to a record and back. Both ways into the route (the
 * publish route and Jersey) read it here, so they accept and refuse the same bodies. Types are
 * strict, as the rest of the API's: text where a number belongs is refused, not converted. Unknown
 * members are ignored (clients may be newer); a member given as {@code null} is as if absent.
 */
final class PublishRequest {

  private PublishRequest() {}

  /**
   * The envelope of a UTF-8 body.
   *
   * @throws JsonInputException when the body is not JSON or beyond the limits
   * @throws InvalidRequestException when it is not an object, a member has the wrong type, or
   *     {@code event} is blank
   */
  static JsonObject envelope(byte[] body) {
    JsonValue value = JsonText.DEFAULT.read(body);
    if (!(value instanceof JsonObject object)) {
      throw new InvalidRequestException("the body must be a JSON object");
    }
    JsonString event = text(object, "event");
    if (event == null || event.value().isBlank()) {
      throw new InvalidRequestException("event must not be blank");
    }
    JsonObject.Builder envelope =
        JsonObject.builder()
            .put("id", text(object, "id"))
            .put("event", event)
            .put("channel", text(object, "channel"))
            .put("data", data(object))
            .put("priority", text(object, "priority"))
            .put("recipients", recipients(object));
    envelope.put("ttl_seconds", ttlSeconds(object));
    envelope.put("persist", member(object, "persist", JsonBool.class, "persist"));
    return envelope.build();
  }

  private static JsonString text(JsonObject object, String name) {
    return member(object, name, JsonString.class, name);
  }

  private static JsonObject data(JsonObject object) {
    return member(object, "data", JsonObject.class, "data");
  }

  private static JsonArray recipients(JsonObject object) {
    JsonArray recipients = member(object, "recipients", JsonArray.class, "recipients");
    if (recipients != null) {
      List<JsonValue> items = recipients.items();
      for (int i = 0; i < items.size(); i++) {
        if (!(items.get(i) instanceof JsonString s)) {
          throw wrongType("recipients[" + i + "]");
        }
        if (s.value().isBlank()) {
          throw new InvalidRequestException("recipients[" + i + "] must not be blank");
        }
      }
    }
    return recipients;
  }

  private static JsonNumber ttlSeconds(JsonObject object) {
    JsonNumber ttl = member(object, "ttl_seconds", JsonNumber.class, "ttl_seconds");
    if (ttl == null) {
      return null;
    }
    BigDecimal value = ttl.value();
    if (value.signum() != 0 && value.stripTrailingZeros().scale() > 0) {
      throw new InvalidRequestException("ttl_seconds must be a whole number of seconds");
    }
    try {
      return JsonNumber.of(value.longValueExact());
    } catch (ArithmeticException e) {
      throw new InvalidRequestException("ttl_seconds is out of range");
    }
  }

  /** The member {@code name} if present and not null, refused when it is not a {@code type}. */
  private static <T extends JsonValue> T member(
      JsonObject object, String name, Class<T> type, String path) {
    JsonValue value = object.fields().get(name);
    if (value == null || value instanceof JsonNull) {
      return null;
    }
    if (!type.isInstance(value)) {
      throw wrongType(path);
    }
    return type.cast(value);
  }

  private static InvalidRequestException wrongType(String path) {
    return new InvalidRequestException("wrong type or shape at " + path);
  }
}

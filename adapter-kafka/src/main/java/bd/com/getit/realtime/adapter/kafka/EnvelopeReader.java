package bd.com.getit.realtime.adapter.kafka;

import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.json.JsonInputException;
import bd.com.getit.realtime.json.JsonText;

/**
 * Turns a record's value into the JSON object the ingest use case reads, or says why it cannot: the
 * checks that need no knowledge of the envelope's fields (those are the core's). The text is read
 * in one pass by the shared {@link JsonText}, strictly (a field given twice, or text after the
 * object, is refused rather than guessed at) and within the JSON limits every interface shares.
 * Thread-safe.
 */
final class EnvelopeReader {
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
   * @param reason a stable code for the dead-letter header: {@code EMPTY}, {@code TOO_LARGE}
   *     (bytes, or beyond the JSON limits), {@code NOT_JSON}, {@code NOT_AN_OBJECT}
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
    JsonValue json;
    try {
      json = JsonText.DEFAULT.read(value);
    } catch (JsonInputException e) {
      return new Malformed(e.reason().isLimit() ? "TOO_LARGE" : "NOT_JSON", e.getMessage());
    }
    if (json instanceof JsonValue.JsonObject object) {
      return new Envelope(object);
    }
    return new Malformed("NOT_AN_OBJECT", "the envelope is a JSON object, was " + kind(json));
  }

  private static String kind(JsonValue json) {
    if (json instanceof JsonValue.JsonArray) {
      return "an array";
    }
    if (json instanceof JsonValue.JsonString) {
      return "a string";
    }
    if (json instanceof JsonValue.JsonNumber) {
      return "a number";
    }
    if (json instanceof JsonValue.JsonBool) {
      return "a boolean";
    }
    return "null";
  }
}

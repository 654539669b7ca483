package bd.com.getit.realtime.json;

import bd.com.getit.realtime.json.JsonInputException.Reason;
import java.math.BigDecimal;

/**
 * What one conversion may still read: counts its values and checks each against the {@link
 * JsonLimits}. The one place the limits are applied, whichever reader walks the input. Not
 * thread-safe: one per conversion.
 */
final class Budget {
  private final JsonLimits limits;
  private int values;

  Budget(JsonLimits limits) {
    this.limits = limits;
  }

  /** One more value, of any kind. */
  void value() {
    if (++values > limits.maxValues()) {
      throw new JsonInputException(Reason.TOO_MANY_VALUES, "the payload has too many values");
    }
  }

  /** A container opened at {@code depth} (the outermost is 1). */
  void depth(int depth) {
    if (depth > limits.maxDepth()) {
      throw new JsonInputException(Reason.TOO_DEEP, "the payload is nested too deeply");
    }
  }

  /** A container with {@code entries} members or elements (so far). */
  void entries(int entries) {
    if (entries > limits.maxEntries()) {
      throw new JsonInputException(
          Reason.TOO_MANY_ENTRIES,
          "an object or array has more than " + limits.maxEntries() + " entries");
    }
  }

  /** A string or member name of {@code length} chars. */
  void string(int length) {
    if (length > limits.maxStringLength()) {
      throw new JsonInputException(
          Reason.STRING_TOO_LONG,
          "a string is longer than " + limits.maxStringLength() + " characters");
    }
  }

  /** A number written with {@code length} characters, checked before it is converted. */
  void numberText(int length) {
    if (length > limits.maxNumberLength()) {
      throw numberTooLarge();
    }
  }

  /** A number's value: its digits and its exponent. */
  BigDecimal number(BigDecimal value) {
    int max = limits.maxNumberLength();
    if (value.precision() > max || Math.abs((long) value.scale()) > max) {
      throw numberTooLarge();
    }
    return value;
  }

  static JsonInputException notFinite() {
    return new JsonInputException(Reason.NOT_JSON_DATA, "numbers must be finite");
  }

  static JsonInputException numberTooLarge() {
    return new JsonInputException(Reason.NUMBER_TOO_LARGE, "the number is too large");
  }
}

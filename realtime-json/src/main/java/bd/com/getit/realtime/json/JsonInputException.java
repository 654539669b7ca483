package bd.com.getit.realtime.json;

import java.util.Objects;

/**
 * JSON input that is malformed, is not JSON data, or goes beyond the {@link JsonLimits}. Its
 * message is fit to show to whoever sent the input; adapters translate it into their own refusal
 * ({@code PAYLOAD_INVALID}, a dead-letter reason). It is an {@link IllegalArgumentException} so
 * that code reading its own stored records keeps one failure type. No stack trace: hostile input is
 * cheap to refuse.
 */
public final class JsonInputException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Why the input was refused. */
  public enum Reason {
    /** Not JSON text: a syntax error, invalid UTF-8, text after the value, a member given twice. */
    MALFORMED(false),
    /** No JSON data: binary, a non-finite number, a Java object of another kind. */
    NOT_JSON_DATA(false),
    /** JSON data, but not the object the caller asked for. */
    NOT_AN_OBJECT(false),
    /** Containers nested deeper than {@link JsonLimits#maxDepth()}. */
    TOO_DEEP(true),
    /** More values than {@link JsonLimits#maxValues()}. */
    TOO_MANY_VALUES(true),
    /** An object or array with more entries than {@link JsonLimits#maxEntries()}. */
    TOO_MANY_ENTRIES(true),
    /** A string or member name longer than {@link JsonLimits#maxStringLength()}. */
    STRING_TOO_LONG(true),
    /** A number beyond {@link JsonLimits#maxNumberLength()}. */
    NUMBER_TOO_LARGE(true);

    private final boolean limit;

    Reason(boolean limit) {
      this.limit = limit;
    }

    /** Whether well-formed input went past one of the {@link JsonLimits}. */
    public boolean isLimit() {
      return limit;
    }
  }

  private final Reason reason;

  JsonInputException(Reason reason, String message) {
    this(reason, message, null);
  }

  JsonInputException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public Reason reason() {
    return reason;
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }
}

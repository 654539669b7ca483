package bd.com.getit.realtime.adapter.mongo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/**
 * Reads typed fields of a stored document, failing with {@link MalformedDocumentException} (naming
 * the field) when a required one is missing or of another type.
 */
final class Fields {
  private Fields() {}

  static String text(Document d, String name) {
    return required(d, name, String.class);
  }

  static String optionalText(Document d, String name) {
    return optional(d, name, String.class);
  }

  static Instant instant(Document d, String name) {
    return required(d, name, Date.class).toInstant();
  }

  static Instant optionalInstant(Document d, String name) {
    Date date = optional(d, name, Date.class);
    return date == null ? null : date.toInstant();
  }

  static long whole(Document d, String name) {
    Object value = d.get(name);
    if (value instanceof Integer || value instanceof Long) {
      return ((Number) value).longValue();
    }
    throw malformed(name, value, "a whole number");
  }

  static boolean bool(Document d, String name) {
    return required(d, name, Boolean.class);
  }

  /** A sub-document; a missing one reads as empty (data and metadata are optional). */
  static Document document(Document d, String name) {
    Document value = optional(d, name, Document.class);
    return value == null ? new Document() : value;
  }

  /** A sub-document, or null when missing. */
  static Document optionalDocument(Document d, String name) {
    return optional(d, name, Document.class);
  }

  static Document requiredDocument(Document d, String name) {
    return required(d, name, Document.class);
  }

  static <T> List<T> list(Document d, String name, Class<T> item) {
    List<?> values = optional(d, name, List.class);
    List<T> result = new ArrayList<>();
    if (values == null) {
      return result;
    }
    for (Object value : values) {
      if (!item.isInstance(value)) {
        throw malformed(name + "[]", value, item.getSimpleName());
      }
      result.add(item.cast(value));
    }
    return result;
  }

  private static <T> T required(Document d, String name, Class<T> type) {
    T value = optional(d, name, type);
    if (value == null) {
      throw new MalformedDocumentException("missing field " + name);
    }
    return value;
  }

  private static <T> T optional(Document d, String name, Class<T> type) {
    Object value = d.get(name);
    if (value == null) {
      return null;
    }
    if (!type.isInstance(value)) {
      throw malformed(name, value, type.getSimpleName());
    }
    return type.cast(value);
  }

  private static MalformedDocumentException malformed(String name, Object value, String expected) {
    return new MalformedDocumentException(
        name
            + " should be "
            + expected
            + ", is "
            + (value == null ? "missing" : value.getClass().getSimpleName()));
  }
}

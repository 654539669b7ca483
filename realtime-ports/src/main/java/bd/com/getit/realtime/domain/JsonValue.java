package bd.com.getit.realtime.domain;

import java.math.BigDecimal;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable JSON-like tree: the payload of events, messages and metadata, free of any JSON
 * library so that the core stays JDK-only. Adapters convert to and from their library's tree.
 */
public sealed interface JsonValue {

  /** Writes this value as compact JSON text. */
  default String toJson() {
    StringBuilder out = new StringBuilder(64);
    JsonWriter.write(this, out);
    return out.toString();
  }

  /**
   * Appends this value as compact JSON text (the same as {@link #toJson()}) to {@code out}, so that
   * an encoder writes it straight into its own buffer.
   */
  default void writeJson(StringBuilder out) {
    JsonWriter.write(this, java.util.Objects.requireNonNull(out, "out"));
  }

  /**
   * The length of {@link #toJson()}, counted without writing the text: a size limit checked on
   * every message needs no copy of what it measures.
   */
  default int jsonLength() {
    return JsonWriter.length(this);
  }

  /** The JSON {@code null}. */
  record JsonNull() implements JsonValue {
    public static final JsonNull INSTANCE = new JsonNull();
  }

  /** A JSON boolean. */
  record JsonBool(boolean value) implements JsonValue {
    public static final JsonBool TRUE = new JsonBool(true);
    public static final JsonBool FALSE = new JsonBool(false);
  }

  /** A JSON number, kept exact. */
  record JsonNumber(BigDecimal value) implements JsonValue {
    public JsonNumber {
      Objects.requireNonNull(value, "value");
    }

    public static JsonNumber of(long value) {
      return new JsonNumber(BigDecimal.valueOf(value));
    }

    public static JsonNumber of(double value) {
      if (Double.isNaN(value) || Double.isInfinite(value)) {
        throw new IllegalArgumentException("JSON numbers are finite: " + value);
      }
      return new JsonNumber(BigDecimal.valueOf(value));
    }
  }

  /** A JSON string. */
  record JsonString(String value) implements JsonValue {
    public JsonString {
      Objects.requireNonNull(value, "value");
    }
  }

  /** A JSON array; its list is unmodifiable. */
  record JsonArray(List<JsonValue> items) implements JsonValue {
    public static final JsonArray EMPTY = new JsonArray(List.of());

    public JsonArray {
      items = List.copyOf(items);
    }

    public static JsonArray of(JsonValue... items) {
      return new JsonArray(List.of(items));
    }

    public static JsonArray ofStrings(Iterable<String> values) {
      List<JsonValue> items = new ArrayList<>();
      values.forEach(v -> items.add(new JsonString(v)));
      return new JsonArray(items);
    }
  }

  /** A JSON object; its map is unmodifiable and keeps insertion order. */
  record JsonObject(Map<String, JsonValue> fields) implements JsonValue {
    public static final JsonObject EMPTY = new JsonObject(Map.of());

    public JsonObject {
      Objects.requireNonNull(fields, "fields");
      if (fields instanceof BuiltFields built) {
        // a builder's map, which it never changes once built (it copies before a later put)
        fields = built.view;
      } else if (!(fields instanceof WrittenFields)) { // immutable by contract
        LinkedHashMap<String, JsonValue> copy = new LinkedHashMap<>(fields);
        copy.forEach((k, v) -> Objects.requireNonNull(v, () -> "value of " + k));
        fields = Collections.unmodifiableMap(copy);
      }
    }

    public Optional<JsonValue> get(String name) {
      return Optional.ofNullable(fields.get(name));
    }

    /** The field as text when it is a JSON string or number; empty otherwise. */
    public Optional<String> text(String name) {
      JsonValue v = fields.get(name);
      if (v instanceof JsonString s) {
        return Optional.of(s.value());
      }
      if (v instanceof JsonNumber n) {
        return Optional.of(n.value().toPlainString());
      }
      return Optional.empty();
    }

    public Optional<JsonObject> object(String name) {
      return fields.get(name) instanceof JsonObject o ? Optional.of(o) : Optional.empty();
    }

    public static Builder builder() {
      return new Builder();
    }

    /**
     * A builder's fields, handed to the object it builds without a copy: objects are built on every
     * message (payloads, envelopes, acks), and a copy per build was a map per object for nothing.
     */
    private static final class BuiltFields extends LinkedHashMap<String, JsonValue> {
      private static final long serialVersionUID = 1L;
      private final transient Map<String, JsonValue> view = Collections.unmodifiableMap(this);

      BuiltFields() {}

      BuiltFields(Map<String, JsonValue> from) {
        super(from);
      }
    }

    /**
     * Fields that write themselves as JSON text. An object made for every message (a chat message's
     * payload) writes its few fields straight into the encoder's buffer rather than being built as
     * a map and walked; it becomes a map only when something reads it as one (a store's codec, a
     * test), once. Subclasses are immutable, and {@link #writeJson} writes exactly what {@link
     * #toJson()} of {@link #materialise()}'s object would.
     */
    public abstract static class WrittenFields extends AbstractMap<String, JsonValue> {
      private volatile Map<String, JsonValue> materialised;

      protected WrittenFields() {}

      /** The fields as an ordered map, without nulls; called at most once per instance or so. */
      protected abstract Map<String, JsonValue> materialise();

      /** Appends the object (braces included) as {@link JsonWriter} would write its map. */
      protected abstract void writeJson(StringBuilder out);

      /** Appends {@code value} as a JSON string, quoted and escaped. */
      protected static void writeString(String value, StringBuilder out) {
        JsonWriter.writeString(value, out);
      }

      /** Appends {@code value}'s escaped characters, without quotes. */
      protected static void writeStringContent(String value, StringBuilder out) {
        JsonWriter.writeStringContent(value, out);
      }

      /** Appends any value as JSON text. */
      protected static void writeValue(JsonValue value, StringBuilder out) {
        JsonWriter.write(value, out);
      }

      private Map<String, JsonValue> map() {
        Map<String, JsonValue> m = materialised;
        if (m == null) {
          // Two threads may both build it: equal maps, either kept.
          m = Collections.unmodifiableMap(new LinkedHashMap<>(materialise()));
          materialised = m;
        }
        return m;
      }

      @Override
      public Set<Map.Entry<String, JsonValue>> entrySet() {
        return map().entrySet();
      }

      @Override
      public JsonValue get(Object key) {
        return map().get(key);
      }

      @Override
      public boolean containsKey(Object key) {
        return map().containsKey(key);
      }

      @Override
      public int size() {
        return map().size();
      }
    }

    /** Builds an object field by field, skipping {@code null} values. */
    public static final class Builder {
      private BuiltFields fields = new BuiltFields();
      private boolean built; // fields belong to a built object: copy them before a change

      public Builder put(String name, JsonValue value) {
        if (value != null) {
          if (built) {
            fields = new BuiltFields(fields);
            built = false;
          }
          fields.put(name, value);
        }
        return this;
      }

      public Builder put(String name, String value) {
        return value == null ? this : put(name, new JsonString(value));
      }

      public Builder put(String name, long value) {
        return put(name, JsonNumber.of(value));
      }

      public Builder put(String name, boolean value) {
        return put(name, value ? JsonBool.TRUE : JsonBool.FALSE);
      }

      /** Puts an explicit JSON {@code null}. */
      public Builder putNull(String name) {
        return put(name, JsonNull.INSTANCE);
      }

      public JsonObject build() {
        built = true;
        return new JsonObject(fields);
      }
    }
  }
}

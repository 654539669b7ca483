package bd.com.getit.realtime.domain;

import java.util.Map;

/** Writes a {@link JsonValue} as RFC 8259 JSON text. */
final class JsonWriter {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private JsonWriter() {}

  static void write(JsonValue value, StringBuilder out) {
    if (value instanceof JsonValue.JsonNull) {
      out.append("null");
    } else if (value instanceof JsonValue.JsonBool b) {
      out.append(b.value());
    } else if (value instanceof JsonValue.JsonNumber n) {
      out.append(n.value().toString());
    } else if (value instanceof JsonValue.JsonString s) {
      writeString(s.value(), out);
    } else if (value instanceof JsonValue.JsonArray a) {
      out.append('[');
      for (int i = 0; i < a.items().size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        write(a.items().get(i), out);
      }
      out.append(']');
    } else if (value instanceof JsonValue.JsonObject o) {
      if (o.fields() instanceof JsonValue.JsonObject.WrittenFields written) {
        written.writeJson(out);
        return;
      }
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, JsonValue> e : o.fields().entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        writeString(e.getKey(), out);
        out.append(':');
        write(e.getValue(), out);
      }
      out.append('}');
    }
  }

  /** The length of what {@link #write} writes for {@code value}. */
  static int length(JsonValue value) {
    if (value instanceof JsonValue.JsonNull) {
      return 4;
    } else if (value instanceof JsonValue.JsonBool b) {
      return b.value() ? 4 : 5;
    } else if (value instanceof JsonValue.JsonNumber n) {
      return n.value().toString().length(); // BigDecimal keeps its string once made
    } else if (value instanceof JsonValue.JsonString s) {
      return stringLength(s.value());
    } else if (value instanceof JsonValue.JsonArray a) {
      int length = 2 + Math.max(0, a.items().size() - 1);
      for (JsonValue item : a.items()) {
        length += length(item);
      }
      return length;
    } else if (value instanceof JsonValue.JsonObject o) {
      if (o.fields() instanceof JsonValue.JsonObject.WrittenFields) {
        return value.toJson().length();
      }
      int length = 2 + Math.max(0, o.fields().size() - 1);
      for (Map.Entry<String, JsonValue> e : o.fields().entrySet()) {
        length += stringLength(e.getKey()) + 1 + length(e.getValue());
      }
      return length;
    }
    throw new IllegalArgumentException("not a JSON value: " + value);
  }

  private static int stringLength(String s) {
    int length = 2;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\' || c == '\n' || c == '\r' || c == '\t' || c == '\b' || c == '\f') {
        length += 2;
      } else if (c < 0x20 || c == '\u2028' || c == '\u2029') {
        length += 6;
      } else {
        length++;
      }
    }
    return length;
  }

  static void writeString(String s, StringBuilder out) {
    out.append('"');
    writeStringContent(s, out);
    out.append('"');
  }

  /** The string's escaped characters, without the quotes. */
  static void writeStringContent(String s, StringBuilder out) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          // U+2028/2029 are escaped so the text is also safe inside JavaScript source.
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            out.append("\\u").append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF]);
            out.append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
          } else {
            out.append(c);
          }
        }
      }
    }
  }
}

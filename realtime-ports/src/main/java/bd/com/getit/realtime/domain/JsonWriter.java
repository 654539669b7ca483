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

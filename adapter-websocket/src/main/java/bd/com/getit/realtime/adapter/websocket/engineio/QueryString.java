package bd.com.getit.realtime.adapter.websocket.engineio;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Parses a raw query string; never reads a request body (unlike servlet-style parameters). */
final class QueryString {

  private QueryString() {}

  /**
   * The query's parameters, each with its values in order; unmodifiable. Read twice per websocket
   * upgrade (by the guard and by the handshake), so it scans the text once and copies nothing it
   * need not: a name or value without {@code %} or {@code +} is used as it is.
   */
  static Map<String, List<String>> parse(String raw) {
    if (raw == null || raw.isEmpty()) {
      return Map.of();
    }
    Map<String, List<String>> result = new HashMap<>();
    int length = raw.length();
    for (int start = 0; start < length; ) {
      int end = raw.indexOf('&', start);
      if (end < 0) {
        end = length;
      }
      if (end > start) {
        int eq = raw.indexOf('=', start);
        boolean valued = eq >= 0 && eq < end;
        String name = shared(decode(raw.substring(start, valued ? eq : end)));
        String value = valued ? shared(decode(raw.substring(eq + 1, end))) : "";
        List<String> before = result.get(name);
        if (before == null) {
          result.put(name, List.of(value));
        } else {
          List<String> all = new ArrayList<>(before);
          all.add(value);
          result.put(name, List.copyOf(all));
        }
      }
      start = end + 1;
    }
    return Map.copyOf(result);
  }

  /**
   * The constant for the Engine.IO query's usual names and values: every session keeps its query,
   * and these need not be a copy each.
   */
  private static String shared(String text) {
    return switch (text) {
      case "EIO" -> "EIO";
      case "transport" -> "transport";
      case "sid" -> "sid";
      case "t" -> "t";
      case "4" -> "4";
      case "websocket" -> "websocket";
      case "polling" -> "polling";
      default -> text;
    };
  }

  /** The first value of {@code name}, or null. */
  static String first(Map<String, List<String>> query, String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private static String decode(String text) {
    if (text.indexOf('%') < 0 && text.indexOf('+') < 0) {
      return text; // nothing encoded: URLDecoder would copy it
    }
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text; // a stray '%': keep it as sent
    }
  }
}

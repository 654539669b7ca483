package bd.com.getit.realtime.adapter.websocket.engineio;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses a raw query string; never reads a request body (unlike servlet-style parameters). */
final class QueryString {

  private QueryString() {}

  static Map<String, List<String>> parse(String raw) {
    Map<String, List<String>> result = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return Map.of();
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = shared(decode(eq < 0 ? pair : pair.substring(0, eq)));
      String value = eq < 0 ? "" : shared(decode(pair.substring(eq + 1)));
      result.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    Map<String, List<String>> frozen = new LinkedHashMap<>();
    result.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
    return Map.copyOf(frozen);
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
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text; // a stray '%': keep it as sent
    }
  }
}

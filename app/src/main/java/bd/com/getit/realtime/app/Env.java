package bd.com.getit.realtime.app;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Typed reads of environment variables; every bad value is a {@link ConfigException}. */
final class Env {
  private final Map<String, String> vars;

  Env(Map<String, String> vars) {
    this.vars = Map.copyOf(vars);
  }

  Optional<String> text(String name) {
    return Optional.ofNullable(vars.get(name)).map(String::strip).filter(v -> !v.isEmpty());
  }

  String text(String name, String fallback) {
    return text(name).orElse(fallback);
  }

  int integer(String name, int fallback, int min, int max) {
    Optional<String> raw = text(name);
    if (raw.isEmpty()) {
      return fallback;
    }
    try {
      int v = Integer.parseInt(raw.get());
      if (v < min || v > max) {
        throw new ConfigException(name, "must be between " + min + " and " + max + ", was " + v);
      }
      return v;
    } catch (NumberFormatException e) {
      throw new ConfigException(name, "must be an integer, was '" + raw.get() + "'");
    }
  }

  Duration millis(String name, Duration fallback, long minMs, long maxMs) {
    int ms = integer(name, (int) fallback.toMillis(), (int) minMs, (int) maxMs);
    return Duration.ofMillis(ms);
  }

  boolean bool(String name, boolean fallback) {
    Optional<String> raw = text(name).map(v -> v.toLowerCase(Locale.ROOT));
    if (raw.isEmpty()) {
      return fallback;
    }
    switch (raw.get()) {
      case "true", "1", "yes", "on":
        return true;
      case "false", "0", "no", "off":
        return false;
      default:
        throw new ConfigException(name, "must be true or false, was '" + raw.get() + "'");
    }
  }

  List<String> list(String name, List<String> fallback) {
    return text(name)
        .map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList())
        .orElse(fallback);
  }

  Optional<URI> uri(String name) {
    Optional<String> raw = text(name);
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(raw.get());
      if (uri.getScheme() == null || uri.getRawAuthority() == null) {
        throw new ConfigException(name, "must be an absolute URL, was '" + raw.get() + "'");
      }
      return Optional.of(uri);
    } catch (java.net.URISyntaxException e) {
      throw new ConfigException(name, "is not a valid URL: " + e.getReason());
    }
  }
}

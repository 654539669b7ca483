package bd.com.getit.realtime.app;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Typed reads of environment variables; every bad value is a {@link ConfigException}. A secret may
 * come from a file instead ({@code REALTIME_JWT_SECRET_FILE=/run/secrets/jwt}, as Docker and
 * Kubernetes mount them), so it never has to sit in the process environment. Every read is
 * remembered with its effective value, for {@code check-config}.
 */
final class Env {
  /** The variables that may be given as {@code <NAME>_FILE}: the secrets. */
  static final Set<String> SECRETS =
      Set.of("REALTIME_JWT_SECRET", "REALTIME_REDIS_URL", "REALTIME_MONGO_URI");

  static final String FILE_SUFFIX = "_FILE";

  private final Map<String, String> vars;
  private final Map<String, String> effective = new LinkedHashMap<>();

  Env(Map<String, String> vars) {
    this.vars = Map.copyOf(vars);
  }

  /** Every variable read, in reading order, with its value ({@code (unset)} when none). */
  Map<String, String> effective() {
    return Collections.unmodifiableMap(effective);
  }

  /** The raw environment, for reads by prefix ({@code REALTIME_KAFKA_PROPERTY_*}). */
  Map<String, String> all() {
    return vars;
  }

  Optional<String> text(String name) {
    Optional<String> value = raw(name);
    effective.putIfAbsent(name, value.orElse("(unset)"));
    return value;
  }

  private Optional<String> raw(String name) {
    Optional<String> inline =
        Optional.ofNullable(vars.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    if (!SECRETS.contains(name)) {
      return inline;
    }
    String fileVar = name + FILE_SUFFIX;
    Optional<String> file =
        Optional.ofNullable(vars.get(fileVar)).map(String::strip).filter(v -> !v.isEmpty());
    if (file.isEmpty()) {
      return inline;
    }
    if (inline.isPresent()) {
      throw new ConfigException(fileVar, "set either " + name + " or " + fileVar + ", not both");
    }
    return Optional.of(readSecret(fileVar, file.get())).filter(v -> !v.isEmpty());
  }

  /** A secret file's content without its surrounding white space (editors add a newline). */
  static String readSecret(String variable, String path) {
    try {
      return Files.readString(Path.of(path), StandardCharsets.UTF_8).strip();
    } catch (IOException | InvalidPathException e) {
      throw new ConfigException(variable, "cannot read the file " + path + ": " + e);
    }
  }

  String text(String name, String fallback) {
    Optional<String> value = raw(name);
    effective.putIfAbsent(name, value.orElse(fallback));
    return value.orElse(fallback);
  }

  int integer(String name, int fallback, int min, int max) {
    Optional<String> raw = raw(name);
    effective.putIfAbsent(name, raw.orElse(Integer.toString(fallback)));
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

  /** An optional integer: empty when unset. */
  Optional<Integer> integer(String name, int min, int max) {
    if (raw(name).isEmpty()) {
      effective.putIfAbsent(name, "(unset)");
      return Optional.empty();
    }
    return Optional.of(integer(name, 0, min, max));
  }

  Duration millis(String name, Duration fallback, long minMs, long maxMs) {
    int ms = integer(name, (int) fallback.toMillis(), (int) minMs, (int) maxMs);
    return Duration.ofMillis(ms);
  }

  boolean bool(String name, boolean fallback) {
    Optional<String> raw = raw(name).map(v -> v.toLowerCase(Locale.ROOT));
    effective.putIfAbsent(name, raw.orElse(Boolean.toString(fallback)));
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
    Optional<String> raw = raw(name);
    effective.putIfAbsent(name, raw.orElse(String.join(",", fallback)));
    return raw.map(
            v -> Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList())
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

  /** Remembers a value read another way (a derived or prefixed setting), for check-config. */
  void note(String name, String value) {
    effective.putIfAbsent(name, value);
  }
}

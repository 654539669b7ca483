package bd.com.getit.realtime.adapter.rest;

import java.util.List;

/**
 * How the REST API is exposed.
 *
 * @param corsOrigins browser origins allowed to call the API; {@code *} allows any, empty allows
 *     none (no CORS headers at all)
 * @param maxBodyBytes the largest request body accepted; larger ones get 413
 */
public record RestOptions(List<String> corsOrigins, int maxBodyBytes) {
  /** PROTOCOL section 9: a body over 1 MB is 413. */
  public static final int DEFAULT_MAX_BODY_BYTES = 1_000_000;

  public RestOptions {
    corsOrigins = List.copyOf(corsOrigins);
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException("maxBodyBytes must be positive");
    }
  }

  public static RestOptions defaults() {
    return new RestOptions(List.of("*"), DEFAULT_MAX_BODY_BYTES);
  }

  boolean allowsOrigin(String origin) {
    return origin != null && (corsOrigins.contains("*") || corsOrigins.contains(origin));
  }
}

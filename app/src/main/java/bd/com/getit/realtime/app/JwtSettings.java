package bd.com.getit.realtime.app;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * How tokens are verified: an HS256 secret or a PEM public key (RS256/ES256), optional issuer and
 * audience, and whether {@code exp} is required. With neither secret nor key the server runs in
 * development mode with a generated secret.
 */
public record JwtSettings(
    Optional<String> secret,
    Optional<String> publicKeyPem,
    Optional<String> issuer,
    Optional<String> audience,
    boolean requireExpiry,
    Duration clockSkew,
    boolean developmentMode) {

  /** RFC 7518 section 3.2: an HS256 key must be at least 256 bits. */
  public static final int MIN_SECRET_BYTES = 32;

  public JwtSettings {
    if (secret.isPresent()
        && secret.get().getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
      throw new ConfigException(
          "REALTIME_JWT_SECRET", "must be at least " + MIN_SECRET_BYTES + " bytes for HS256");
    }
    if (secret.isPresent() && publicKeyPem.isPresent()) {
      throw new ConfigException(
          "REALTIME_JWT_SECRET", "set either it or REALTIME_JWT_PUBLIC_KEY, not both");
    }
    if (developmentMode && (secret.isPresent() || publicKeyPem.isPresent())) {
      throw new IllegalArgumentException("development mode generates its own secret");
    }
  }
}

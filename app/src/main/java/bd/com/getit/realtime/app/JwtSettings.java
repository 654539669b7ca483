package bd.com.getit.realtime.app;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * How tokens are verified: an HS256 secret, a PEM public key (RS256/ES256) or a JWKS URL (keys
 * cached for {@code jwksCacheTtl}), optional issuer and audience, and whether {@code exp} is
 * required. With none of secret, key and JWKS the server runs in development mode with a generated
 * secret.
 */
public record JwtSettings(
    Optional<String> secret,
    Optional<String> publicKeyPem,
    Optional<URI> jwksUrl,
    Duration jwksCacheTtl,
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
    int sources =
        (secret.isPresent() ? 1 : 0)
            + (publicKeyPem.isPresent() ? 1 : 0)
            + (jwksUrl.isPresent() ? 1 : 0);
    if (sources > 1) {
      throw new ConfigException(
          secret.isPresent() ? "REALTIME_JWT_SECRET" : "REALTIME_JWT_PUBLIC_KEY",
          "set one of REALTIME_JWT_SECRET, REALTIME_JWT_PUBLIC_KEY, REALTIME_JWT_JWKS_URL");
    }
    if (developmentMode && sources > 0) {
      throw new IllegalArgumentException("development mode generates its own secret");
    }
  }
}

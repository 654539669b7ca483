package bd.com.getit.realtime.app.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Development mode only: a secret generated at start-up and tokens signed with it, so that a first
 * try needs no identity provider. Never used when a secret or key is configured.
 */
public final class DevelopmentTokens {
  private final String secret;

  public DevelopmentTokens() {
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    this.secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }

  /** The verifier for the tokens this issues. */
  public NimbusTokenVerifier verifier(Duration clockSkew) {
    return NimbusTokenVerifier.hmac(secret, Optional.empty(), Optional.empty(), true, clockSkew);
  }

  /** An HS256 token for {@code user} with {@code roles}, valid for {@code ttl}. */
  public String issue(String user, List<String> roles, Optional<String> vendorId, Duration ttl) {
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .subject(user)
            .claim("roles", roles)
            .issueTime(new Date())
            .expirationTime(Date.from(Instant.now().plus(ttl)));
    vendorId.ifPresent(v -> claims.claim("vendor_id", v));
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
    try {
      jwt.sign(new MACSigner(secret));
    } catch (JOSEException e) {
      throw new IllegalStateException("signing a development token failed", e);
    }
    return jwt.serialize();
  }
}

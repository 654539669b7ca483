package bd.com.getit.realtime.app.security;

import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.Language;
import bd.com.getit.realtime.domain.Principal;
import bd.com.getit.realtime.domain.RealtimeException;
import bd.com.getit.realtime.domain.Role;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.VendorId;
import bd.com.getit.realtime.port.out.TokenVerifier;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jwt.proc.ExpiredJWTException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies JWTs with nimbus-jose-jwt. The accepted algorithm is pinned by the configured key (HS256
 * for a secret, RS256 for an RSA key, ES256 for an EC key), so {@code alg: none} and algorithm
 * confusion (an HMAC token signed with a public key) are refused. Thread-safe, CPU only.
 */
public final class NimbusTokenVerifier implements TokenVerifier {
  private static final System.Logger LOG = System.getLogger(NimbusTokenVerifier.class.getName());

  private final DefaultJWTProcessor<SecurityContext> processor;

  private NimbusTokenVerifier(
      JWSAlgorithm algorithm,
      JWKSource<SecurityContext> keys,
      Optional<String> issuer,
      Optional<String> audience,
      boolean requireExpiry,
      Duration clockSkew) {
    processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithm, keys));
    JWTClaimsSet.Builder exact = new JWTClaimsSet.Builder();
    issuer.ifPresent(exact::issuer);
    Set<String> required = new HashSet<>(List.of("sub"));
    if (requireExpiry) {
      required.add("exp");
    }
    DefaultJWTClaimsVerifier<SecurityContext> claims =
        new DefaultJWTClaimsVerifier<>(audience.orElse(null), exact.build(), required);
    claims.setMaxClockSkew((int) clockSkew.toSeconds());
    processor.setJWTClaimsSetVerifier(claims);
  }

  /** HS256 with a shared secret of at least 32 bytes. */
  public static NimbusTokenVerifier hmac(
      String secret,
      Optional<String> issuer,
      Optional<String> audience,
      boolean requireExpiry,
      Duration clockSkew) {
    byte[] key = secret.getBytes(StandardCharsets.UTF_8);
    if (key.length < 32) {
      throw new IllegalArgumentException("an HS256 secret has at least 32 bytes");
    }
    return new NimbusTokenVerifier(
        JWSAlgorithm.HS256, new ImmutableSecret<>(key), issuer, audience, requireExpiry, clockSkew);
  }

  /** RS256 for an RSA public key, ES256 for an EC (P-256) one, from PEM. */
  public static NimbusTokenVerifier publicKey(
      String pem,
      Optional<String> issuer,
      Optional<String> audience,
      boolean requireExpiry,
      Duration clockSkew) {
    PublicKey key = PublicKeys.parsePem(pem);
    JWKSet set;
    JWSAlgorithm algorithm;
    if (key instanceof RSAPublicKey rsa) {
      set = new JWKSet(new RSAKey.Builder(rsa).build());
      algorithm = JWSAlgorithm.RS256;
    } else if (key instanceof ECPublicKey ec) {
      try {
        set =
            new JWKSet(
                new ECKey.Builder(
                        com.nimbusds.jose.jwk.Curve.forECParameterSpec(ec.getParams()), ec)
                    .build());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("unsupported EC curve", e);
      }
      algorithm = JWSAlgorithm.ES256;
    } else {
      throw new IllegalArgumentException("unsupported key type " + key.getAlgorithm());
    }
    return new NimbusTokenVerifier(
        algorithm, new ImmutableJWKSet<>(set), issuer, audience, requireExpiry, clockSkew);
  }

  @Override
  public Principal verify(String token) {
    JWTClaimsSet claims = process(token);
    return toPrincipal(claims);
  }

  @Override
  public boolean allowsSubscription(String token, UserId user, ChannelName channel) {
    try {
      JWTClaimsSet claims = process(token);
      return user.value().equals(claims.getSubject())
          && channel.toString().equals(claims.getStringClaim("channel"));
    } catch (RealtimeException | ParseException e) {
      return false;
    }
  }

  private JWTClaimsSet process(String token) {
    if (token == null || token.isBlank() || token.length() > 16_384) {
      throw new RealtimeException(ErrorCode.AUTH_INVALID, "token missing or too long");
    }
    try {
      return processor.process(token, null);
    } catch (ExpiredJWTException e) {
      throw new RealtimeException(ErrorCode.AUTH_EXPIRED, "token expired");
    } catch (ParseException | BadJOSEException | JOSEException e) {
      LOG.log(System.Logger.Level.DEBUG, "token refused: {0}", e.getMessage());
      throw new RealtimeException(ErrorCode.AUTH_INVALID, "token refused");
    }
  }

  private static Principal toPrincipal(JWTClaimsSet claims) {
    try {
      UserId user = new UserId(claims.getSubject());
      Set<Role> roles = EnumSet.noneOf(Role.class);
      List<String> names = claims.getStringListClaim("roles");
      if (names != null) {
        for (String name : names) {
          Role.fromWire(name).filter(r -> r != Role.GUEST).ifPresent(roles::add);
        }
      }
      if (roles.isEmpty()) {
        roles.add(Role.CUSTOMER);
      }
      Optional<VendorId> vendor =
          Optional.ofNullable(claims.getStringClaim("vendor_id")).map(VendorId::new);
      return new Principal(
          user,
          roles,
          vendor,
          Language.fromTag(claims.getStringClaim("locale")),
          claims.getStringClaim("name"));
    } catch (ParseException | IllegalArgumentException e) {
      throw new RealtimeException(ErrorCode.AUTH_INVALID, "token claims are malformed");
    }
  }
}

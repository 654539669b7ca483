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
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jwt.proc.ExpiredJWTException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies JWTs with nimbus-jose-jwt. The accepted algorithm is pinned by the configured key (HS256
 * for a secret, RS256 for an RSA key, ES256 for an EC key, RS256/ES256 for a JWKS), so {@code alg:
 * none} and algorithm confusion (an HMAC token signed with a public key) are refused. A token that
 * carries a {@code channel} claim is a subscription token and is refused as a connection token.
 * Thread-safe; {@link #verify} is CPU only and never waits for the network (a JWKS is fetched on
 * its own thread, see {@link #jwks}). A connection token verified lately is found again without a
 * new check, for at most {@link #VERIFIED_MAX_AGE} and never past its expiry ({@link
 * VerifiedTokens}). A token seen for the first time that has the common shape is accepted by {@link
 * CommonTokens} without nimbus's JSON processing; every other token, and every refusal, is
 * nimbus's.
 */
public final class NimbusTokenVerifier implements TokenVerifier, AutoCloseable {
  private static final System.Logger LOG = System.getLogger(NimbusTokenVerifier.class.getName());
  private static final Set<JWSAlgorithm> ASYMMETRIC =
      Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);
  private static final String CHANNEL = "channel";

  /** Verified tokens remembered at once (a few MB at most). */
  static final int VERIFIED_CAPACITY = 4_096;

  /** How long a verified token is trusted without a new check (see {@link VerifiedTokens}). */
  static final Duration VERIFIED_MAX_AGE = Duration.ofSeconds(60);

  private final DefaultJWTProcessor<SecurityContext> processor;
  private final Optional<JwksKeys> jwks;
  private final VerifiedTokens verified =
      new VerifiedTokens(VERIFIED_CAPACITY, VERIFIED_MAX_AGE, System::currentTimeMillis);
  private final CommonTokens common;

  private NimbusTokenVerifier(
      JWSKeySelector<SecurityContext> keys,
      Optional<JwksKeys> jwks,
      Optional<String> issuer,
      Optional<String> audience,
      boolean requireExpiry,
      Duration clockSkew) {
    this.jwks = jwks;
    processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(keys);
    processor.setJWSVerifierFactory(new CachedJwsVerifiers());
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
    common =
        new CommonTokens(
            keys,
            processor.getJWSVerifierFactory(),
            processor.getJWSTypeVerifier(),
            issuer,
            audience,
            requireExpiry,
            clockSkew,
            System::currentTimeMillis);
  }

  private static NimbusTokenVerifier pinned(
      JWSAlgorithm algorithm,
      JWKSource<SecurityContext> keys,
      Optional<String> issuer,
      Optional<String> audience,
      boolean requireExpiry,
      Duration clockSkew) {
    return new NimbusTokenVerifier(
        new PinnedKeySelector(new JWSVerificationKeySelector<>(algorithm, keys)),
        Optional.empty(),
        issuer,
        audience,
        requireExpiry,
        clockSkew);
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
    return pinned(
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
    return pinned(
        algorithm, new ImmutableJWKSet<>(set), issuer, audience, requireExpiry, clockSkew);
  }

  /**
   * RS256 or ES256 with the keys of a JWKS URL, chosen by the token's {@code kid}. Keys are fetched
   * on the verifier's own thread and cached for {@code cacheTtl}; an unknown {@code kid} is refused
   * at once and triggers one refetch (at most two fetches per {@code minRefetchInterval}). Waits up
   * to {@code firstLoad} for the first key set; until one is held every token is refused ({@link
   * #ready}). HMAC tokens are never accepted: the key set holds public keys only.
   */
  public static NimbusTokenVerifier jwks(
      URL url,
      Duration cacheTtl,
      Duration minRefetchInterval,
      Duration firstLoad,
      Optional<String> issuer,
      Optional<String> audience,
      boolean requireExpiry,
      Duration clockSkew) {
    JwksKeys keys = new JwksKeys(url, cacheTtl, minRefetchInterval);
    if (!keys.awaitFirstLoad(firstLoad)) {
      LOG.log(
          System.Logger.Level.WARNING,
          "no key set from {0} yet: tokens are refused until it answers",
          url);
    }
    return new NimbusTokenVerifier(
        new JWSVerificationKeySelector<>(ASYMMETRIC, keys),
        Optional.of(keys),
        issuer,
        audience,
        requireExpiry,
        clockSkew);
  }

  /** Whether tokens can be verified now: false only while a JWKS has not been fetched yet. */
  public boolean ready() {
    return jwks.map(JwksKeys::loaded).orElse(true);
  }

  /** Stops the JWKS thread, if any. */
  @Override
  public void close() {
    jwks.ifPresent(JwksKeys::close);
  }

  @Override
  public Principal verify(String token) {
    checkShape(token);
    long keys = jwks.map(JwksKeys::generation).orElse(0L);
    Optional<Principal> known = verified.find(token, keys);
    if (known.isPresent()) {
      return known.get();
    }
    Map<String, Object> claims = claims(token);
    if (claims.get(CHANNEL) != null) {
      // A subscription token opens one channel; it must not also open a connection.
      throw new RealtimeException(ErrorCode.AUTH_INVALID, "a subscription token is no login");
    }
    Principal principal = toPrincipal(claims);
    verified.remember(token, principal, expiry(claims.get("exp")), keys);
    return principal;
  }

  @Override
  public boolean allowsSubscription(String token, UserId user, ChannelName channel) {
    try {
      checkShape(token);
      Map<String, Object> claims = claims(token);
      return user.value().equals(claims.get("sub"))
          && channel.toString().equals(claims.get(CHANNEL));
    } catch (RealtimeException e) {
      return false;
    }
  }

  /**
   * The verified claims of {@code token}: the common token's by {@link CommonTokens}, any other's
   * (and every refusal) by nimbus.
   */
  private Map<String, Object> claims(String token) {
    Optional<Map<String, Object>> common = this.common.claims(token);
    return common.isPresent() ? common.get() : process(token).getClaims();
  }

  /** Either path's {@code exp}: seconds from {@link CommonTokens}, a {@link Date} from nimbus. */
  private static Optional<Instant> expiry(Object exp) {
    if (exp instanceof Date date) {
      return Optional.of(date.toInstant());
    }
    if (exp instanceof Number seconds) {
      return Optional.of(Instant.ofEpochSecond(seconds.longValue()));
    }
    return Optional.empty();
  }

  private static void checkShape(String token) {
    if (token == null || token.isBlank() || token.length() > 16_384) {
      throw new RealtimeException(ErrorCode.AUTH_INVALID, "token missing or too long");
    }
  }

  /** Nimbus's verdict, for a token {@link CommonTokens} leaves to it. */
  JWTClaimsSet nimbusClaims(String token) {
    checkShape(token);
    return process(token);
  }

  /** The fast path's verdict alone (tests compare it with nimbus's). */
  Optional<Map<String, Object>> commonClaims(String token) {
    return common.claims(token);
  }

  private JWTClaimsSet process(String token) {
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      // Nimbus reads a numeric "sub" as its text and is lenient elsewhere; PROTOCOL 10.1 wants
      // each claim's JSON type, so look at the payload as sent (the signature is checked next,
      // by the processor, on the same parse).
      ClaimTypes.check(jwt.getPayload().toJSONObject());
      return processor.process(jwt, null);
    } catch (ExpiredJWTException e) {
      throw new RealtimeException(ErrorCode.AUTH_EXPIRED, "token expired");
    } catch (ParseException | BadJOSEException | JOSEException e) {
      LOG.log(System.Logger.Level.DEBUG, "token refused: {0}", e.getMessage());
      throw new RealtimeException(ErrorCode.AUTH_INVALID, "token refused");
    }
  }

  /**
   * The principal of verified claims, whichever path verified them; {@link ClaimTypes} has checked
   * the type of every claim read here.
   */
  private static Principal toPrincipal(Map<String, Object> claims) {
    try {
      UserId user = new UserId((String) claims.get("sub"));
      Set<Role> roles = EnumSet.noneOf(Role.class);
      if (claims.get("roles") instanceof List<?> names) {
        for (Object name : names) {
          Role.fromWire((String) name).filter(r -> r != Role.GUEST).ifPresent(roles::add);
        }
      }
      if (roles.isEmpty()) {
        roles.add(Role.CUSTOMER);
      }
      Optional<VendorId> vendor =
          Optional.ofNullable((String) claims.get("vendor_id")).map(VendorId::new);
      // A locale the server does not write (neither bn nor en) names no language: the client's
      // own ask, then English, decide (PROTOCOL 10.3).
      Optional<Language> locale = Language.parse((String) claims.get("locale"));
      return new Principal(
          user,
          roles,
          vendor,
          locale.orElse(Language.EN),
          (String) claims.get("name"),
          locale.isPresent());
    } catch (ClassCastException | IllegalArgumentException e) {
      throw new RealtimeException(ErrorCode.AUTH_INVALID, "token claims are malformed");
    }
  }
}

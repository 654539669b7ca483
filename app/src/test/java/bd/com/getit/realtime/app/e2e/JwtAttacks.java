package bd.com.getit.realtime.app.e2e;

import bd.com.getit.realtime.domain.ErrorCode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;

/**
 * Forged and broken JWTs, each with the error code a server must answer (PROTOCOL sections 2 and
 * 7), for the attack suites of both interfaces (Socket.IO CONNECT and the REST filter). The server
 * under attack checks {@link #ISSUER} and {@link #AUDIENCE}; {@link #valid} tokens pass it.
 */
public final class JwtAttacks {

  /** The {@code iss} the attacked server is configured with ({@code REALTIME_JWT_ISSUER}). */
  public static final String ISSUER = "https://auth.getit.test";

  /** The {@code aud} the attacked server is configured with ({@code REALTIME_JWT_AUDIENCE}). */
  public static final String AUDIENCE = "realtime";

  /** One attack: a name for reports, the token, and the code the server must answer with. */
  public record Case(String name, String token, ErrorCode expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  private JwtAttacks() {}

  /** A key pair nobody trusts, made once (RSA key generation is slow). */
  private static final class Stranger {
    static final KeyPair KEY = rsaKeyPair();
  }

  /** A key pair no server trusts. */
  public static KeyPair strangerKey() {
    return Stranger.KEY;
  }

  /** Claims a server configured with {@link #ISSUER} and {@link #AUDIENCE} accepts. */
  public static JWTClaimsSet.Builder claims(String user, String... roles) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .subject(user)
        .issuer(ISSUER)
        .audience(AUDIENCE)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(600)))
        .claim("roles", List.of(roles.length == 0 ? new String[] {"customer"} : roles));
  }

  /** A valid HS256 connection token for {@code user}. */
  public static String valid(String secret, String user, String... roles) {
    return hs256(secret, claims(user, roles).build());
  }

  /** A subscription token (PROTOCOL section 3): {@code sub} and one exact {@code channel}. */
  public static JWTClaimsSet.Builder subscription(String user, String channel) {
    return claims(user).claim("channel", channel);
  }

  /** Every attack on a server that verifies HS256 with {@code secret}. */
  public static List<Case> againstHmac(String secret) {
    Instant now = Instant.now();
    List<Case> cases = new ArrayList<>();
    JWTClaimsSet admin = claims("mallory", "admin").build();
    cases.add(new Case("alg none", new PlainJWT(admin).serialize(), ErrorCode.AUTH_INVALID));
    cases.add(
        new Case("alg none, signature kept", noneWithSignature(secret), ErrorCode.AUTH_INVALID));
    cases.add(
        new Case(
            "signed with another secret",
            hs256("another-secret-that-is-long-enough-0123456789", admin),
            ErrorCode.AUTH_INVALID));
    cases.add(new Case("tampered payload", tampered(secret), ErrorCode.AUTH_INVALID));
    cases.add(
        new Case(
            "signature stripped",
            stripSignature(valid(secret, "mallory", "admin")),
            ErrorCode.AUTH_INVALID));
    cases.add(
        new Case(
            "expired",
            hs256(
                secret, claims("late").expirationTime(Date.from(now.minusSeconds(3_600))).build()),
            ErrorCode.AUTH_EXPIRED));
    cases.add(
        new Case(
            "not yet valid",
            hs256(secret, claims("early").notBeforeTime(Date.from(now.plusSeconds(3_600))).build()),
            ErrorCode.AUTH_INVALID));
    cases.add(
        new Case(
            "no exp",
            hs256(secret, claims("forever").expirationTime(null).build()),
            ErrorCode.AUTH_INVALID));
    cases.add(
        new Case(
            "no sub", hs256(secret, claims("x").subject(null).build()), ErrorCode.AUTH_INVALID));
    cases.add(
        new Case(
            "wrong issuer",
            hs256(secret, claims("u").issuer("https://evil.test").build()),
            ErrorCode.AUTH_INVALID));
    cases.add(
        new Case(
            "wrong audience",
            hs256(secret, claims("u").audience("another-service").build()),
            ErrorCode.AUTH_INVALID));
    cases.add(
        new Case(
            "subscription token as a login",
            hs256(secret, subscription("u", "order:1").build()),
            ErrorCode.AUTH_INVALID));
    cases.add(new Case("numeric sub", numericSubject(secret), ErrorCode.AUTH_INVALID));
    cases.add(
        new Case("roles a string", withClaim(secret, "roles", "admin"), ErrorCode.AUTH_INVALID));
    cases.add(
        new Case(
            "roles with a number",
            withClaim(secret, "roles", List.of("admin", 1)),
            ErrorCode.AUTH_INVALID));
    cases.add(
        new Case(
            "exp a string",
            withClaim(secret, "exp", String.valueOf(now.plusSeconds(600).getEpochSecond())),
            ErrorCode.AUTH_INVALID));
    cases.add(
        new Case("iat a string", withClaim(secret, "iat", "yesterday"), ErrorCode.AUTH_INVALID));
    cases.add(
        new Case("vendor_id a number", withClaim(secret, "vendor_id", 9), ErrorCode.AUTH_INVALID));
    cases.add(new Case("garbage", "not-a-jwt", ErrorCode.AUTH_INVALID));
    cases.add(new Case("oversized", "a".repeat(20_000), ErrorCode.AUTH_INVALID));
    return cases;
  }

  /**
   * Every attack on a server that verifies RS256 with {@code trusted}'s public key: algorithm
   * confusion (HMAC keyed with the public key, as PEM text and as DER), another key's signature.
   */
  public static List<Case> againstRsaKey(KeyPair trusted) {
    JWTClaimsSet admin = claims("mallory", "admin").build();
    String pem = pem(trusted.getPublic());
    return List.of(
        new Case("HS256 keyed with the PEM public key", hs256(pem, admin), ErrorCode.AUTH_INVALID),
        new Case(
            "HS256 keyed with the DER public key",
            sign(macSigner(trusted.getPublic().getEncoded()), JWSAlgorithm.HS256, null, admin),
            ErrorCode.AUTH_INVALID),
        new Case(
            "RS256 signed by another key",
            rs256(Stranger.KEY, null, admin),
            ErrorCode.AUTH_INVALID),
        new Case("alg none", new PlainJWT(admin).serialize(), ErrorCode.AUTH_INVALID));
  }

  public static String hs256(String secret, JWTClaimsSet claims) {
    return sign(
        macSigner(secret.getBytes(StandardCharsets.UTF_8)), JWSAlgorithm.HS256, null, claims);
  }

  /** An RS256 token signed by {@code pair}, with {@code kid} in its header when not null. */
  public static String rs256(KeyPair pair, String kid, JWTClaimsSet claims) {
    return sign(
        new RSASSASigner((RSAPrivateKey) pair.getPrivate()), JWSAlgorithm.RS256, kid, claims);
  }

  /** The public half of {@code pair} as a JWK with {@code kid}, for a JWKS document. */
  public static RSAKey jwk(KeyPair pair, String kid) {
    return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).keyID(kid).build();
  }

  public static KeyPair rsaKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String pem(PublicKey key) {
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder().encodeToString(key.getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
  }

  private static String tampered(String secret) {
    String[] parts = valid(secret, "mallory").split("\\.");
    String promoted = Base64URL.encode(claims("mallory", "admin").build().toString()).toString();
    return parts[0] + "." + promoted + "." + parts[2];
  }

  /** A correctly signed token whose header is swapped for {@code {"alg":"none"}}. */
  private static String noneWithSignature(String secret) {
    String[] parts = valid(secret, "mallory", "admin").split("\\.");
    String none = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}").toString();
    return none + "." + parts[1] + "." + parts[2];
  }

  /**
   * A correctly signed token whose {@code sub} is the number 42 (PROTOCOL 10.1: a string), signed
   * as written, since nimbus's claim builder would write it as text.
   */
  private static String numericSubject(String secret) {
    return withClaim(secret, "sub", 42);
  }

  /**
   * A correctly signed admin token whose claim {@code name} is {@code value} as written (PROTOCOL
   * 10.1: each claim has its JSON type), signed as is, since nimbus's claim builder would retype
   * it.
   */
  private static String withClaim(String secret, String name, Object value) {
    java.util.Map<String, Object> payload =
        new java.util.LinkedHashMap<>(claims("x", "admin").build().toJSONObject());
    payload.put(name, value);
    try {
      com.nimbusds.jose.JWSObject jws =
          new com.nimbusds.jose.JWSObject(
              new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
              new com.nimbusds.jose.Payload(payload));
      jws.sign(macSigner(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      return jws.serialize();
    } catch (com.nimbusds.jose.JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String stripSignature(String token) {
    return token.substring(0, token.lastIndexOf('.') + 1);
  }

  private static JWSSigner macSigner(byte[] key) {
    try {
      return new MACSigner(key);
    } catch (com.nimbusds.jose.KeyLengthException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sign(JWSSigner signer, JWSAlgorithm alg, String kid, JWTClaimsSet claims) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(alg).type(JOSEObjectType.JWT).keyID(kid).build(), claims);
      jwt.sign(signer);
      return jwt.serialize();
    } catch (com.nimbusds.jose.JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}

package bd.com.getit.realtime.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.Language;
import bd.com.getit.realtime.domain.Principal;
import bd.com.getit.realtime.domain.RealtimeException;
import bd.com.getit.realtime.domain.Role;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.VendorId;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NimbusTokenVerifierTest {
  static final String SECRET = "0123456789abcdef0123456789abcdef-secret";
  static final Duration SKEW = Duration.ofSeconds(30);

  final NimbusTokenVerifier hmac =
      NimbusTokenVerifier.hmac(SECRET, Optional.empty(), Optional.empty(), true, SKEW);

  static JWTClaimsSet.Builder claims(String sub) {
    return new JWTClaimsSet.Builder()
        .subject(sub)
        .expirationTime(Date.from(Instant.now().plusSeconds(600)));
  }

  static String sign(JWSSigner signer, JWSAlgorithm alg, JWTClaimsSet claims) throws Exception {
    SignedJWT jwt = new SignedJWT(new JWSHeader(alg), claims);
    jwt.sign(signer);
    return jwt.serialize();
  }

  static String hs256(JWTClaimsSet claims) throws Exception {
    return sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)), JWSAlgorithm.HS256, claims);
  }

  static String pem(KeyPair pair) {
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder().encodeToString(pair.getPublic().getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
  }

  @Test
  void acceptsValidHs256TokenWithAllClaims() throws Exception {
    String token =
        hs256(
            claims("u1")
                .claim("roles", List.of("vendor", "customer", "nonsense"))
                .claim("vendor_id", "v9")
                .claim("locale", "bn")
                .claim("name", "Rahim")
                .build());

    Principal p = hmac.verify(token);

    assertThat(p.user()).isEqualTo(UserId.of("u1"));
    assertThat(p.roles()).containsExactlyInAnyOrder(Role.VENDOR, Role.CUSTOMER);
    assertThat(p.vendorId()).contains(VendorId.of("v9"));
    assertThat(p.language()).isEqualTo(Language.BN);
    assertThat(p.name()).isEqualTo("Rahim");
  }

  @Test
  void tokenWithoutRolesIsACustomerAndCannotClaimGuest() throws Exception {
    assertThat(hmac.verify(hs256(claims("u1").build())).roles()).containsExactly(Role.CUSTOMER);
    assertThat(hmac.verify(hs256(claims("u1").claim("roles", List.of("guest")).build())).roles())
        .containsExactly(Role.CUSTOMER);
  }

  @Test
  void expiredTokenIsAuthExpired() throws Exception {
    String token =
        hs256(claims("u1").expirationTime(Date.from(Instant.now().minusSeconds(120))).build());
    assertThatThrownBy(() -> hmac.verify(token))
        .isInstanceOfSatisfying(
            RealtimeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.AUTH_EXPIRED));
  }

  @Test
  void expiryWithinClockSkewIsAccepted() throws Exception {
    String token =
        hs256(claims("u1").expirationTime(Date.from(Instant.now().minusSeconds(5))).build());
    assertThat(hmac.verify(token).user()).isEqualTo(UserId.of("u1"));
  }

  @Test
  void notBeforeInTheFutureIsRefused() throws Exception {
    String token =
        hs256(claims("u1").notBeforeTime(Date.from(Instant.now().plusSeconds(600))).build());
    assertInvalid(token);
  }

  @Test
  void missingSubOrExpIsRefused() throws Exception {
    assertInvalid(
        hs256(new JWTClaimsSet.Builder().expirationTime(new Date(Long.MAX_VALUE / 2)).build()));
    assertInvalid(hs256(new JWTClaimsSet.Builder().subject("u1").build()));
  }

  @Test
  void aSubThatIsNoStringIsRefusedEvenWhenSigned() throws Exception {
    for (String sub : new String[] {"42", "true", "[\"u1\"]", "{\"id\":\"u1\"}", "\"\"", "\" \""}) {
      com.nimbusds.jose.JWSObject raw =
          new com.nimbusds.jose.JWSObject(
              new JWSHeader(JWSAlgorithm.HS256),
              new com.nimbusds.jose.Payload(
                  "{\"sub\":" + sub + ",\"exp\":" + (Instant.now().getEpochSecond() + 600) + "}"));
      raw.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
      assertInvalid(raw.serialize());
    }
    assertThat(hmac.verify(hs256(claims("42").build())).user().value()).isEqualTo("42");
  }

  @Test
  void aClaimOfTheWrongJsonTypeIsRefusedEvenWhenSigned() throws Exception {
    long exp = Instant.now().getEpochSecond() + 600;
    String[] payloads = {
      "{\"sub\":\"u1\",\"exp\":" + exp + ",\"roles\":\"admin\"}",
      "{\"sub\":\"u1\",\"exp\":" + exp + ",\"roles\":[\"admin\",7]}",
      "{\"sub\":\"u1\",\"exp\":" + exp + ",\"roles\":{\"admin\":true}}",
      "{\"sub\":\"u1\",\"exp\":" + exp + ",\"roles\":null}",
      "{\"sub\":\"u1\",\"exp\":\"" + exp + "\"}",
      "{\"sub\":\"u1\",\"exp\":" + exp + ",\"iat\":\"yesterday\"}",
      "{\"sub\":\"u1\",\"exp\":" + exp + ",\"nbf\":[1]}",
      "{\"sub\":\"u1\",\"exp\":" + exp + ",\"vendor_id\":9}",
      "{\"sub\":\"u1\",\"exp\":" + exp + ",\"name\":{\"bn\":\"রহিম\"}}",
      "{\"sub\":\"u1\",\"exp\":" + exp + ",\"iss\":5}",
      "{\"sub\":\"u1\",\"exp\":" + exp + ",\"aud\":[5]}",
      "[\"u1\"]"
    };
    for (String payload : payloads) {
      assertThatThrownBy(() -> hmac.verify(signedAsWritten(payload)))
          .as(payload)
          .isInstanceOfSatisfying(
              RealtimeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.AUTH_INVALID));
    }
    Principal fine =
        hmac.verify(
            signedAsWritten(
                "{\"sub\":\"u1\",\"exp\":"
                    + exp
                    + ",\"iat\":"
                    + (exp - 600)
                    + ",\"roles\":[\"vendor\"],\"vendor_id\":\"v1\",\"aud\":[\"x\"]}"));
    assertThat(fine.roles()).containsExactly(Role.VENDOR);
  }

  @Test
  void theRefusalNamesTheClaimOfTheWrongType() throws Exception {
    String token =
        signedAsWritten(
            "{\"sub\":\"u1\",\"exp\":"
                + (Instant.now().getEpochSecond() + 600)
                + ",\"roles\":\"admin\"}");
    assertThatThrownBy(() -> hmac.verify(token))
        .hasMessageContaining("roles must be an array of strings");
  }

  /** An HS256 token whose payload is {@code json} byte for byte (nimbus's builder would retype). */
  private static String signedAsWritten(String json) throws Exception {
    com.nimbusds.jose.JWSObject raw =
        new com.nimbusds.jose.JWSObject(
            new JWSHeader(JWSAlgorithm.HS256), new com.nimbusds.jose.Payload(json));
    raw.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
    return raw.serialize();
  }

  @Test
  void expiryCanBeMadeOptional() throws Exception {
    NimbusTokenVerifier lenient =
        NimbusTokenVerifier.hmac(SECRET, Optional.empty(), Optional.empty(), false, SKEW);
    assertThat(lenient.verify(hs256(new JWTClaimsSet.Builder().subject("u1").build())).user())
        .isEqualTo(UserId.of("u1"));
  }

  @Test
  void algNoneIsRefused() {
    String token =
        new PlainJWT(claims("admin").claim("roles", List.of("admin")).build()).serialize();
    assertInvalid(token);
  }

  @Test
  void tokenSignedWithAnotherSecretIsRefused() throws Exception {
    String token =
        sign(
            new MACSigner("another-secret-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8)),
            JWSAlgorithm.HS256,
            claims("u1").build());
    assertInvalid(token);
  }

  @Test
  void tamperedPayloadIsRefused() throws Exception {
    String token = hs256(claims("u1").build());
    String[] parts = token.split("\\.");
    String forged =
        Base64URL.encode(claims("admin").claim("roles", List.of("admin")).build().toString())
            .toString();
    assertInvalid(parts[0] + "." + forged + "." + parts[2]);
  }

  @Test
  void garbageIsRefused() {
    assertInvalid("not.a.jwt");
    assertInvalid("");
    assertInvalid("x".repeat(20_000));
  }

  @Test
  void issuerAndAudienceAreCheckedWhenConfigured() throws Exception {
    NimbusTokenVerifier strict =
        NimbusTokenVerifier.hmac(SECRET, Optional.of("getit"), Optional.of("realtime"), true, SKEW);
    assertThat(
            strict.verify(hs256(claims("u1").issuer("getit").audience("realtime").build())).user())
        .isEqualTo(UserId.of("u1"));
    assertInvalidWith(strict, hs256(claims("u1").issuer("evil").audience("realtime").build()));
    assertInvalidWith(strict, hs256(claims("u1").issuer("getit").audience("other").build()));
    assertInvalidWith(strict, hs256(claims("u1").build()));
  }

  @Test
  void rs256WithPublicKeyAndNoAlgorithmConfusion() throws Exception {
    KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
    gen.initialize(2048);
    KeyPair pair = gen.generateKeyPair();
    String pem = pem(pair);
    NimbusTokenVerifier rsa =
        NimbusTokenVerifier.publicKey(pem, Optional.empty(), Optional.empty(), true, SKEW);

    String good =
        sign(new RSASSASigner(pair.getPrivate()), JWSAlgorithm.RS256, claims("u1").build());
    assertThat(rsa.verify(good).user()).isEqualTo(UserId.of("u1"));

    // Algorithm confusion: an HS256 token whose HMAC key is the public key text.
    String confused =
        sign(
            new MACSigner(pem.getBytes(StandardCharsets.UTF_8)),
            JWSAlgorithm.HS256,
            claims("u1").build());
    assertInvalidWith(rsa, confused);
    assertInvalidWith(rsa, hs256(claims("u1").build()));
  }

  @Test
  void es256WithPublicKey() throws Exception {
    KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
    gen.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair pair = gen.generateKeyPair();
    NimbusTokenVerifier ec =
        NimbusTokenVerifier.publicKey(pem(pair), Optional.empty(), Optional.empty(), true, SKEW);

    String good =
        sign(
            new ECDSASigner((java.security.interfaces.ECPrivateKey) pair.getPrivate()),
            JWSAlgorithm.ES256,
            claims("u1").build());
    assertThat(ec.verify(good).user()).isEqualTo(UserId.of("u1"));

    KeyPair other = gen.generateKeyPair();
    String wrongKey =
        sign(
            new ECDSASigner((java.security.interfaces.ECPrivateKey) other.getPrivate()),
            JWSAlgorithm.ES256,
            claims("u1").build());
    assertInvalidWith(ec, wrongKey);
  }

  @Test
  void subscriptionTokenIsBoundToUserAndChannel() throws Exception {
    ChannelName order = ChannelName.parse("order:42");
    String token = hs256(claims("u1").claim("channel", "order:42").build());

    assertThat(hmac.allowsSubscription(token, UserId.of("u1"), order)).isTrue();
    assertThat(hmac.allowsSubscription(token, UserId.of("u2"), order)).isFalse();
    assertThat(hmac.allowsSubscription(token, UserId.of("u1"), ChannelName.parse("order:43")))
        .isFalse();
    assertThat(hmac.allowsSubscription("garbage", UserId.of("u1"), order)).isFalse();
  }

  @Test
  void aSubscriptionTokenWithAClaimOfTheWrongTypeOpensNothing() throws Exception {
    ChannelName order = ChannelName.parse("order:42");
    long exp = Instant.now().getEpochSecond() + 600;
    String good = signedAsWritten("{\"sub\":\"u1\",\"exp\":" + exp + ",\"channel\":\"order:42\"}");
    assertThat(hmac.allowsSubscription(good, UserId.of("u1"), order)).isTrue();

    for (String payload :
        new String[] {
          "{\"sub\":\"u1\",\"exp\":\"" + exp + "\",\"channel\":\"order:42\"}",
          "{\"sub\":\"u1\",\"exp\":" + exp + ",\"channel\":[\"order:42\"]}",
          "{\"sub\":\"u1\",\"exp\":" + exp + ",\"channel\":\"order:42\",\"roles\":\"admin\"}"
        }) {
      assertThat(hmac.allowsSubscription(signedAsWritten(payload), UserId.of("u1"), order))
          .as(payload)
          .isFalse();
    }
  }

  @Test
  void aSubscriptionTokenIsNoConnectionToken() throws Exception {
    assertInvalid(hs256(claims("u1").claim("channel", "order:42").build()));
  }

  @Test
  void subscriptionTokenMustBeSignedAndUnexpired() throws Exception {
    ChannelName order = ChannelName.parse("order:42");
    String expired =
        hs256(
            claims("u1")
                .claim("channel", "order:42")
                .expirationTime(Date.from(Instant.now().minusSeconds(600)))
                .build());
    String foreign =
        sign(
            new MACSigner("another-secret-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8)),
            JWSAlgorithm.HS256,
            claims("u1").claim("channel", "order:42").build());
    String unsigned = new PlainJWT(claims("u1").claim("channel", "order:42").build()).serialize();
    assertThat(hmac.allowsSubscription(expired, UserId.of("u1"), order)).isFalse();
    assertThat(hmac.allowsSubscription(foreign, UserId.of("u1"), order)).isFalse();
    assertThat(hmac.allowsSubscription(unsigned, UserId.of("u1"), order)).isFalse();
    assertThat(hmac.allowsSubscription(hs256(claims("u1").build()), UserId.of("u1"), order))
        .isFalse();
  }

  @Test
  void jwksThatNeverAnswersIsNotReadyAndRefusesWithoutWaiting() throws Exception {
    // a port nobody listens on: the fetch fails on the verifier's own thread
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    }
    try (NimbusTokenVerifier jwks =
        NimbusTokenVerifier.jwks(
            new java.net.URL("http://127.0.0.1:" + port + "/jwks.json"),
            Duration.ofMinutes(5),
            Duration.ofSeconds(30),
            Duration.ofMillis(50),
            Optional.empty(),
            Optional.empty(),
            true,
            SKEW)) {
      assertThat(jwks.ready()).isFalse();
      KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
      gen.initialize(2048);
      String token =
          sign(
              new RSASSASigner(gen.generateKeyPair().getPrivate()),
              JWSAlgorithm.RS256,
              claims("u1").build());
      long start = System.nanoTime();
      assertInvalidWith(jwks, token);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }
  }

  @Test
  void keyBasedVerifiersAreAlwaysReady() {
    assertThat(hmac.ready()).isTrue();
  }

  @Test
  void shortHmacSecretIsRefused() {
    assertThatThrownBy(
            () -> NimbusTokenVerifier.hmac("short", Optional.empty(), Optional.empty(), true, SKEW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private void assertInvalid(String token) {
    assertInvalidWith(hmac, token);
  }

  private static void assertInvalidWith(NimbusTokenVerifier verifier, String token) {
    assertThatThrownBy(() -> verifier.verify(token))
        .isInstanceOfSatisfying(
            RealtimeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.AUTH_INVALID));
  }
}

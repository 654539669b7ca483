package bd.com.getit.realtime.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import bd.com.getit.realtime.testsupport.HttpTestClient;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Forged and broken tokens against the REST auth filter: every one is 401 with the right code, and
 * the server keeps serving valid tokens. One server holds an HS256 secret, the other an RSA public
 * key (algorithm confusion).
 */
class RestJwtAttacksIT {
  private static TestServer hmacServer;
  private static TestServer rsaServer;
  private static TestServer attackedServer;
  private static RSAKey rsaKey;
  private static final String ATTACKED_SECRET = "rest-attack-secret-0123456789-0123456789";

  @BeforeAll
  static void start() throws Exception {
    hmacServer = TestServer.start();
    rsaKey = new RSAKeyGenerator(2048).generate();
    rsaServer =
        TestServer.start(Map.of("REALTIME_JWT_SECRET", "", "REALTIME_JWT_PUBLIC_KEY", pem(rsaKey)));
    attackedServer =
        TestServer.start(
            Map.of(
                "REALTIME_JWT_SECRET",
                ATTACKED_SECRET,
                "REALTIME_JWT_ISSUER",
                JwtAttacks.ISSUER,
                "REALTIME_JWT_AUDIENCE",
                JwtAttacks.AUDIENCE));
  }

  @AfterAll
  static void stop() {
    hmacServer.close();
    rsaServer.close();
    attackedServer.close();
  }

  /**
   * The socket's suite but the oversized token: over HTTP a 20 kB header is refused by the server's
   * header limit (400) before any token is read.
   */
  static List<JwtAttacks.Case> hmacAttacks() {
    return JwtAttacks.againstHmac(ATTACKED_SECRET).stream()
        .filter(attack -> !attack.name().equals("oversized"))
        .toList();
  }

  /** The same suite as the socket's (claims of the wrong JSON type included: PROTOCOL 10.1). */
  @ParameterizedTest(name = "REST refuses {0}")
  @MethodSource("hmacAttacks")
  void everyAttackOfTheSocketSuiteIsRefusedOverRest(JwtAttacks.Case attack) {
    assertRefused(attackedServer, attack.token(), attack.expected().name());
  }

  @Test
  void theAttackedServerServesAValidToken() {
    HttpTestClient.Reply ok =
        attackedServer.rest().get("/online-users", JwtAttacks.valid(ATTACKED_SECRET, "carol"));
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
  }

  private static String pem(RSAKey key) throws Exception {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(key.toRSAPublicKey().getEncoded());
    return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
  }

  private static JWTClaimsSet claims(String user, String... roles) {
    return new JWTClaimsSet.Builder()
        .subject(user)
        .expirationTime(Date.from(Instant.now().plusSeconds(600)))
        .claim("roles", List.of(roles))
        .build();
  }

  private static String b64(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static void assertRefused(TestServer server, String token, String code) {
    HttpTestClient.Reply r = server.rest().get("/online-users", token);
    assertThat(r.status()).as(r.body()).isEqualTo(401);
    assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
    assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    assertThat(Json.code(r)).isEqualTo(code);
  }

  @Test
  void algNoneIsRefused() {
    String unsigned =
        b64("{\"alg\":\"none\",\"typ\":\"JWT\"}")
            + "."
            + b64(claims("mallory", "admin").toString())
            + ".";
    assertRefused(hmacServer, unsigned, "AUTH_INVALID");
    assertRefused(rsaServer, unsigned, "AUTH_INVALID");
  }

  @Test
  void aTokenSignedWithAnotherSecretIsRefused() throws Exception {
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims("mallory", "admin"));
    jwt.sign(new MACSigner("another-secret-0123456789-0123456789-0123".getBytes()));
    assertRefused(hmacServer, jwt.serialize(), "AUTH_INVALID");
  }

  @Test
  void aTamperedPayloadIsRefused() {
    String[] parts = TestServer.token("mallory", "customer").split("\\.");
    String forged = parts[0] + "." + b64(claims("mallory", "admin").toString()) + "." + parts[2];
    assertRefused(hmacServer, forged, "AUTH_INVALID");
  }

  @Test
  void anExpiredTokenIsRefusedAsExpired() {
    String expired =
        TestServer.token("late", Instant.now().minusSeconds(3_600), Map.of(), "customer");
    assertRefused(hmacServer, expired, "AUTH_EXPIRED");
  }

  @Test
  void garbageIsRefused() {
    assertRefused(hmacServer, "not-a-jwt", "AUTH_INVALID");
    assertRefused(hmacServer, "a.b.c", "AUTH_INVALID");
  }

  @Test
  void anHmacTokenKeyedWithThePublicKeyIsRefused() throws Exception {
    // algorithm confusion: the attacker signs HS256 with the server's public key as the secret
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims("mallory", "admin"));
    jwt.sign(new MACSigner(pem(rsaKey).getBytes(StandardCharsets.US_ASCII)));
    assertRefused(rsaServer, jwt.serialize(), "AUTH_INVALID");
  }

  @Test
  void anRsaTokenOfAnotherKeyIsRefused() throws Exception {
    RSAKey other = new RSAKeyGenerator(2048).generate();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims("mallory", "admin"));
    jwt.sign(new RSASSASigner(other));
    assertRefused(rsaServer, jwt.serialize(), "AUTH_INVALID");
  }

  @Test
  void validTokensStillWork() throws Exception {
    HttpTestClient.Reply hmac =
        hmacServer.rest().get("/online-users", TestServer.token("alice", "customer"));
    assertThat(hmac.status()).as(hmac.body()).isEqualTo(200);

    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims("bob", "customer"));
    jwt.sign(new RSASSASigner(rsaKey));
    HttpTestClient.Reply rsa = rsaServer.rest().get("/online-users", jwt.serialize());
    assertThat(rsa.status()).as(rsa.body()).isEqualTo(200);
  }
}

package bd.com.getit.realtime.app.security;

import static bd.com.getit.realtime.app.security.NimbusTokenVerifierTest.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.RealtimeException;
import bd.com.getit.realtime.domain.UserId;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class CommonTokensTest {
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Duration SKEW = Duration.ofSeconds(30);
  private static final long NOW = Instant.now().getEpochSecond();

  final NimbusTokenVerifier plain =
      NimbusTokenVerifier.hmac(SECRET, Optional.empty(), Optional.empty(), true, SKEW);
  final NimbusTokenVerifier strict =
      NimbusTokenVerifier.hmac(SECRET, Optional.of("getit"), Optional.of("realtime"), true, SKEW);
  final NimbusTokenVerifier lenient =
      NimbusTokenVerifier.hmac(SECRET, Optional.empty(), Optional.empty(), false, SKEW);

  /** A token signed with {@link NimbusTokenVerifierTest#SECRET}, header and payload as given. */
  static String signed(String headerJson, String payloadJson) throws Exception {
    return signed(headerJson, payloadJson.getBytes(StandardCharsets.UTF_8));
  }

  static String signed(String headerJson, byte[] payload) throws Exception {
    String input =
        B64.encodeToString(headerJson.getBytes(StandardCharsets.UTF_8))
            + "."
            + B64.encodeToString(payload);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return input + "." + B64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
  }

  /** The bench's token: what {@code realtime-bench}'s {@code Tokens} mints for every socket. */
  static String benchToken(String user) throws Exception {
    return signed(
        "{\"alg\":\"HS256\",\"typ\":\"JWT\"}",
        "{\"sub\":\"" + user + "\",\"roles\":[\"customer\"],\"exp\":" + (NOW + 7200) + "}");
  }

  @Test
  void theCommonTokenIsAcceptedWithoutNimbusAndReadsAsNimbusReadsIt() throws Exception {
    String token = benchToken("c1");

    Optional<Map<String, Object>> claims = plain.commonClaims(token);

    assertThat(claims).isPresent();
    assertThat(claims.get()).containsEntry("sub", "c1").containsEntry("roles", List.of("customer"));
    assertThat(plain.nimbusClaims(token).getSubject()).isEqualTo("c1");
    assertThat(plain.verify(token).user()).isEqualTo(UserId.of("c1"));
  }

  @Test
  void aSignatureDifferingInOneCharacterIsRefused() throws Exception {
    String token = benchToken("c2");
    assertThat(plain.verify(token).user()).isEqualTo(UserId.of("c2")); // and remembered
    int at = token.lastIndexOf('.') + 10;
    String tampered =
        token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);

    assertThat(plain.commonClaims(tampered)).isEmpty();
    assertRefused(plain, tampered, ErrorCode.AUTH_INVALID);
  }

  @Test
  void aPayloadChangedUnderAKnownHeaderIsRefused() throws Exception {
    String token = benchToken("c3");
    assertThat(plain.verify(token).user()).isEqualTo(UserId.of("c3"));
    String[] parts = token.split("\\.");
    String forged =
        parts[0]
            + "."
            + B64.encodeToString(
                ("{\"sub\":\"admin\",\"roles\":[\"admin\"],\"exp\":" + (NOW + 7200) + "}")
                    .getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];

    assertThat(plain.commonClaims(forged)).isEmpty();
    assertRefused(plain, forged, ErrorCode.AUTH_INVALID);
  }

  @Test
  void aRememberedTokenIsRefusedOnceItExpires() throws Exception {
    NimbusTokenVerifier noSkew =
        NimbusTokenVerifier.hmac(SECRET, Optional.empty(), Optional.empty(), true, Duration.ZERO);
    long exp = Instant.now().getEpochSecond() + 2;
    String token = signed("{\"alg\":\"HS256\"}", "{\"sub\":\"u1\",\"exp\":" + exp + "}");
    assertThat(noSkew.verify(token).user()).isEqualTo(UserId.of("u1"));

    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> refusedWith(noSkew, token) == ErrorCode.AUTH_EXPIRED);
    assertThat(noSkew.commonClaims(token)).isEmpty();
  }

  @Test
  void expiryAndNotBeforeFollowNimbusToTheMillisecond() {
    AtomicLong now = new AtomicLong();
    CommonTokens common =
        new CommonTokens(
            new JWSVerificationKeySelector<>(
                JWSAlgorithm.HS256,
                new ImmutableSecret<SecurityContext>(SECRET.getBytes(StandardCharsets.UTF_8))),
            new CachedJwsVerifiers(),
            new DefaultJOSEObjectTypeVerifier<>(),
            Optional.empty(),
            Optional.empty(),
            true,
            SKEW,
            now::get);
    long exp = 2_000_000_000L;
    String expiring = uncheckedSigned("{\"sub\":\"u1\",\"exp\":" + exp + "}");
    // nimbus: valid while exp + skew is after now.
    now.set(exp * 1000 + 30_000 - 1);
    assertThat(common.claims(expiring)).isPresent();
    now.set(exp * 1000 + 30_000);
    assertThat(common.claims(expiring)).isEmpty();

    String notYet =
        uncheckedSigned("{\"sub\":\"u1\",\"exp\":" + (exp + 1000) + ",\"nbf\":" + exp + "}");
    // nimbus: valid once nbf - skew is before now.
    now.set(exp * 1000 - 30_000);
    assertThat(common.claims(notYet)).isEmpty();
    now.set(exp * 1000 - 30_000 + 1);
    assertThat(common.claims(notYet)).isPresent();
  }

  @Test
  void whatTheFastPathAcceptsNimbusAcceptsToo() throws Exception {
    List<String> tokens = corpus();
    int taken = 0;
    for (NimbusTokenVerifier verifier : List.of(plain, strict, lenient)) {
      for (String token : tokens) {
        Optional<Map<String, Object>> fast = verifier.commonClaims(token);
        if (fast.isPresent()) {
          taken++;
          assertThat(verifier.nimbusClaims(token).getSubject())
              .as(token)
              .isEqualTo(fast.get().get("sub"));
        }
      }
    }
    assertThat(taken).as("tokens the fast path took").isGreaterThan(10);
  }

  @Test
  void unusualTokensAreLeftToNimbus() throws Exception {
    long exp = NOW + 600;
    String[][] unusual = {
      {"{\"alg\":\"HS256\",\"kid\":\"k1\"}", "{\"sub\":\"u1\",\"exp\":" + exp + "}"},
      {"{\"alg\":\"HS256\",\"crit\":[\"exp\"]}", "{\"sub\":\"u1\",\"exp\":" + exp + "}"},
      {"{\"alg\":\"HS256\",\"typ\":\"at+jwt\"}", "{\"sub\":\"u1\",\"exp\":" + exp + "}"},
      {"{\"alg\":\"HS256\"}", "{\"sub\":\"u1\",\"exp\":" + exp + ".5}"},
      {"{\"alg\":\"HS256\"}", "{\"sub\":\"u1\",\"exp\":1e10}"},
      {"{\"alg\":\"HS256\"}", "{\"sub\":\"u1\",\"exp\":99999999999999999999}"},
      {"{\"alg\":\"HS256\"}", "{\"sub\":\"u1\",\"exp\":" + exp + ",\"jti\":7}"},
      {"{\"alg\":\"HS256\"}", "{\"sub\":\"u1\",\"exp\":" + exp + ",\"iat\":\"now\"}"},
      {"{\"alg\":\"HS256\"}", "{\"sub\":\"u1\",\"sub\":\"admin\",\"exp\":" + exp + "}"},
      {"{\"alg\":\"HS256\"}", "{\"sub\":\"u1\",\"exp\":" + exp + "} {}"},
      {"{\"alg\":\"HS256\"}", "\uFEFF{\"sub\":\"u1\",\"exp\":" + exp + "}"},
      {"{\"alg\":\"none\"}", "{\"sub\":\"u1\",\"exp\":" + exp + "}"},
      {"{\"alg\":\"HS512\"}", "{\"sub\":\"u1\",\"exp\":" + exp + "}"},
    };
    for (String[] token : unusual) {
      assertThat(plain.commonClaims(signed(token[0], token[1]))).as(token[0] + token[1]).isEmpty();
    }
  }

  @Test
  void rs256AndEs256TokensTakeTheFastPathAndOnlyWithTheirKey() throws Exception {
    KeyPairGenerator rsaGen = KeyPairGenerator.getInstance("RSA");
    rsaGen.initialize(2048);
    KeyPair rsa = rsaGen.generateKeyPair();
    NimbusTokenVerifier rsaVerifier =
        NimbusTokenVerifier.publicKey(
            NimbusTokenVerifierTest.pem(rsa), Optional.empty(), Optional.empty(), true, SKEW);
    String rsaToken =
        NimbusTokenVerifierTest.sign(
            new RSASSASigner(rsa.getPrivate()),
            JWSAlgorithm.RS256,
            NimbusTokenVerifierTest.claims("r1").build());
    assertThat(rsaVerifier.commonClaims(rsaToken)).isPresent();
    assertThat(rsaVerifier.commonClaims(benchToken("r1"))).isEmpty(); // HS256 under an RSA key
    assertRefused(rsaVerifier, benchToken("r1"), ErrorCode.AUTH_INVALID);

    KeyPairGenerator ecGen = KeyPairGenerator.getInstance("EC");
    ecGen.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair ec = ecGen.generateKeyPair();
    NimbusTokenVerifier ecVerifier =
        NimbusTokenVerifier.publicKey(
            NimbusTokenVerifierTest.pem(ec), Optional.empty(), Optional.empty(), true, SKEW);
    String ecToken =
        NimbusTokenVerifierTest.sign(
            new ECDSASigner((ECPrivateKey) ec.getPrivate()),
            JWSAlgorithm.ES256,
            NimbusTokenVerifierTest.claims("e1").build());
    assertThat(ecVerifier.commonClaims(ecToken)).isPresent();
    assertThat(ecVerifier.verify(ecToken).user()).isEqualTo(UserId.of("e1"));
    assertThat(ecVerifier.commonClaims(rsaToken)).isEmpty();
  }

  /** Tokens around every rule the fast path applies, valid and not. */
  private static List<String> corpus() throws Exception {
    List<String> headers =
        List.of(
            "{\"alg\":\"HS256\"}",
            "{\"alg\":\"HS256\",\"typ\":\"JWT\"}",
            "{\"typ\":\"JOSE\",\"alg\":\"HS256\"}",
            "{\"alg\":\"HS256\",\"typ\":\"jwt\"}");
    List<String> extras =
        List.of(
            "",
            ",\"iss\":\"getit\"",
            ",\"iss\":\"getit\",\"aud\":\"realtime\"",
            ",\"iss\":\"getit\",\"aud\":[\"other\",\"realtime\"]",
            ",\"iss\":\"getit\",\"aud\":[]",
            ",\"iss\":\"evil\",\"aud\":\"realtime\"",
            ",\"aud\":\"realtime\"",
            ",\"iat\":" + NOW,
            ",\"nbf\":" + (NOW + 20),
            ",\"nbf\":" + (NOW + 40),
            ",\"jti\":\"j1\"",
            ",\"roles\":[\"admin\",\"vendor\"],\"vendor_id\":\"v1\",\"locale\":\"bn\",\"name\":\"R\"");
    List<String> expiries =
        List.of("", ",\"exp\":" + (NOW + 600), ",\"exp\":" + (NOW - 10), ",\"exp\":" + (NOW - 60));
    List<String> tokens = new ArrayList<>();
    for (String header : headers) {
      for (String exp : expiries) {
        for (String extra : extras) {
          tokens.add(signed(header, "{\"sub\":\"u1\"" + exp + extra + "}"));
        }
      }
    }
    return tokens;
  }

  private static String uncheckedSigned(String payload) {
    try {
      return signed("{\"alg\":\"HS256\"}", payload);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static ErrorCode refusedWith(NimbusTokenVerifier verifier, String token) {
    try {
      verifier.verify(token);
      return null;
    } catch (RealtimeException e) {
      return e.code();
    }
  }

  private static void assertRefused(NimbusTokenVerifier verifier, String token, ErrorCode code) {
    assertThatThrownBy(() -> verifier.verify(token))
        .isInstanceOfSatisfying(RealtimeException.class, e -> assertThat(e.code()).isEqualTo(code));
  }
}

package bd.com.getit.realtime.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.Principal;
import bd.com.getit.realtime.domain.RealtimeException;
import bd.com.getit.realtime.domain.UserId;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Fuzz targets for token handling. {@code unverified}: any text a client presents as a token is
 * refused with an authentication error or accepted, never anything else; the parse before the
 * signature check is what is exercised. {@code signedClaims}: any claims, signed with the right key
 * (so they pass the signature check), become a principal or an authentication error: hostile claims
 * from a compromised or careless issuer cannot crash the handshake. Seeds in {@code
 * TokenFuzzTestInputs/<method>/}.
 */
class TokenFuzzTest {

  private static final String SECRET = "0123456789abcdef0123456789abcdef-secret";
  private static final NimbusTokenVerifier VERIFIER =
      NimbusTokenVerifier.hmac(
          SECRET, Optional.empty(), Optional.empty(), false, Duration.ofSeconds(30));
  private static final MACSigner SIGNER;

  static {
    try {
      SIGNER = new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @FuzzTest(maxDuration = "3m")
  void unverified(byte[] input) {
    check(new String(input, StandardCharsets.UTF_8));
  }

  @FuzzTest(maxDuration = "3m")
  void signedClaims(byte[] claims) throws Exception {
    JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.HS256), new Payload(claims));
    jws.sign(SIGNER);
    check(jws.serialize());
  }

  private static void check(String token) {
    try {
      Principal principal = VERIFIER.verify(token);
      assertThat(principal.user().value()).isNotBlank();
      assertThat(principal.roles()).isNotEmpty();
    } catch (RealtimeException refused) {
      assertThat(refused.code()).isIn(ErrorCode.AUTH_INVALID, ErrorCode.AUTH_EXPIRED);
    }
    // the subscription check answers false rather than throwing
    VERIFIER.allowsSubscription(token, UserId.of("u1"), ChannelName.parse("product:1"));
  }
}

package bd.com.getit.realtime.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import java.nio.charset.StandardCharsets;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class CachedJwsVerifiersTest {

  private static final JWSHeader HS256 = new JWSHeader(JWSAlgorithm.HS256);

  private static SecretKeySpec key(String secret) {
    return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  @Test
  void oneVerifierServesEveryTokenOfAKeyAndStillChecksSignatures() throws Exception {
    CachedJwsVerifiers verifiers = new CachedJwsVerifiers();
    String secret = "0123456789abcdef0123456789abcdef";
    JWSObject signed = new JWSObject(HS256, new Payload("{\"sub\":\"u1\"}"));
    signed.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
    JWSObject forged = new JWSObject(HS256, new Payload("{\"sub\":\"u1\"}"));
    forged.sign(
        new MACSigner("another-secret-of-32-bytes-or-more!".getBytes(StandardCharsets.UTF_8)));

    // nimbus hands a new but equal key object for each token
    JWSVerifier first = verifiers.createJWSVerifier(HS256, key(secret));
    JWSVerifier second = verifiers.createJWSVerifier(HS256, key(secret));

    assertThat(second).isSameAs(first).isInstanceOf(HmacSha256Verifier.class);
    assertThat(verifiers.size()).isEqualTo(1);
    assertThat(signed.verify(second)).isTrue();
    assertThat(JWSObject.parse(forged.serialize()).verify(second)).isFalse();
  }

  @Test
  void keepsAtMostMaxKeysVerifiers() throws Exception {
    CachedJwsVerifiers verifiers = new CachedJwsVerifiers();
    JWSVerifier first = verifiers.createJWSVerifier(HS256, key("key-0-0123456789abcdef0123456789"));
    for (int i = 1; i <= CachedJwsVerifiers.MAX_KEYS * 3; i++) {
      verifiers.createJWSVerifier(HS256, key("key-" + i + "-0123456789abcdef0123456789"));
      assertThat(verifiers.size()).isLessThanOrEqualTo(CachedJwsVerifiers.MAX_KEYS);
    }

    assertThat(verifiers.createJWSVerifier(HS256, key("key-0-0123456789abcdef0123456789")))
        .isNotSameAs(first);
  }
}

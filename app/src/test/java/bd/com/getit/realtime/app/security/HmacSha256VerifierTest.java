package bd.com.getit.realtime.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class HmacSha256VerifierTest {
  private static final String SECRET = "0123456789abcdef0123456789abcdef";
  private static final SecretKey KEY =
      new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256");

  private static HmacSha256Verifier verifier() throws Exception {
    return new HmacSha256Verifier(KEY, new MACVerifier(KEY));
  }

  private static JWSObject signed(JWSHeader header, String secret) throws Exception {
    JWSObject jws = new JWSObject(header, new Payload("{\"sub\":\"u1\"}"));
    jws.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
    return JWSObject.parse(jws.serialize());
  }

  @Test
  void acceptsTheKeysSignatureOnEveryThread() throws Exception {
    HmacSha256Verifier verifier = verifier();
    JWSObject token = signed(new JWSHeader(JWSAlgorithm.HS256), SECRET);

    assertThat(token.verify(verifier)).isTrue();
    assertThat(token.verify(verifier)).isTrue(); // the thread's Mac was reset
    assertThat(CompletableFuture.supplyAsync(() -> verifies(token, verifier)).get()).isTrue();
  }

  @Test
  void refusesAnotherKeysSignatureAndATamperedOne() throws Exception {
    HmacSha256Verifier verifier = verifier();
    JWSObject forged =
        signed(new JWSHeader(JWSAlgorithm.HS256), "another-secret-of-32-bytes-or-more!");
    String[] parts = signed(new JWSHeader(JWSAlgorithm.HS256), SECRET).serialize().split("\\.");
    JWSObject truncated =
        JWSObject.parse(parts[0] + "." + parts[1] + "." + parts[2].substring(0, 20));
    JWSObject otherPayload =
        JWSObject.parse(
            parts[0]
                + "."
                + com.nimbusds.jose.util.Base64URL.encode("{\"sub\":\"u2\"}")
                + "."
                + parts[2]);

    assertThat(forged.verify(verifier)).isFalse();
    assertThat(truncated.verify(verifier)).isFalse();
    assertThat(otherPayload.verify(verifier)).isFalse();
  }

  @Test
  void leavesCriticalHeaderParametersToNimbusWhichRefusesUnknownOnes() throws Exception {
    JWSHeader critical =
        new JWSHeader.Builder(JWSAlgorithm.HS256)
            .criticalParams(Set.of("exp-policy"))
            .customParam("exp-policy", "strict")
            .build();
    JWSObject token = signed(critical, SECRET);

    assertThat(token.verify(verifier())).isFalse();
    assertThat(token.verify(new MACVerifier(KEY))).isFalse();
  }

  private static boolean verifies(JWSObject token, HmacSha256Verifier verifier) {
    try {
      return token.verify(verifier);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}

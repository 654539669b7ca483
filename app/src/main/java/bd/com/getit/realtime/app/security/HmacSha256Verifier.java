package bd.com.getit.realtime.app.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.SecretKey;

/**
 * Checks HS256 signatures with one {@link Mac} per thread, keyed once, where nimbus's verifier
 * looks up a new {@code Mac} through the JCA providers and keys it for every token (a tenth of a
 * handshake's verification). The comparison is constant-time, as nimbus's. A header with critical
 * parameters ({@code crit}) goes to nimbus's own verifier, which owns that policy. Thread-safe.
 */
final class HmacSha256Verifier implements JWSVerifier {
  private static final String JCA_NAME = "HmacSHA256";

  private final JWSVerifier nimbus;
  private final ThreadLocal<Mac> macs;

  /**
   * @param key the secret, already accepted by nimbus (at least 256 bits)
   * @param nimbus nimbus's verifier of the same key, for headers this one leaves to it
   */
  HmacSha256Verifier(SecretKey key, JWSVerifier nimbus) {
    Objects.requireNonNull(key, "key");
    this.nimbus = Objects.requireNonNull(nimbus, "nimbus");
    keyed(key); // a key the JCA refuses fails here, not at the first token
    this.macs = ThreadLocal.withInitial(() -> keyed(key));
  }

  private static Mac keyed(SecretKey key) {
    try {
      Mac mac = Mac.getInstance(JCA_NAME);
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("no " + JCA_NAME + " for this key", e);
    }
  }

  @Override
  public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature)
      throws JOSEException {
    if (!JWSAlgorithm.HS256.equals(header.getAlgorithm()) || header.getCriticalParams() != null) {
      return nimbus.verify(header, signingInput, signature);
    }
    // doFinal resets the Mac for the next token of this thread.
    byte[] expected = macs.get().doFinal(signingInput);
    return MessageDigest.isEqual(expected, signature.decode());
  }

  @Override
  public Set<JWSAlgorithm> supportedJWSAlgorithms() {
    return nimbus.supportedJWSAlgorithms();
  }

  @Override
  public JCAContext getJCAContext() {
    return nimbus.getJCAContext();
  }
}

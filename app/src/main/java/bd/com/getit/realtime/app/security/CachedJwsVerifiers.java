package bd.com.getit.realtime.app.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.proc.JWSVerifierFactory;
import java.security.Key;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;

/**
 * Builds one nimbus verifier per key and algorithm and keeps it, instead of one per token (nimbus's
 * default). Nimbus's verifiers are stateless and thread-safe; an HS256 one is wrapped in a {@link
 * HmacSha256Verifier}, which keeps its keyed {@code Mac}s. Holds at most {@link #MAX_KEYS}
 * verifiers: a key set that rotates past that starts the cache afresh.
 */
final class CachedJwsVerifiers implements JWSVerifierFactory {

  static final int MAX_KEYS = 32;

  private record Entry(JWSAlgorithm algorithm, Key key) {}

  private final DefaultJWSVerifierFactory factory = new DefaultJWSVerifierFactory();
  private final Map<Entry, JWSVerifier> verifiers = new ConcurrentHashMap<>();

  @Override
  public JWSVerifier createJWSVerifier(JWSHeader header, Key key) throws JOSEException {
    Entry entry = new Entry(header.getAlgorithm(), key);
    JWSVerifier cached = verifiers.get(entry);
    if (cached != null) {
      return cached;
    }
    JWSVerifier created = factory.createJWSVerifier(header, key);
    if (JWSAlgorithm.HS256.equals(header.getAlgorithm()) && key instanceof SecretKey secret) {
      created = new HmacSha256Verifier(secret, created);
    }
    if (verifiers.size() >= MAX_KEYS) {
      verifiers.clear();
    }
    verifiers.put(entry, created);
    return created;
  }

  int size() {
    return verifiers.size();
  }

  @Override
  public Set<JWSAlgorithm> supportedJWSAlgorithms() {
    return factory.supportedJWSAlgorithms();
  }

  @Override
  public JCAContext getJCAContext() {
    return factory.getJCAContext();
  }
}

package bd.com.getit.realtime.app.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Base64URL;
import java.security.Key;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers which keys a selector over a fixed key set (a configured secret or public key, never a
 * JWKS that rotates) chose for a header, instead of matching the key set again for each token (a
 * fifth of a handshake's verification). Nimbus's selection reads only the header's {@code alg},
 * {@code kid} and {@code x5t#S256} ({@code JWKMatcher.forJWSHeader}), so those are the cache key;
 * what it answers, keys or none, is answered again. At most {@link #MAX_ENTRIES} are kept: headers
 * made up by the thousand start the cache afresh. Thread-safe.
 */
final class PinnedKeySelector implements JWSKeySelector<SecurityContext> {

  static final int MAX_ENTRIES = 64;

  /** What nimbus's selection reads of a header. */
  private record Selection(JWSAlgorithm algorithm, String keyId, Base64URL thumbprint) {
    boolean matches(JWSHeader header) {
      return algorithm.equals(header.getAlgorithm())
          && Objects.equals(keyId, header.getKeyID())
          && Objects.equals(thumbprint, header.getX509CertSHA256Thumbprint());
    }
  }

  /** The last selection and its keys: nearly every token has the same header. */
  private record Last(Selection selection, List<? extends Key> keys) {}

  private final JWSKeySelector<SecurityContext> selector;
  private final Map<Selection, List<? extends Key>> chosen = new ConcurrentHashMap<>();
  private volatile Last last;

  PinnedKeySelector(JWSKeySelector<SecurityContext> selector) {
    this.selector = Objects.requireNonNull(selector, "selector");
  }

  @Override
  public List<? extends Key> selectJWSKeys(JWSHeader header, SecurityContext context)
      throws KeySourceException {
    Last recent = last;
    if (recent != null && recent.selection().matches(header)) {
      return recent.keys();
    }
    Selection selection =
        new Selection(
            header.getAlgorithm(), header.getKeyID(), header.getX509CertSHA256Thumbprint());
    List<? extends Key> keys = chosen.get(selection);
    if (keys == null) {
      keys = List.copyOf(selector.selectJWSKeys(header, context));
      if (chosen.size() >= MAX_ENTRIES) {
        chosen.clear();
      }
      chosen.put(selection, keys);
    }
    last = new Last(selection, keys);
    return keys;
  }

  /** How many selections are kept: for tests. */
  int size() {
    return chosen.size();
  }
}

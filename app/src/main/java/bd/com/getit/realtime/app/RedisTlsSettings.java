package bd.com.getit.realtime.app;

import bd.com.getit.realtime.adapter.redis.PemFiles;
import bd.com.getit.realtime.adapter.redis.RedisTls;
import java.net.URI;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * TLS to Redis, for a {@code rediss://} or {@code rediss-sentinel://} {@code REALTIME_REDIS_URL},
 * from PEM files:
 *
 * <ul>
 *   <li>{@code REALTIME_REDIS_TLS_CA_FILE}: the CA certificate(s) a server must chain to; unset,
 *       the JVM's trust store;
 *   <li>{@code REALTIME_REDIS_TLS_CERT_FILE} and {@code REALTIME_REDIS_TLS_KEY_FILE}: the client
 *       certificate (chain, leaf first) and its unencrypted PKCS#8 key (RSA, EC, Ed25519 or Ed448),
 *       for a Redis with {@code tls-auth-clients yes}; both or neither;
 *   <li>{@code REALTIME_REDIS_TLS_VERIFY_HOSTNAME}: whether the server certificate must name the
 *       host in the URL (or the address the sentinels announce); true unless set to false.
 * </ul>
 *
 * The files are read at start: a file that cannot be read, holds no such PEM block, or a key that
 * does not belong to the certificate stops the start, naming the variable. Setting any of them with
 * a plaintext URL does too, so that TLS is never believed on and silently off.
 */
final class RedisTlsSettings {
  static final String CA_FILE = "REALTIME_REDIS_TLS_CA_FILE";
  static final String CERT_FILE = "REALTIME_REDIS_TLS_CERT_FILE";
  static final String KEY_FILE = "REALTIME_REDIS_TLS_KEY_FILE";
  static final String VERIFY_HOSTNAME = "REALTIME_REDIS_TLS_VERIFY_HOSTNAME";

  private RedisTlsSettings() {}

  /** The TLS set-up for {@code url}, which the caller has already checked is a Redis URL. */
  static RedisTls from(Env env, URI url) {
    boolean tls = url.getScheme().startsWith("rediss");
    if (!tls) {
      for (String name : List.of(CA_FILE, CERT_FILE, KEY_FILE, VERIFY_HOSTNAME)) {
        if (env.text(name).isPresent()) {
          throw new ConfigException(
              name,
              "is set but REALTIME_REDIS_URL does not use TLS (rediss:// or rediss-sentinel://)");
        }
      }
      return RedisTls.jvmTrustStore();
    }
    List<X509Certificate> trusted =
        env.text(CA_FILE).map(file -> certificates(CA_FILE, file)).orElse(List.of());
    Optional<String> cert = env.text(CERT_FILE);
    Optional<String> key = env.text(KEY_FILE);
    if (cert.isPresent() != key.isPresent()) {
      String missing = cert.isPresent() ? KEY_FILE : CERT_FILE;
      throw new ConfigException(
          missing, "must be set with " + (cert.isPresent() ? CERT_FILE : KEY_FILE));
    }
    Optional<RedisTls.ClientIdentity> identity = Optional.empty();
    if (cert.isPresent()) {
      List<X509Certificate> chain = certificates(CERT_FILE, cert.get());
      PrivateKey privateKey;
      try {
        privateKey = PemFiles.privateKey(Path.of(key.get()));
      } catch (IllegalArgumentException e) {
        throw new ConfigException(KEY_FILE, e.getMessage());
      }
      try {
        identity = Optional.of(new RedisTls.ClientIdentity(privateKey, chain));
      } catch (IllegalArgumentException e) {
        throw new ConfigException(KEY_FILE, e.getMessage() + " in " + CERT_FILE);
      }
    }
    return new RedisTls(trusted, identity, env.bool(VERIFY_HOSTNAME, true));
  }

  private static List<X509Certificate> certificates(String variable, String file) {
    try {
      return PemFiles.certificates(Path.of(file));
    } catch (IllegalArgumentException e) {
      // also an InvalidPathException, which is one
      throw new ConfigException(variable, e.getMessage());
    }
  }
}

package bd.com.getit.realtime.adapter.redis;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How the client speaks TLS to Redis, for {@code rediss://} and {@code rediss-sentinel://} URLs
 * (the sentinels and the primary alike): which certificate authorities it trusts, which certificate
 * it shows for mutual TLS, and whether it checks that the server's certificate names the host it
 * dialled. Ignored for plaintext URLs.
 *
 * @param trusted the CA certificates a server's chain must end in; empty: the JVM's trust store
 * @param identity the client certificate and key, for a Redis with {@code tls-auth-clients yes}
 * @param verifyHostname whether the server certificate's subject alternative names must match the
 *     host (name or IP address) the client connected to; after a Sentinel failover that is the
 *     address the sentinels announce
 */
public record RedisTls(
    List<X509Certificate> trusted, Optional<ClientIdentity> identity, boolean verifyHostname) {

  public RedisTls {
    trusted = List.copyOf(trusted);
    Objects.requireNonNull(identity, "identity");
  }

  /** The JVM's trust store, no client certificate, host names checked: the safe default. */
  public static RedisTls jvmTrustStore() {
    return new RedisTls(List.of(), Optional.empty(), true);
  }

  /** A client certificate chain (leaf first) and the private key that belongs to its leaf. */
  public record ClientIdentity(PrivateKey key, List<X509Certificate> chain) {
    /** Fails when the key is not the one the leaf certificate was issued for. */
    public ClientIdentity {
      Objects.requireNonNull(key, "key");
      chain = List.copyOf(chain);
      if (chain.isEmpty()) {
        throw new IllegalArgumentException("a client identity has at least one certificate");
      }
      if (!matches(key, chain.get(0))) {
        throw new IllegalArgumentException(
            "the private key does not belong to the certificate "
                + chain.get(0).getSubjectX500Principal().getName());
      }
    }

    /** Signs a sample with the key and checks it with the certificate: any key type, JDK only. */
    private static boolean matches(PrivateKey key, X509Certificate certificate) {
      String algorithm = signatureAlgorithm(key);
      byte[] sample = "realtime redis tls".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      try {
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(key);
        signer.update(sample);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(certificate.getPublicKey());
        verifier.update(sample);
        return verifier.verify(signature);
      } catch (java.security.InvalidKeyException | java.security.SignatureException e) {
        // a key of another type than the certificate's
        return false;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("this JVM cannot sign with " + algorithm, e);
      }
    }

    private static String signatureAlgorithm(PrivateKey key) {
      switch (key.getAlgorithm()) {
        case "RSA":
          return "SHA256withRSA";
        case "EC":
          return "SHA256withECDSA";
        case "EdDSA":
        case "Ed25519":
        case "Ed448":
          return "EdDSA";
        default:
          throw new IllegalArgumentException(
              "a client key is RSA, EC, Ed25519 or Ed448, was " + key.getAlgorithm());
      }
    }

    /** The subjects only: neither the key nor whole certificates belong in a log. */
    @Override
    public String toString() {
      return "ClientIdentity[" + subjects(chain) + "]";
    }
  }

  @Override
  public String toString() {
    return "RedisTls[trusted="
        + (trusted.isEmpty() ? "the JVM trust store" : subjects(trusted))
        + ", identity="
        + identity.map(ClientIdentity::toString).orElse("none")
        + ", verifyHostname="
        + verifyHostname
        + "]";
  }

  private static String subjects(List<X509Certificate> certificates) {
    return certificates.stream()
        .map(c -> c.getSubjectX500Principal().getName())
        .collect(Collectors.joining("; ", "[", "]"));
  }
}

package bd.com.getit.realtime.adapter.redis;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the PEM files an operator has (a CA certificate, a client certificate chain, a PKCS#8
 * private key) with the JDK alone. Every problem is an {@link IllegalArgumentException} whose
 * message names the file and says what to do, since it ends up in front of an operator at start.
 */
public final class PemFiles {
  /** A PEM block: its label and its base64 body. */
  private static final Pattern BLOCK =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);

  /** The key algorithms a PKCS#8 key may use, tried in turn (the label does not say which). */
  private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "Ed25519", "Ed448");

  private PemFiles() {}

  /** The certificates in {@code file}, in file order (a chain starts with its leaf). */
  public static List<X509Certificate> certificates(Path file) {
    CertificateFactory factory;
    try {
      factory = CertificateFactory.getInstance("X.509");
    } catch (CertificateException e) {
      throw new IllegalStateException("this JVM has no X.509 certificate factory", e);
    }
    List<X509Certificate> certificates = new ArrayList<>();
    for (Block block : blocks(file)) {
      if (!block.label().equals("CERTIFICATE")) {
        continue;
      }
      try {
        certificates.add(
            (X509Certificate)
                factory.generateCertificate(new ByteArrayInputStream(block.der(file))));
      } catch (CertificateException e) {
        throw new IllegalArgumentException(
            file + " holds a CERTIFICATE block that is not an X.509 certificate: " + e.getMessage(),
            e);
      }
    }
    if (certificates.isEmpty()) {
      throw new IllegalArgumentException(
          file + " holds no PEM certificate (a -----BEGIN CERTIFICATE----- block)");
    }
    return List.copyOf(certificates);
  }

  /**
   * The private key in {@code file}: an unencrypted PKCS#8 key ({@code -----BEGIN PRIVATE
   * KEY-----}) of type RSA, EC, Ed25519 or Ed448. PKCS#1 ({@code RSA PRIVATE KEY}), SEC1 ({@code EC
   * PRIVATE KEY}) and encrypted keys are refused with the {@code openssl} command that converts
   * them.
   */
  public static PrivateKey privateKey(Path file) {
    for (Block block : blocks(file)) {
      switch (block.label()) {
        case "PRIVATE KEY":
          return pkcs8(file, block.der(file));
        case "ENCRYPTED PRIVATE KEY":
          throw new IllegalArgumentException(
              file
                  + " holds an encrypted key; give the key unencrypted (readable by this user"
                  + " only): openssl pkcs8 -topk8 -nocrypt -in "
                  + file
                  + " -out key.pem");
        case "RSA PRIVATE KEY":
        case "EC PRIVATE KEY":
          throw new IllegalArgumentException(
              file
                  + " holds a "
                  + block.label()
                  + " (PKCS#1 or SEC1); convert it to PKCS#8: openssl pkcs8 -topk8 -nocrypt -in "
                  + file
                  + " -out key.pem");
        default:
          // a certificate or parameters next to the key: look further
      }
    }
    throw new IllegalArgumentException(
        file + " holds no PEM private key (a -----BEGIN PRIVATE KEY----- block, PKCS#8)");
  }

  private static PrivateKey pkcs8(Path file, byte[] der) {
    for (String algorithm : KEY_ALGORITHMS) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (InvalidKeySpecException e) {
        // another algorithm's key: try the next
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("this JVM has no " + algorithm + " key factory", e);
      }
    }
    throw new IllegalArgumentException(
        file + " holds a PKCS#8 key that is not RSA, EC, Ed25519 or Ed448, or is damaged");
  }

  private record Block(String label, String base64) {
    byte[] der(Path file) {
      try {
        return Base64.getMimeDecoder().decode(base64);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            file + ": the " + label + " block is not valid base64: " + e.getMessage(), e);
      }
    }
  }

  private static List<Block> blocks(Path file) {
    Objects.requireNonNull(file, "file");
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(
          file
              + " is not PEM text (binary DER? convert it: openssl x509 -inform der -in "
              + file
              + " -out cert.pem)",
          e);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read " + file + ": " + e.getClass().getSimpleName() + " " + e.getMessage(), e);
    }
    List<Block> blocks = new ArrayList<>();
    Matcher m = BLOCK.matcher(text);
    while (m.find()) {
      blocks.add(new Block(m.group(1), m.group(2)));
    }
    return blocks;
  }
}

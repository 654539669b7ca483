package bd.com.getit.realtime.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bd.com.getit.realtime.testkit.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading an operator's PEM files: what is accepted (certificate chains, PKCS#8 RSA and EC keys)
 * and the message for what is not (a missing file, DER, PKCS#1, SEC1 and encrypted keys, a key of
 * another certificate), each naming the file.
 */
class PemFilesTest {
  @TempDir static Path dir;
  private static TestCertificates ca;
  private static TestCertificates.Issued node;

  @BeforeAll
  static void certificates() {
    ca = TestCertificates.authority(dir, "pem-ca");
    node = ca.issue("node");
  }

  @Test
  void aChainIsReadInFileOrderAndAPkcs8KeyMatchesItsCertificate() throws Exception {
    Path chain = dir.resolve("chain.pem");
    Files.writeString(
        chain, Files.readString(node.certificate()) + "\n" + Files.readString(ca.certificate()));

    List<X509Certificate> certificates = PemFiles.certificates(chain);
    PrivateKey key = PemFiles.privateKey(node.key());

    assertThat(certificates)
        .extracting(c -> c.getSubjectX500Principal().getName())
        .containsExactly("CN=node", "CN=pem-ca");
    assertThat(key.getAlgorithm()).isEqualTo("EC");
    RedisTls.ClientIdentity identity = new RedisTls.ClientIdentity(key, certificates);
    assertThat(identity.toString()).contains("CN=node").doesNotContain("BEGIN");
  }

  @Test
  void anRsaPkcs8KeyIsReadAndMatchedToo() {
    TestCertificates.openssl(
        dir,
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        "rsa.key",
        "-out",
        "rsa.crt",
        "-days",
        "1",
        "-subj",
        "/CN=rsa");

    PrivateKey key = PemFiles.privateKey(dir.resolve("rsa.key"));

    assertThat(key.getAlgorithm()).isEqualTo("RSA");
    assertThat(new RedisTls.ClientIdentity(key, PemFiles.certificates(dir.resolve("rsa.crt"))))
        .isNotNull();
    assertThatThrownBy(
            () -> new RedisTls.ClientIdentity(key, PemFiles.certificates(node.certificate())))
        .as("an RSA key with an EC certificate")
        .hasMessageContaining("does not belong to the certificate CN=node");
  }

  @Test
  void aKeyOfAnotherCertificateIsRefused() {
    TestCertificates.Issued other = ca.issue("other");

    assertThatThrownBy(
            () ->
                new RedisTls.ClientIdentity(
                    PemFiles.privateKey(other.key()), PemFiles.certificates(node.certificate())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the private key does not belong to the certificate CN=node");
  }

  @Test
  void keysInOtherFormatsAreRefusedWithTheCommandThatConvertsThem() {
    TestCertificates.openssl(
        dir, "pkey", "-in", node.key().toString(), "-traditional", "-out", "sec1.key");
    TestCertificates.openssl(dir, "genrsa", "-traditional", "-out", "pkcs1.key", "2048");
    TestCertificates.openssl(
        dir,
        "pkcs8",
        "-topk8",
        "-in",
        node.key().toString(),
        "-passout",
        "pass:secret",
        "-out",
        "encrypted.key");

    assertThatThrownBy(() -> PemFiles.privateKey(dir.resolve("sec1.key")))
        .hasMessageContaining("sec1.key holds a EC PRIVATE KEY")
        .hasMessageContaining("openssl pkcs8 -topk8 -nocrypt");
    assertThatThrownBy(() -> PemFiles.privateKey(dir.resolve("pkcs1.key")))
        .hasMessageContaining("pkcs1.key holds a RSA PRIVATE KEY")
        .hasMessageContaining("openssl pkcs8 -topk8 -nocrypt");
    assertThatThrownBy(() -> PemFiles.privateKey(dir.resolve("encrypted.key")))
        .hasMessageContaining("encrypted.key holds an encrypted key");
  }

  @Test
  void aMissingFileADerFileAndAFileWithoutTheExpectedBlockAreRefusedByName() throws Exception {
    TestCertificates.openssl(
        dir, "x509", "-in", ca.certificate().toString(), "-outform", "der", "-out", "ca.der");

    assertThatThrownBy(() -> PemFiles.certificates(dir.resolve("missing.pem")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot read " + dir.resolve("missing.pem"))
        .hasMessageContaining("NoSuchFileException");
    assertThatThrownBy(() -> PemFiles.certificates(dir.resolve("ca.der")))
        .hasMessageContaining("ca.der is not PEM text")
        .hasMessageContaining("openssl x509 -inform der");
    assertThatThrownBy(() -> PemFiles.certificates(node.key()))
        .hasMessageContaining("node.key holds no PEM certificate");
    assertThatThrownBy(() -> PemFiles.privateKey(node.certificate()))
        .hasMessageContaining("node.crt holds no PEM private key");
  }

  @Test
  void theTlsSettingsPrintSubjectsNeverKeys() {
    RedisTls tls =
        new RedisTls(
            PemFiles.certificates(ca.certificate()),
            Optional.of(
                new RedisTls.ClientIdentity(
                    PemFiles.privateKey(node.key()), PemFiles.certificates(node.certificate()))),
            true);

    assertThat(tls.toString())
        .isEqualTo(
            "RedisTls[trusted=[CN=pem-ca], identity=ClientIdentity[[CN=node]],"
                + " verifyHostname=true]");
    assertThat(RedisTls.jvmTrustStore().toString()).contains("the JVM trust store");
  }
}

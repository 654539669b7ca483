package bd.com.getit.realtime.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bd.com.getit.realtime.adapter.redis.RedisTls;
import bd.com.getit.realtime.testkit.TestCertificates;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Redis TLS variables: defaults, PEM files read at start, and every mistake named. */
class RedisTlsSettingsTest {
  private static final String URL = "REALTIME_REDIS_URL";
  private static final String CA = "REALTIME_REDIS_TLS_CA_FILE";
  private static final String CERT = "REALTIME_REDIS_TLS_CERT_FILE";
  private static final String KEY = "REALTIME_REDIS_TLS_KEY_FILE";
  private static final String VERIFY = "REALTIME_REDIS_TLS_VERIFY_HOSTNAME";

  @TempDir static Path dir;
  private static TestCertificates ca;
  private static TestCertificates.Issued node;
  private static TestCertificates.Issued other;

  @BeforeAll
  static void certificates() {
    ca = TestCertificates.authority(dir, "settings-ca");
    node = ca.issue("node-1");
    other = ca.issue("node-2");
  }

  private static RedisTls tls(String... pairs) {
    Map<String, String> env = new HashMap<>();
    env.put(URL, "rediss://:pw@redis.internal:6380");
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return AppConfig.from(env).redis().orElseThrow().tls();
  }

  @Test
  void aTlsUrlAloneTrustsTheJvmTrustStoreAndChecksHostNames() {
    RedisTls tls = tls();

    assertThat(tls.trusted()).isEmpty();
    assertThat(tls.identity()).isEmpty();
    assertThat(tls.verifyHostname()).isTrue();
  }

  @Test
  void theCaAndTheClientCertificateAndKeyAreReadFromPemFiles() {
    RedisTls tls =
        tls(
            CA, ca.certificate().toString(),
            CERT, node.certificate().toString(),
            KEY, node.key().toString(),
            VERIFY, "false");

    assertThat(tls.trusted())
        .extracting(c -> c.getSubjectX500Principal().getName())
        .containsExactly("CN=settings-ca");
    assertThat(tls.identity().orElseThrow().chain().get(0).getSubjectX500Principal().getName())
        .isEqualTo("CN=node-1");
    assertThat(tls.verifyHostname()).isFalse();
    assertThat(
            AppConfig.from(
                    Map.of(
                        URL, "rediss-sentinel://s1:26379/primary", CA, ca.certificate().toString()))
                .redis()
                .orElseThrow()
                .tls()
                .trusted())
        .as("the sentinel TLS scheme too")
        .hasSize(1);
  }

  @Test
  void theSettingsPrintCertificateSubjectsButNeitherPasswordNorKey() {
    String printed =
        AppConfig.from(
                Map.of(
                    URL, "rediss://:pw-s3cret@redis.internal:6380",
                    CERT, node.certificate().toString(),
                    KEY, node.key().toString()))
            .redis()
            .orElseThrow()
            .toString();

    assertThat(printed)
        .contains("identity=ClientIdentity[[CN=node-1]]")
        .doesNotContain("s3cret")
        .doesNotContain("PRIVATE");
    assertThat(AppConfig.from(Map.of(URL, "redis://redis.internal:6379")).redis().toString())
        .doesNotContain("tls=");
  }

  @Test
  void aKeyThatDoesNotBelongToTheCertificateStopsTheStartNamingTheKeyVariable() {
    assertThatThrownBy(() -> tls(CERT, node.certificate().toString(), KEY, other.key().toString()))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            KEY + ": the private key does not belong to the certificate CN=node-1 in " + CERT);
  }

  @Test
  void anUnreadableOrWrongFileStopsTheStartNamingItsVariable() {
    String missing = dir.resolve("nowhere.pem").toString();

    assertThatThrownBy(() -> tls(CA, missing))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(CA + ": cannot read " + missing);
    assertThatThrownBy(() -> tls(CA, node.key().toString()))
        .hasMessageStartingWith(CA + ": ")
        .hasMessageContaining("holds no PEM certificate");
    assertThatThrownBy(() -> tls(CERT, missing, KEY, node.key().toString()))
        .hasMessageStartingWith(CERT + ": cannot read");
    assertThatThrownBy(() -> tls(CERT, node.certificate().toString(), KEY, missing))
        .hasMessageStartingWith(KEY + ": cannot read");
    assertThatThrownBy(
            () -> tls(CERT, node.certificate().toString(), KEY, node.certificate().toString()))
        .hasMessageStartingWith(KEY + ": ")
        .hasMessageContaining("holds no PEM private key");
    assertThatThrownBy(() -> tls(VERIFY, "maybe")).hasMessageStartingWith(VERIFY + ": ");
  }

  @Test
  void aCertificateWithoutItsKeyOrTheOtherWayRoundIsRefused() {
    assertThatThrownBy(() -> tls(CERT, node.certificate().toString()))
        .isInstanceOf(ConfigException.class)
        .hasMessage(KEY + ": must be set with " + CERT);
    assertThatThrownBy(() -> tls(KEY, node.key().toString()))
        .hasMessage(CERT + ": must be set with " + KEY);
  }

  @Test
  void tlsFilesWithAPlaintextUrlAreRefusedRatherThanIgnored() {
    assertThatThrownBy(
            () ->
                AppConfig.from(
                    Map.of(URL, "redis://redis.internal:6379", CA, ca.certificate().toString())))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            CA
                + ": is set but REALTIME_REDIS_URL does not use TLS (rediss:// or rediss-sentinel://)");
    assertThat(
            AppConfig.from(Map.of(URL, "redis://redis.internal:6379")).redis().orElseThrow().tls())
        .isEqualTo(RedisTls.jvmTrustStore());
  }
}

package bd.com.getit.realtime.adapter.redis;

import bd.com.getit.realtime.testkit.TestCertificates;
import bd.com.getit.realtime.testsupport.EmbeddedRedis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One Redis for a test class, reached the strictest way the client supports: TLS only, the server's
 * certificate checked against a throwaway CA and its name against {@code localhost}, and a client
 * certificate required ({@code tls-auth-clients yes}). Like {@link TestRedis}, each store gets a
 * fresh key prefix.
 */
final class TestTlsRedis implements BeforeAllCallback, AfterAllCallback {
  private static final AtomicInteger PREFIXES = new AtomicInteger();

  private Path dir;
  private EmbeddedRedis server;
  private Redis redis;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    dir = Files.createTempDirectory("redis-tls");
    TestCertificates ca = TestCertificates.authority(dir, "test-ca");
    TestCertificates.Issued serverCert = ca.issue("redis", "DNS:localhost", "IP:127.0.0.1");
    TestCertificates.Issued clientCert = ca.issue("realtime-node");
    server =
        EmbeddedRedis.tlsOnly(serverCert.certificate(), serverCert.key(), ca.certificate(), true);
    RedisTls tls =
        new RedisTls(
            PemFiles.certificates(ca.certificate()),
            Optional.of(
                new RedisTls.ClientIdentity(
                    PemFiles.privateKey(clientCert.key()),
                    PemFiles.certificates(clientCert.certificate()))),
            true);
    redis = new Redis(RedisOptions.of(server.uri("localhost")).withPoolSize(8).withTls(tls));
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (redis != null) {
      redis.close();
    }
    if (server != null) {
      server.close();
    }
  }

  /** The shared client with a key prefix no other store used. */
  Redis fresh() {
    return redis.withPrefix("tls" + PREFIXES.incrementAndGet() + ":");
  }
}

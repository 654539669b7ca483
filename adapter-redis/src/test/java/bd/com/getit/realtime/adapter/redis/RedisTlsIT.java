package bd.com.getit.realtime.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bd.com.getit.realtime.testkit.TestCertificates;
import bd.com.getit.realtime.testsupport.EmbeddedRedis;
import bd.com.getit.realtime.testsupport.FreePorts;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.embedded.RedisSentinel;

/**
 * TLS against a real TLS-only Redis (the {@code embedded-redis} binary is built with TLS) and
 * throwaway certificates from {@code openssl}: mutual TLS with and without the client certificate,
 * a server certificate from another CA, a server certificate for another host name, a plaintext
 * Redis behind a {@code rediss://} URL, and Sentinel with TLS to the sentinel and the primary,
 * through a failover.
 */
class RedisTlsIT {
  private static final String MASTER = "realtime-primary";

  @TempDir static Path dir;
  private static TestCertificates ca;
  private static TestCertificates.Issued server;
  private static TestCertificates.Issued client;

  private final Deque<AutoCloseable> opened = new ArrayDeque<>();

  @BeforeAll
  static void certificates() {
    ca = TestCertificates.authority(dir, "test-ca");
    server = ca.issue("redis", "DNS:localhost", "IP:127.0.0.1");
    client = ca.issue("realtime-node");
  }

  @AfterEach
  void closeInReverse() throws Exception {
    while (!opened.isEmpty()) {
      opened.pop().close();
    }
  }

  private <T extends AutoCloseable> T open(T closeable) {
    opened.push(closeable);
    return closeable;
  }

  private static RedisTls trusting(TestCertificates authority, boolean verifyHostname) {
    return new RedisTls(
        PemFiles.certificates(authority.certificate()), Optional.empty(), verifyHostname);
  }

  private static RedisTls withClientCertificate(RedisTls tls) {
    return new RedisTls(
        tls.trusted(),
        Optional.of(
            new RedisTls.ClientIdentity(
                PemFiles.privateKey(client.key()), PemFiles.certificates(client.certificate()))),
        tls.verifyHostname());
  }

  private Redis client(URI uri, RedisTls tls) {
    return open(new Redis(RedisOptions.of(uri).withPoolSize(1).withTls(tls)));
  }

  private static String ping(Redis redis) {
    return redis.call(UnifiedJedis::ping).join();
  }

  /** The connection failure of a call, which must be one. */
  private static JedisConnectionException failure(Redis redis) {
    try {
      String reply = ping(redis);
      throw new AssertionError("the call reached Redis: " + reply);
    } catch (CompletionException e) {
      assertThat(e.getCause()).isInstanceOf(JedisConnectionException.class);
      assertThat(redis.up()).as("readiness says Redis is unreachable").isFalse();
      return (JedisConnectionException) e.getCause();
    }
  }

  @Test
  void mutualTlsWorksWithTheClientCertificateAndIsRefusedWithoutIt() throws Exception {
    EmbeddedRedis redis =
        open(EmbeddedRedis.tlsOnly(server.certificate(), server.key(), ca.certificate(), true));

    Redis withCertificate =
        client(redis.uri("localhost"), withClientCertificate(trusting(ca, true)));
    assertThat(ping(withCertificate)).isEqualTo("PONG");
    withCertificate.call(c -> c.set("k", "over mutual TLS")).join();
    assertThat(withCertificate.call(c -> c.get("k")).join()).isEqualTo("over mutual TLS");

    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    ((Logger) LoggerFactory.getLogger(TlsSockets.class)).addAppender(log);
    try {
      failure(client(redis.uri("localhost"), trusting(ca, true)));
    } finally {
      ((Logger) LoggerFactory.getLogger(TlsSockets.class)).detachAppender(log);
    }
    // TLS 1.3: the server refuses after the client's side of the handshake, by closing; the log
    // says why.
    assertThat(log.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains("asked for a client certificate and none is configured")
                    .contains("tls-auth-clients"));
  }

  @Test
  void aServerCertificateFromAnotherAuthorityIsRefused() throws Exception {
    TestCertificates other = TestCertificates.authority(dir, "other-ca");
    TestCertificates.Issued impostor = other.issue("impostor", "DNS:localhost", "IP:127.0.0.1");
    EmbeddedRedis redis =
        open(
            EmbeddedRedis.tlsOnly(impostor.certificate(), impostor.key(), ca.certificate(), false));

    JedisConnectionException refused = failure(client(redis.uri("localhost"), trusting(ca, true)));

    assertThat(refused).hasRootCauseInstanceOf(java.security.cert.CertPathBuilderException.class);
    assertThat(refused).hasCauseInstanceOf(SSLHandshakeException.class);
    assertThat(Redis.reason(refused)).contains("unable to find valid certification path");
    // The same server is fine for a client that trusts its authority: the refusal was the CA.
    assertThat(ping(client(redis.uri("localhost"), trusting(other, true)))).isEqualTo("PONG");
  }

  @Test
  void aServerCertificateForAnotherHostIsRefusedUnlessHostNamesAreNotChecked() throws Exception {
    TestCertificates.Issued elsewhere = ca.issue("elsewhere", "DNS:redis.elsewhere.example");
    EmbeddedRedis redis =
        open(
            EmbeddedRedis.tlsOnly(
                elsewhere.certificate(), elsewhere.key(), ca.certificate(), false));

    JedisConnectionException byName = failure(client(redis.uri("localhost"), trusting(ca, true)));
    assertThat(byName).hasCauseInstanceOf(SSLHandshakeException.class);
    assertThat(Redis.reason(byName)).contains("No subject alternative DNS name matching localhost");
    JedisConnectionException byAddress =
        failure(client(redis.uri("127.0.0.1"), trusting(ca, true)));
    assertThat(Redis.reason(byAddress)).contains("No subject alternative names matching IP");

    assertThat(ping(client(redis.uri("localhost"), trusting(ca, false))))
        .as("the same CA without the host name check")
        .isEqualTo("PONG");
  }

  @Test
  void aTlsUrlNeverFallsBackToPlaintext() throws Exception {
    EmbeddedRedis plaintext = open(EmbeddedRedis.embedded());
    int port = plaintext.port();

    JedisConnectionException refused =
        failure(client(URI.create("rediss://localhost:" + port), trusting(ca, true)));

    assertThat(refused).hasCauseInstanceOf(SSLException.class);
    assertThat(Redis.reason(refused)).contains("no TLS handshake with localhost:" + port);
    assertThat(ping(client(URI.create("redis://localhost:" + port), trusting(ca, true))))
        .as("the server itself answers plaintext")
        .isEqualTo("PONG");
  }

  /** A sentinel that speaks mutual TLS only and reaches the primary over TLS too. */
  private RedisSentinel tlsSentinel(int tlsPort, int primaryPort) throws Exception {
    // With setting(...) the builder writes only the given lines: the monitor line included.
    RedisSentinel sentinel =
        RedisSentinel.newRedisSentinel()
            .bind("127.0.0.1")
            .port(0)
            .setting("tls-port " + tlsPort)
            .setting("tls-cert-file " + server.certificate())
            .setting("tls-key-file " + server.key())
            .setting("tls-ca-cert-file " + ca.certificate())
            .setting("tls-auth-clients yes")
            // the sentinel reaches the primary and replicas over TLS, showing its own certificate
            .setting("tls-replication yes")
            .setting("sentinel monitor " + MASTER + " 127.0.0.1 " + primaryPort + " 1")
            .setting("sentinel down-after-milliseconds " + MASTER + " 1000")
            .setting("sentinel failover-timeout " + MASTER + " 5000")
            .build();
    sentinel.start();
    open(sentinel::stop);
    return sentinel;
  }

  /** A plain Jedis connection with the client's TLS settings, for looking at one server. */
  private static Jedis jedis(int port) {
    DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder();
    TlsSockets.of(withClientCertificate(trusting(ca, true))).applyTo(config);
    return new Jedis(new HostAndPort("localhost", port), config.build());
  }

  @Test
  void theClientFindsThePrimaryThroughASentinelOverMutualTls() throws Exception {
    EmbeddedRedis primary =
        open(EmbeddedRedis.tlsOnly(server.certificate(), server.key(), ca.certificate(), true));
    int sentinelPort = FreePorts.pick();
    tlsSentinel(sentinelPort, primary.port());

    Redis redis =
        client(
            URI.create("rediss-sentinel://localhost:" + sentinelPort + "/" + MASTER),
            withClientCertificate(trusting(ca, true)));

    redis.call(c -> c.set("through", "sentinel")).join();
    assertThat(redis.call(c -> c.get("through")).join()).isEqualTo("sentinel");
    try (Jedis direct = jedis(primary.port())) {
      assertThat(direct.get("through"))
          .as("written on the primary the sentinel names")
          .isEqualTo("sentinel");
    }
  }

  @Test
  void theClientFollowsAFailoverWithTlsEverywhere() throws Exception {
    EmbeddedRedis primary =
        open(EmbeddedRedis.tlsOnly(server.certificate(), server.key(), ca.certificate(), true));
    EmbeddedRedis replica =
        open(
            EmbeddedRedis.tlsOnly(
                server.certificate(),
                server.key(),
                ca.certificate(),
                true,
                "tls-replication yes",
                "replicaof 127.0.0.1 " + primary.port()));
    try (Jedis r = jedis(replica.port())) {
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> r.info("replication").contains("master_link_status:up"));
    }
    int sentinelPort = FreePorts.pick();
    tlsSentinel(sentinelPort, primary.port());
    try (Jedis s = jedis(sentinelPort)) {
      await().atMost(Duration.ofSeconds(30)).until(() -> !s.sentinelReplicas(MASTER).isEmpty());
    }
    Redis redis =
        client(
            URI.create("rediss-sentinel://localhost:" + sentinelPort + "/" + MASTER),
            withClientCertificate(trusting(ca, true)));
    redis.call(c -> c.set("before", "1")).join();

    try (Jedis s = jedis(sentinelPort)) {
      s.sentinelFailover(MASTER);
    }
    // The promoted replica drops its clients as it switches role: a fresh connection per look.
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(
            () -> {
              try (Jedis r = jedis(replica.port())) {
                return r.info("replication").contains("role:master");
              }
            });

    // The client hears +switch-master from the sentinel over TLS and reconnects over TLS.
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              redis.call(c -> c.set("after", "2")).join();
              try (Jedis promoted = jedis(replica.port())) {
                assertThat(promoted.get("after")).isEqualTo("2");
              }
            });
    assertThat(redis.call(c -> c.get("before")).join()).isEqualTo("1");
  }
}

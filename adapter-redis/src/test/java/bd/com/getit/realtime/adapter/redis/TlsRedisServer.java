package bd.com.getit.realtime.adapter.redis;

import bd.com.getit.realtime.testkit.TestCertificates;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import redis.embedded.RedisServer;

/**
 * A Redis that speaks TLS only: the {@code embedded-redis} bundled binary (built with TLS) on
 * 127.0.0.1, its plaintext port closed, serving {@code server} and trusting client certificates
 * signed by {@code clientCa}; with {@code requireClientCertificate} a client without one is
 * refused.
 */
final class TlsRedisServer implements AutoCloseable {
  private final RedisServer server;
  private final int port;

  TlsRedisServer(TestCertificates.Issued server, Path clientCa, boolean requireClientCertificate)
      throws IOException {
    this(server, clientCa, requireClientCertificate, new String[0]);
  }

  /** With more configuration lines, such as {@code replicaof host port}. */
  TlsRedisServer(
      TestCertificates.Issued server,
      Path clientCa,
      boolean requireClientCertificate,
      String... settings)
      throws IOException {
    this.port = TestRedis.freePort();
    var builder =
        RedisServer.newRedisServer()
            .port(0)
            .bind("127.0.0.1")
            .setting("save \"\"")
            .setting("appendonly no")
            .setting("tls-port " + port)
            .setting("tls-cert-file " + server.certificate())
            .setting("tls-key-file " + server.key())
            .setting("tls-ca-cert-file " + clientCa)
            .setting("tls-auth-clients " + (requireClientCertificate ? "yes" : "no"));
    for (String setting : settings) {
      builder.setting(setting);
    }
    this.server = builder.build();
    this.server.start();
  }

  int port() {
    return port;
  }

  /** {@code rediss://host:port}: {@code host} is what the client dials and checks names against. */
  URI uri(String host) {
    return URI.create("rediss://" + host + ":" + port);
  }

  @Override
  public void close() throws IOException {
    server.stop();
  }
}

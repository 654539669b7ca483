package bd.com.getit.realtime.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EmbeddedRedisIT {

  /** Sends PING in the Redis protocol and reads the one-line answer. */
  private static String ping(int port) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(5_000);
      socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();
      StringBuilder line = new StringBuilder();
      for (int c = in.read(); c != '\r' && c != -1; c = in.read()) {
        line.append((char) c);
      }
      return line.toString();
    }
  }

  @Test
  void anEmbeddedServerAnswersStopsAndComesBackOnTheSamePort() throws Exception {
    try (EmbeddedRedis redis = EmbeddedRedis.embedded()) {
      assertThat(redis.isExternal()).isFalse();
      assertThat(redis.url()).isEqualTo("redis://127.0.0.1:" + redis.port());
      assertThat(ping(redis.port())).isEqualTo("+PONG");

      redis.stop();
      assertThatThrownBy(() -> ping(redis.port())).isInstanceOf(ConnectException.class);

      redis.start();
      assertThat(ping(redis.port())).isEqualTo("+PONG");
      assertThatThrownBy(redis::start)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("already running");
    }
  }

  @Test
  void settingsReachTheServer() throws Exception {
    try (EmbeddedRedis primary = EmbeddedRedis.embedded();
        EmbeddedRedis replica = EmbeddedRedis.embedded("replicaof 127.0.0.1 " + primary.port())) {
      try (Socket socket = new Socket("127.0.0.1", replica.port())) {
        socket.setSoTimeout(5_000);
        socket.getOutputStream().write("SET k v\r\n".getBytes(StandardCharsets.US_ASCII));
        byte[] answer = new byte[64];
        int n = socket.getInputStream().read(answer);
        // A replica refuses writes: the replicaof line was applied.
        assertThat(new String(answer, 0, n, StandardCharsets.US_ASCII)).startsWith("-READONLY");
      }
    }
  }

  @Test
  void aTlsServerNeedsItsPemFiles() {
    Path missing = Path.of("no-such-dir", "server.pem");
    assertThatThrownBy(() -> EmbeddedRedis.tlsOnly(missing, missing, missing, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no readable PEM file at " + missing);
  }

  @Test
  void aSettingMustBeOneConfigLine() {
    assertThatThrownBy(() -> EmbeddedRedis.embedded("port 1\nbind 0.0.0.0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("one redis.conf line");
    assertThatThrownBy(() -> EmbeddedRedis.embedded(" "))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

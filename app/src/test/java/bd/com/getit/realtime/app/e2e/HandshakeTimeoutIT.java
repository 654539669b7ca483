package bd.com.getit.realtime.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.socket.client.Socket;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Connections that never finish their handshake are closed in bounded, configurable time: a TCP
 * connection without a complete HTTP request header ({@code REALTIME_HANDSHAKE_TIMEOUT_MS}, however
 * slowly it trickles bytes) and an Engine.IO session without a Socket.IO CONNECT ({@code
 * REALTIME_CONNECT_TIMEOUT_MS}); a connected client outlives both deadlines.
 */
class HandshakeTimeoutIT {
  static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server =
        TestServer.start(
            Map.of("REALTIME_HANDSHAKE_TIMEOUT_MS", "1000", "REALTIME_CONNECT_TIMEOUT_MS", "3000"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aSilentTcpConnectionIsClosed() throws Exception {
    try (java.net.Socket tcp = open()) {
      long start = System.nanoTime();
      assertThat(tcp.getInputStream().read()).isEqualTo(-1);
      assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(6_000);
    }
  }

  @Test
  void aSlowLorisIsClosedThoughItKeepsSending() throws Exception {
    try (java.net.Socket tcp = open()) {
      OutputStream out = tcp.getOutputStream();
      InputStream in = tcp.getInputStream();
      out.write(
          ("GET /socket.io/?EIO=4&transport=polling HTTP/1.1\r\nHost: 127.0.0.1\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      long start = System.nanoTime();
      boolean closed = false;
      // one header line every 150 ms: each resets an idle timer, never the header deadline
      for (int i = 0; i < 60 && !closed; i++) {
        try {
          out.write(("X-Slow-" + i + ": 1\r\n").getBytes(StandardCharsets.US_ASCII));
          out.flush();
          tcp.setSoTimeout(150);
          closed = in.read() == -1;
        } catch (java.net.SocketTimeoutException stillOpen) {
          // not closed yet
        } catch (IOException reset) {
          closed = true;
        }
      }
      assertThat(closed).as("closed while trickling").isTrue();
      assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(6_000);
    }
  }

  @Test
  void anEngineIoSessionWithoutConnectIsClosed() {
    try (RawClient c = RawClient.open(server.port())) {
      assertThat(c.next()).startsWith("0{");
      assertThat(c.closedWithin(8_000)).as("closed without a CONNECT").isTrue();
    }
  }

  @Test
  void aConnectedClientOutlivesBothDeadlines() throws Exception {
    try (Client c = Client.connect(server, TestServer.token("patient"), Client.WEBSOCKET)) {
      // past the header deadline: a long-lived websocket is not cut
      assertThat(c.receives(Socket.EVENT_DISCONNECT, 1_500)).isFalse();
      JSONObject ack =
          c.call("join_channel", new JSONObject().put("channels", List.of("product:p")));
      assertThat(ack.getBoolean("ok")).isTrue();
    }
  }

  private static java.net.Socket open() throws IOException {
    java.net.Socket tcp = new java.net.Socket();
    tcp.connect(new InetSocketAddress("127.0.0.1", server.port()), 2_000);
    tcp.setSoTimeout(5_000);
    return tcp;
  }
}

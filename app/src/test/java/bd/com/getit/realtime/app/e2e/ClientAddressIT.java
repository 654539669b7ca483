package bd.com.getit.realtime.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The per-address connection limit counts the client address of PROTOCOL section 7: {@code
 * X-Forwarded-For} only behind a trusted proxy (here the test's own loopback peer), its right-most
 * untrusted entry, and loopback exempt.
 */
class ClientAddressIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  static TestServer behindProxy;
  static TestServer direct;

  @BeforeAll
  static void start() throws Exception {
    Map<String, String> limit = Map.of("REALTIME_NEW_CONNECTIONS_PER_ADDRESS_PER_MINUTE", "2");
    behindProxy =
        TestServer.start(JwtAttackIT.with(limit, "REALTIME_TRUSTED_PROXIES", "127.0.0.0/8"));
    direct = TestServer.start(limit);
  }

  @AfterAll
  static void stop() {
    behindProxy.close();
    direct.close();
  }

  @Test
  void behindATrustedProxyTheForwardedClientIsLimited() {
    assertThat(connect(behindProxy, "203.0.113.7").has("sid")).isTrue();
    assertThat(connect(behindProxy, "203.0.113.7").has("sid")).isTrue();
    JsonNode third = connect(behindProxy, "203.0.113.7");
    assertThat(third.path("data").path("code").asText()).isEqualTo("CONNECTION_LIMIT");

    // a forged entry left of the proxy's own does not buy a fresh limit
    JsonNode spoofed = connect(behindProxy, "198.51.100.99, 203.0.113.7");
    assertThat(spoofed.path("data").path("code").asText()).isEqualTo("CONNECTION_LIMIT");

    // another client behind the same proxy is counted on its own
    assertThat(connect(behindProxy, "203.0.113.8").has("sid")).isTrue();
    // the proxy itself (loopback here) is exempt
    for (int i = 0; i < 4; i++) {
      assertThat(connect(behindProxy, null).has("sid")).isTrue();
    }
  }

  @Test
  void withoutTrustedProxiesTheHeaderIsIgnored() {
    // the peer is loopback, exempt: the forwarded address never counts
    for (int i = 0; i < 4; i++) {
      assertThat(connect(direct, "203.0.113.50").has("sid")).isTrue();
    }
  }

  /** A guest CONNECT over a websocket whose upgrade carries {@code forwardedFor}, if not null. */
  static JsonNode connect(TestServer server, String forwardedFor) {
    Map<String, String> headers =
        forwardedFor == null ? Map.of() : Map.of("X-Forwarded-For", forwardedFor);
    try (RawClient c = RawClient.open(server.port(), headers)) {
      assertThat(c.next()).startsWith("0{");
      c.send("40/realtime,{}");
      String reply = c.next("4");
      return JSON.readTree(reply.substring("40/realtime,".length()));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}

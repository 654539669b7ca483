package bd.com.getit.realtime.adapter.websocket.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import bd.com.getit.realtime.adapter.websocket.socketio.Handshake;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fuzz target for what the gateway reads from a connecting client before any use case runs: the
 * token from the CONNECT auth, the {@code Authorization} header or the query; the recovery pid and
 * offset; the client address behind {@code X-Forwarded-For}. The input is written like a request:
 * the first line the peer address, the second the CONNECT auth (JSON), the third the query ({@code
 * a=b&c=d}), then {@code name: value} header lines. Nothing here may throw. Seeds in {@code
 * HandshakeFuzzTestInputs/credentials/}.
 */
class HandshakeFuzzTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ClientAddressResolver ADDRESSES =
      ClientAddressResolver.trusting(List.of("10.0.0.0/8", "127.0.0.1", "::1", "fd00::/8"));

  @FuzzTest(maxDuration = "3m")
  void credentials(byte[] input) {
    String[] lines = new String(input, StandardCharsets.UTF_8).split("\n", 64);
    String peer = lines[0];
    ObjectNode auth = auth(lines.length > 1 ? lines[1] : "");
    Map<String, List<String>> query = new LinkedHashMap<>();
    if (lines.length > 2) {
      for (String pair : lines[2].split("&")) {
        int eq = pair.indexOf('=');
        query
            .computeIfAbsent(eq < 0 ? pair : pair.substring(0, eq), k -> new ArrayList<>())
            .add(eq < 0 ? "" : pair.substring(eq + 1));
      }
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (int i = 3; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers
            .computeIfAbsent(lines[i].substring(0, colon).strip(), k -> new ArrayList<>())
            .add(lines[i].substring(colon + 1).strip());
      }
    }
    Handshake handshake =
        new Handshake(
            "sid",
            RealtimeNamespace.NAME,
            auth,
            query,
            headers,
            peer,
            "websocket",
            text(auth.get("pid")),
            text(auth.get("offset")));

    Credentials.token(handshake)
        .ifPresent(token -> assertThat(token).isNotBlank().isEqualTo(token.strip()));
    Credentials.recovery(handshake);
    String address = ADDRESSES.resolve(peer, headers.get("x-forwarded-for"));
    assertThat(address).isNotNull();
  }

  private static ObjectNode auth(String text) {
    try {
      JsonNode node = JSON.readTree(text);
      if (node instanceof ObjectNode object) {
        return object;
      }
    } catch (Exception notJson) {
      // the codec refuses such a CONNECT before the gateway sees it
    }
    return JSON.createObjectNode();
  }

  private static Optional<String> text(JsonNode node) {
    return node != null && node.isTextual() ? Optional.of(node.textValue()) : Optional.empty();
  }
}

package bd.com.getit.realtime.adapter.websocket.engineio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HandshakeMapsTest {

  private final HandshakeMaps maps = new HandshakeMaps();

  /** A map as a request's parser makes it: fresh lists of fresh strings. */
  private static Map<String, List<String>> parsed(String... namesAndValues) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      map.put(namesAndValues[i], new ArrayList<>(List.of(new String(namesAndValues[i + 1]))));
    }
    return map;
  }

  @Test
  void twoSessionsWithTheUsualQueryKeepOneMap() {
    Map<String, List<String>> first = maps.query(parsed("EIO", "4", "transport", "websocket"));
    Map<String, List<String>> second = maps.query(parsed("EIO", "4", "transport", "websocket"));

    assertThat(second)
        .isSameAs(first)
        .isEqualTo(Map.of("EIO", List.of("4"), "transport", List.of("websocket")));
  }

  @Test
  void aTokenInTheQueryIsKeptPerSessionAndNeverPooled() {
    Map<String, List<String>> first = maps.query(parsed("EIO", "4", "token", "secret-1"));
    Map<String, List<String>> second = maps.query(parsed("EIO", "4", "token", "secret-1"));

    assertThat(second).isNotSameAs(first).isEqualTo(first);
    assertThat(second.get("EIO")).isSameAs(first.get("EIO"));
    assertThat(second.get("token")).isNotSameAs(first.get("token"));
    assertThat(maps.size()).isEqualTo(1); // the EIO value only
  }

  @Test
  void publicHeadersAreSharedAndPrivateOnesKeptPerSession() {
    String agent = "Mozilla/5.0 (X11; Linux x86_64) Firefox/120.0";
    Map<String, List<String>> first =
        maps.headers(parsed("host", "chat.example", "user-agent", agent, "cookie", "sid=a"));
    Map<String, List<String>> second =
        maps.headers(parsed("host", "chat.example", "user-agent", agent, "cookie", "sid=a"));

    assertThat(second).isEqualTo(first).isNotSameAs(first);
    assertThat(second.get("user-agent")).isSameAs(first.get("user-agent"));
    assertThat(second.get("host")).isSameAs(first.get("host"));
    assertThat(second.get("cookie")).isNotSameAs(first.get("cookie"));
    assertThat(maps.headers(parsed("host", "chat.example")))
        .isSameAs(maps.headers(parsed("host", "chat.example")));
  }

  @Test
  void aSubprotocolIsKeptPerSessionAndNeverPooled() {
    Map<String, List<String>> first =
        maps.headers(parsed("sec-websocket-protocol", "access_token, eyJhbGciOi.x.y"));
    Map<String, List<String>> second =
        maps.headers(parsed("sec-websocket-protocol", "access_token, eyJhbGciOi.x.y"));

    assertThat(second.get("sec-websocket-protocol"))
        .isEqualTo(first.get("sec-websocket-protocol"))
        .isNotSameAs(first.get("sec-websocket-protocol"));
    assertThat(maps.size()).isZero();
  }

  @Test
  void aLongValueIsNotShared() {
    String huge = "x".repeat(HandshakeMaps.MAX_SHARED_LENGTH + 1);

    assertThat(maps.headers(parsed("user-agent", huge)))
        .isNotSameAs(maps.headers(parsed("user-agent", huge)));
    assertThat(maps.size()).isZero();
  }

  @Test
  void thePoolStaysBoundedWhateverClientsSend() {
    for (int i = 0; i < HandshakeMaps.MAX_SHARED * 3; i++) {
      maps.headers(parsed("user-agent", "agent " + i));
    }

    assertThat(maps.size()).isLessThanOrEqualTo(HandshakeMaps.MAX_SHARED);
  }

  @Test
  void keptMapsAreUnmodifiableAndEmptyOnesShareTheEmptyMap() {
    Map<String, List<String>> kept = maps.query(parsed("EIO", "4"));

    assertThat(maps.query(new HashMap<>())).isSameAs(Map.of());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> kept.put("x", List.of()))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}

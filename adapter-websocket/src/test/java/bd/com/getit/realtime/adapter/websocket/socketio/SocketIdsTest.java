package bd.com.getit.realtime.adapter.websocket.socketio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SocketIdsTest {

  @Test
  void generatedIdsAreUrlSafeAndDistinct() {
    Set<String> seen = new HashSet<>();

    for (int i = 0; i < 1000; i++) {
      String id = SocketIds.generate();
      assertThat(id).matches("[A-Za-z0-9_-]{20}");
      seen.add(id);
    }

    assertThat(seen).hasSize(1000);
  }
}

package bd.com.getit.realtime.adapter.websocket.engineio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EngineOptionsTest {

  @Test
  void defaultsAreTheReferenceServers() {
    EngineOptions options = EngineOptions.defaults();

    assertThat(options.path()).isEqualTo("/socket.io/");
    assertThat(options.pingInterval()).isEqualTo(Duration.ofMillis(25_000));
    assertThat(options.pingTimeout()).isEqualTo(Duration.ofMillis(20_000));
    assertThat(options.maxPayload()).isEqualTo(1_000_000);
    assertThat(options.upgradeTimeout()).isEqualTo(Duration.ofMillis(10_000));
    assertThat(options.transports()).containsExactlyInAnyOrder("polling", "websocket");
    assertThat(options.corsOrigins()).isEmpty();
    assertThat(options.websocketLayer()).isEqualTo(WebSocketLayer.GRIZZLY);
  }

  @Test
  void theWebsocketLayerIsNamedGrizzlyOrTyrusAndNothingElse() {
    assertThat(WebSocketLayer.of("grizzly")).isEqualTo(WebSocketLayer.GRIZZLY);
    assertThat(WebSocketLayer.of(" Tyrus ")).isEqualTo(WebSocketLayer.TYRUS);
    assertThatThrownBy(() -> WebSocketLayer.of("netty"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown websocket layer 'netty': grizzly or tyrus");
    assertThatThrownBy(() -> EngineOptions.builder().websocketLayer(null).build())
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void rejectsInvalidSettings() {
    assertThatThrownBy(() -> EngineOptions.builder().path("/socket.io").build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EngineOptions.builder().pingInterval(Duration.ZERO).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EngineOptions.builder().maxPayload(0).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EngineOptions.builder().sendQueueBytes(0).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EngineOptions.builder().transports(Set.of()).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EngineOptions.builder().transports(Set.of("flash")).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void allowsListedOriginsOrAnyWithAStar() {
    EngineOptions listed =
        EngineOptions.builder().corsOrigins(List.of("https://a.example")).build();
    EngineOptions any = EngineOptions.builder().corsOrigins(List.of("*")).build();

    assertThat(listed.allowsOrigin("https://a.example")).isTrue();
    assertThat(listed.allowsOrigin("https://b.example")).isFalse();
    assertThat(listed.allowsOrigin(null)).isFalse();
    assertThat(any.allowsOrigin("https://b.example")).isTrue();
    assertThat(EngineOptions.defaults().allowsOrigin("https://a.example")).isFalse();
  }
}

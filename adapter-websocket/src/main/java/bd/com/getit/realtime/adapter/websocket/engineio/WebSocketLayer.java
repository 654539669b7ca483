package bd.com.getit.realtime.adapter.websocket.engineio;

import java.util.Locale;

/** What carries the websockets of the Engine.IO path on the bundled Grizzly server. */
public enum WebSocketLayer {
  /**
   * This adapter's own layer on Grizzly: its filter answers the upgrade, and each connection reads
   * and writes its frames without a websocket container: less CPU per handshake and per message,
   * and less memory per idle socket.
   */
  GRIZZLY,

  /** Tyrus, the jakarta.websocket container. */
  TYRUS;

  /** The layer named {@code name} ({@code grizzly} or {@code tyrus}, any case). */
  public static WebSocketLayer of(String name) {
    String lower = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    return switch (lower) {
      case "grizzly" -> GRIZZLY;
      case "tyrus" -> TYRUS;
      default ->
          throw new IllegalArgumentException(
              "unknown websocket layer '" + name + "': grizzly or tyrus");
    };
  }
}

package bd.com.getit.realtime.adapter.websocket.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The namespaces the official {@code socket.io-protocol} test suite talks to: {@code /} and {@code
 * /custom} accept everyone, emit {@code auth} with the CONNECT payload, echo {@code message} as
 * {@code message-back} and acknowledge {@code message-with-ack} with its arguments.
 */
public final class SocketIoConformance {

  private SocketIoConformance() {}

  public static Map<String, NamespaceHandler> handlers() {
    return Map.of("/", new EchoHandler(), "/custom", new EchoHandler());
  }

  /** Accepts every client and echoes what it sends, binary attachments included. */
  private static final class EchoHandler implements NamespaceHandler {

    @Override
    public CompletionStage<ConnectDecision> authorize(Handshake handshake) {
      return CompletableFuture.completedFuture(
          ConnectDecision.accept(SocketIds.generate(), Optional.empty(), false));
    }

    @Override
    public void onConnect(SioSocket socket) {
      socket.emit("auth", List.of(socket.handshake().auth()));
    }

    @Override
    public void onEvent(SioSocket socket, String event, List<JsonNode> args, Ack ack) {
      if ("message".equals(event)) {
        socket.emit("message-back", args);
      } else if ("message-with-ack".equals(event) && ack != null) {
        ack.send(args);
      }
    }

    @Override
    public void onDisconnect(SioSocket socket, String reason) {}
  }
}

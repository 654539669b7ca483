package bd.com.getit.realtime.adapter.websocket.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The namespaces the official {@code socket.io-protocol} test suite talks to: {@code /} and {@code
 * /custom} accept everyone, emit {@code auth} with the CONNECT payload, echo {@code message} as
 * {@code message-back} and acknowledge {@code message-with-ack} with its arguments.
 */
public final class SocketIoConformance {

  private SocketIoConformance() {}

  /** The handlers, sending {@code auth} a few milliseconds after the CONNECT reply. */
  public static Map<String, NamespaceHandler> handlers() {
    return handlers(CompletableFuture.delayedExecutor(5, TimeUnit.MILLISECONDS));
  }

  /** The handlers, sending {@code auth} through {@code afterConnectReply}. */
  public static Map<String, NamespaceHandler> handlers(Executor afterConnectReply) {
    return Map.of(
        "/", new EchoHandler(afterConnectReply), "/custom", new EchoHandler(afterConnectReply));
  }

  /** Accepts every client and echoes what it sends, binary attachments included. */
  private static final class EchoHandler implements NamespaceHandler {
    private final Executor afterConnectReply;

    EchoHandler(Executor afterConnectReply) {
      this.afterConnectReply = afterConnectReply;
    }

    @Override
    public CompletionStage<ConnectDecision> authorize(Handshake handshake) {
      return CompletableFuture.completedFuture(
          ConnectDecision.accept(SocketIds.generate(), Optional.empty(), false));
    }

    @Override
    public void onConnect(SioSocket socket) {
      // The suite reads one frame per one-shot listener: when the CONNECT reply and this event
      // arrive in one TCP read, it loses the second. Node's server sends this event an event-loop
      // turn after the reply; a short delay gives the same spacing.
      JsonNode auth = socket.handshake().auth(); // released once onConnect returns
      CompletableFuture.runAsync(() -> socket.emit("auth", List.of(auth)), afterConnectReply);
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

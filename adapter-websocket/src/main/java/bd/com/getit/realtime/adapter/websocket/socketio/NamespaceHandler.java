package bd.com.getit.realtime.adapter.websocket.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The application behind one namespace. Callbacks of one socket come in order and never
 * concurrently (except {@link #busyReply}); they run on the node's client worker threads ({@link
 * ClientWorkers}), never on a network thread, and must not block (return stages).
 */
public interface NamespaceHandler {

  /**
   * A client asked to connect (CONNECT packet). Complete with {@link ConnectDecision#accept} to
   * send the CONNECT reply, or {@link ConnectDecision#reject} for a CONNECT_ERROR.
   *
   * @param handshake the socket's handshake data: its auth payload, query, headers, address
   */
  CompletionStage<ConnectDecision> authorize(Handshake handshake);

  /** The CONNECT reply has been queued: the socket is live. */
  void onConnect(SioSocket socket);

  /**
   * An EVENT arrived.
   *
   * @param args the arguments after the event name (binary placeholders already replaced by {@code
   *     BinaryNode}s)
   * @param ack non-null when the client asked for an acknowledgement; call it at most once
   */
  void onEvent(SioSocket socket, String event, List<JsonNode> args, Ack ack);

  /**
   * The socket left: {@code reason} as Socket.IO names it (e.g. {@code client namespace
   * disconnect}).
   */
  void onDisconnect(SioSocket socket, String reason);

  /**
   * The ack arguments for an event refused because this node's client workers are saturated (its
   * session or the node has too many messages waiting). Called on a network thread, possibly while
   * another callback of the socket runs: it must be cheap, thread-safe and never block.
   */
  default List<JsonNode> busyReply() {
    return List.of();
  }

  /** Sends the acknowledgement of one client event. */
  @FunctionalInterface
  interface Ack {
    void send(List<JsonNode> args);
  }
}

package bd.com.getit.realtime.adapter.websocket.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The application behind one namespace. Callbacks of one socket come in order and never
 * concurrently; they run on network or worker threads and must not block (return stages).
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

  /** Sends the acknowledgement of one client event. */
  @FunctionalInterface
  interface Ack {
    void send(List<JsonNode> args);
  }
}

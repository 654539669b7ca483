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
   * A plain EVENT (not binary) arrived, offered as its packet's text before any decoding, so that a
   * handler can read the events it knows straight into what it needs. Return false, having touched
   * neither the socket nor the ack, to have the packet decoded and delivered to {@link #onEvent} as
   * usual: that is what a handler must do with anything it does not fully understand, so that
   * malformed packets get the ordinary treatment (the session closed) and bad payloads their
   * ordinary error.
   *
   * @param text the whole packet, {@code 2[/ns,][id]<json>}
   * @param dataStart the index of its JSON data in {@code text}
   * @param ack non-null when the client asked for an acknowledgement
   */
  default boolean onEventText(SioSocket socket, String text, int dataStart, Ack ack) {
    return false;
  }

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

    /**
     * Sends the acknowledgement whose one argument is {@code json}, JSON text the caller wrote (and
     * vouches for); read before this returns, not kept. The socket's own acks write it straight
     * into the packet; this default decodes it for {@link #send}.
     */
    default void sendJson(CharSequence json) {
      try {
        send(List.of(SocketIoCodec.JSON.readTree(json.toString())));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalArgumentException("not JSON: " + json, e);
      }
    }
  }
}

package bd.com.getit.realtime.adapter.websocket.socketio;

import bd.com.getit.realtime.adapter.websocket.engineio.PreparedMessage;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One connected Socket.IO socket in one namespace. Thread-safe; nothing here blocks: every emit
 * queues to the Engine.IO session's bounded send queue.
 */
public interface SioSocket {

  /** The Socket.IO socket id (not the Engine.IO sid). */
  String id();

  String namespace();

  /** The Engine.IO session carrying this socket. */
  bd.com.getit.realtime.adapter.websocket.engineio.EngineSocket engine();

  /** Emits {@code event} with {@code args}; false when the send queue refused it. */
  boolean emit(String event, List<JsonNode> args);

  /**
   * Emits {@code event} asking for the client's acknowledgement (added for the server's
   * emit-with-ack).
   *
   * @return completes with the ack's arguments; fails with a {@code TimeoutException} after {@code
   *     timeout}, or an {@code IllegalStateException} when the socket is gone, its send queue
   *     refused the packet or too many acks are pending
   */
  default CompletableFuture<List<JsonNode>> emitWithAck(
      String event, List<JsonNode> args, Duration timeout) {
    return CompletableFuture.failedFuture(new UnsupportedOperationException("emitWithAck"));
  }

  /**
   * The handshake this socket connected with, while {@code onConnect} runs; afterwards it is
   * released (a live socket does not keep the CONNECT's auth, which holds the token) and this
   * throws {@link IllegalStateException}.
   */
  default Handshake handshake() {
    throw new UnsupportedOperationException("handshake");
  }

  /** Sends an already encoded Socket.IO packet (text, encoded once for many sockets). */
  boolean sendEncoded(String packet);

  /** Sends a Socket.IO packet prepared once for many sockets (the fanout's path). */
  default boolean sendEncoded(PreparedMessage packet) {
    return sendEncoded(packet.text());
  }

  /** Sends DISCONNECT for this namespace and ends the socket (server namespace disconnect). */
  void disconnect();

  /** Attaches the application's per-socket state. */
  void attach(Object attachment);

  <T> T attachment(Class<T> type);
}

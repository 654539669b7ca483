package bd.com.getit.realtime.adapter.websocket.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

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

  /** Sends an already encoded Socket.IO packet (text, encoded once for many sockets). */
  boolean sendEncoded(String packet);

  /** Sends DISCONNECT for this namespace and ends the socket (server namespace disconnect). */
  void disconnect();

  /** Attaches the application's per-socket state. */
  void attach(Object attachment);

  <T> T attachment(Class<T> type);
}

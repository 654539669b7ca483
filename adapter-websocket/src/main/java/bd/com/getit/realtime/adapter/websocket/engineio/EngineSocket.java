package bd.com.getit.realtime.adapter.websocket.engineio;

import java.util.List;
import java.util.Map;

/**
 * One Engine.IO session as the layer above sees it, whatever its transport (and across an upgrade
 * from polling to websocket). Thread-safe: send from any thread; sends never block, they queue to
 * the session's bounded send queue, written by the transport in order.
 */
public interface EngineSocket {

  /** The Engine.IO session id ({@code sid}). */
  String id();

  /** {@code polling} or {@code websocket}: the current transport. */
  String transport();

  /** The client's address (the TCP peer). */
  String remoteAddress();

  /** The handshake request's query parameters. */
  Map<String, List<String>> query();

  /** The handshake request's headers, names lower-case. */
  Map<String, List<String>> headers();

  /**
   * Queues a text message packet ({@code 4<text>}).
   *
   * @return false when the send queue is full or the socket is closed (the message is dropped)
   */
  boolean send(String text);

  /**
   * Queues a text message packet prepared once for many sockets: the same as {@code
   * send(message.text())}, without encoding it again for this socket.
   */
  default boolean send(PreparedMessage message) {
    return send(message.text());
  }

  /**
   * Queues a binary message packet; on polling it is sent base64 ({@code b<base64>}). The array is
   * queued as is, not copied: do not modify it after the call.
   */
  boolean send(byte[] binary);

  /**
   * Queues several packets atomically, in order (a Socket.IO binary event and its attachments).
   * Each element is a {@code String} or a {@code byte[]}.
   */
  boolean sendAll(List<Object> packets);

  /** How many bytes wait in the send queue now: the backpressure signal. */
  long queuedBytes();

  /** Closes the session (sends a close packet where the transport allows), then reports close. */
  void close();

  boolean isOpen();

  /** Attaches an object of the layer above (the Socket.IO client state). */
  void attach(Object attachment);

  <T> T attachment(Class<T> type);

  /**
   * Tells the socket what kind of link it is on (the client's {@code network_info}, or a backed-up
   * send queue), for the wire counters; {@link LinkClass#UNKNOWN} until told.
   */
  default void linkClass(LinkClass link) {}
}

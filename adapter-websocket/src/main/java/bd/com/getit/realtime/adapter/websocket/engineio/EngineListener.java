package bd.com.getit.realtime.adapter.websocket.engineio;

/**
 * What the layer above Engine.IO (Socket.IO, or the conformance echo) is told. Callbacks of one
 * socket never run concurrently and come in order; they run on network or worker threads and must
 * not block.
 */
public interface EngineListener {

  /** A session was opened (after the handshake reply was written). */
  void onOpen(EngineSocket socket);

  /** A text message packet arrived. */
  void onMessage(EngineSocket socket, String text);

  /** A binary message packet arrived. */
  void onBinary(EngineSocket socket, byte[] data);

  /**
   * The session ended: {@code reason} is one of {@code transport close}, {@code transport error},
   * {@code ping timeout}, {@code parse error}, {@code forced close}, {@code server shutting down}.
   * Called exactly once per session.
   */
  void onClose(EngineSocket socket, String reason);
}

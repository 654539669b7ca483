package bd.com.getit.realtime.adapter.websocket.engineio;

import java.nio.ByteBuffer;

/**
 * One accepted websocket as the transport and the cluster relay see it, whichever layer carries it:
 * Tyrus ({@link TyrusConnection}, the standard jakarta endpoint) or this adapter's own layer on
 * Grizzly ({@link GrizzlyWebSocket}). Thread-safe; no method blocks.
 */
public interface WebSocketConnection {

  /** Where the client's messages and the end of the connection go. */
  interface Receiver {
    /** A whole text message, on the thread that read it (a network thread: must not block). */
    void onText(String message);

    /** A whole binary message, on the thread that read it. */
    void onBinary(byte[] message);

    /** The connection closed, by either side or abruptly. */
    void onClosed();

    /** The connection failed (a protocol error, a read error); it is closed. */
    void onError(Throwable error);
  }

  /**
   * Writes whole frames built by this adapter straight to the connection, or null when this
   * connection cannot take raw frames (then {@link #sendText} and {@link #sendBinary} carry the
   * messages).
   */
  RawFrameWriter frames();

  /** Sends one text message; {@code done} is told once it is written or failed. */
  void sendText(String message, RawFrameWriter.Done done);

  /** Sends one binary message; {@code done} is told once it is written or failed. */
  void sendBinary(ByteBuffer message, RawFrameWriter.Done done);

  /**
   * From now on, the client's messages go to {@code receiver}. Over Tyrus the end of the connection
   * is reported by the endpoint, not here.
   */
  void receive(Receiver receiver);

  /** Closes with a close frame of {@code code} and {@code reason}, then the connection. */
  void close(int code, String reason);

  /** Ends the connection without a close handshake. */
  void abort();

  /** Whether the connection is open and no close has begun. */
  boolean isOpen();
}

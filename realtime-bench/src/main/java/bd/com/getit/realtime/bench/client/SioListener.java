package bd.com.getit.realtime.bench.client;

/**
 * What a scenario hears from its connections. Called on the connection's loop thread: return
 * quickly, never block.
 */
public interface SioListener {

  /** The {@code /realtime} namespace accepted the CONNECT. */
  default void connected(SioConnection connection) {}

  /** The connection failed before or after it was connected, or the server closed it. */
  default void closed(SioConnection connection, String reason) {}

  /**
   * An EVENT packet; {@code buffer[offset, offset + length)} is its JSON array (the text after
   * {@code 42/realtime,}), valid only during the call.
   */
  default void event(
      SioConnection connection, byte[] buffer, int offset, int length, long receivedNanos) {}
}

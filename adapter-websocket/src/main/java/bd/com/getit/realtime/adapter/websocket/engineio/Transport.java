package bd.com.getit.realtime.adapter.websocket.engineio;

/**
 * A transport of one {@link EngineSession}. Every method is called without the session lock held
 * and never blocks.
 */
interface Transport {

  /** {@code polling} or {@code websocket}. */
  String name();

  /** Writes what the session has queued, if the transport can write now. */
  void flush();

  /**
   * Orderly close: write what is queued, then a close packet, then tell the session it is closed.
   */
  void beginClose();

  /**
   * Tears the transport down now. {@code clientInitiated}: the client asked to close (a pending
   * poll is answered with a noop packet rather than a close packet).
   */
  void abort(boolean clientInitiated);

  /**
   * The session has just been closed; called with the session lock held, before {@link #abort}, so
   * that what the transport decides here cannot race with a request that sees the session closed.
   * Must not block nor call out of the transport.
   */
  default void closedLocked(boolean clientInitiated) {}
}

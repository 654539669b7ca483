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
   * Called with the session lock held right after the session queued a packet: decides what {@link
   * #flush} would decide under the lock, so a send takes the lock once. True when the caller must
   * then call {@link #flushClaimed} without the lock. Must not block nor call out of the transport.
   */
  default boolean claimFlushLocked() {
    return true;
  }

  /**
   * Continues a flush that {@link #claimFlushLocked} claimed, without the session lock held; {@code
   * mode} is the calling thread's.
   */
  default void flushClaimed(DirectWrites.Mode mode) {
    flush();
  }

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

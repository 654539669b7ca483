package bd.com.getit.realtime.adapter.websocket.engineio;

import jakarta.websocket.Session;
import java.nio.ByteBuffer;

/**
 * Writes websocket frames built by this adapter (server frames: unmasked, unfragmented) to one
 * connection, so that one encoding serves every socket of a fanout and several queued frames go out
 * in one write.
 */
public interface RawFrameWriter {

  /** The end of one write. */
  @FunctionalInterface
  interface Done {
    /**
     * Called once per write, with null when the transport has taken the bytes, else with the
     * failure; possibly on the writing thread before {@link #write} returns, else on a network
     * thread (it must not block).
     */
    void done(Throwable failure);
  }

  /**
   * Writes whole frames, without blocking; {@code frames} is not modified until {@code done} runs.
   * Never throws for an I/O failure: {@code done} gets it.
   */
  void write(ByteBuffer frames, Done done);

  /**
   * The raw writer of a Tyrus session, or null when raw frames cannot be written to it: straight to
   * its Grizzly connection when it has one ({@link GrizzlyFrames}), else through Tyrus's protocol
   * handler ({@link TyrusRawFrames}).
   */
  static RawFrameWriter of(Session ws) {
    return TyrusRawFrames.of(ws);
  }
}

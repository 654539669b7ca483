package bd.com.getit.realtime.adapter.websocket.engineio;

import jakarta.websocket.Session;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletionStage;

/**
 * Writes websocket frames built by this adapter (server frames: unmasked, unfragmented) to one
 * connection, so that one encoding serves every socket of a fanout and several queued frames go out
 * in one write.
 */
interface RawFrameWriter {

  /** Writes whole frames; completes when the transport has taken the bytes. */
  CompletionStage<?> write(ByteBuffer frames);

  /** The raw writer of a Tyrus session, or null when raw frames cannot be written to it. */
  static RawFrameWriter of(Session ws) {
    return TyrusRawFrames.of(ws);
  }
}

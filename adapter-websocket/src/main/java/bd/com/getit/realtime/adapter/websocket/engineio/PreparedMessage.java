package bd.com.getit.realtime.adapter.websocket.engineio;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A text message encoded once for many sockets: the Engine.IO packet ({@code 4<text>}) as an
 * unmasked websocket text frame, header included, and its queue weight. Every websocket socket
 * writes the same bytes, so a fanout pays for the encoding once, not once per socket; the same
 * holds for its compressed frame. Immutable but for that cache.
 */
public final class PreparedMessage {

  private final String text;
  private final byte[] frame;
  private final long weight;
  // the one packet every socket's queue holds for this message: no packet per socket
  private final EnginePacket packet;

  /**
   * The frame compressed with permessage-deflate, built by the first socket that needs it and kept
   * for the others. The server negotiates one configuration only (no context takeover, 15-bit
   * windows: {@link PerMessageDeflate}), so one compressed frame is valid for every socket that
   * negotiated it. Two writers racing build the same bytes; either copy may be kept.
   */
  private volatile byte[] deflatedFrame;

  private PreparedMessage(String text, byte[] frame, long weight) {
    this.text = text;
    this.frame = frame;
    this.weight = weight;
    this.packet = new EnginePacket(PacketType.MESSAGE, text, null, this);
  }

  /** Prepares the message packet carrying {@code text} (a Socket.IO packet). */
  public static PreparedMessage of(String text) {
    Objects.requireNonNull(text, "text");
    byte[] payload = (PacketType.MESSAGE.code() + text).getBytes(StandardCharsets.UTF_8);
    return new PreparedMessage(text, WebSocketFrames.text(payload), payload.length);
  }

  /** The message's text, without the Engine.IO type character (what polling sends). */
  public String text() {
    return text;
  }

  /** The message packet queued to every socket; shared. */
  EnginePacket packet() {
    return packet;
  }

  /** The whole websocket frame; shared, never modify it. */
  byte[] frame() {
    return frame;
  }

  /**
   * The frame for a socket with permessage-deflate: compressed once, for every socket; the plain
   * frame when compression does not make it smaller. Shared, never modify it.
   */
  byte[] deflatedFrame() {
    byte[] deflated = deflatedFrame;
    if (deflated == null) {
      int payloadLength = (int) weight;
      deflated = WebSocketFrames.deflatedText(frame, frame.length - payloadLength, payloadLength);
      if (deflated.length >= frame.length) {
        deflated = frame;
      }
      deflatedFrame = deflated;
    }
    return deflated;
  }

  /** Bytes the packet weighs in a send queue: its UTF-8 data plus the type character. */
  public long weight() {
    return weight;
  }
}

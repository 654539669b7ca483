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

  // null until a polling socket (or a test) asks: a websocket fanout only needs the frame
  private volatile String text;
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
    this.packet = EnginePacket.prepared(this);
  }

  /** Prepares the message packet carrying {@code text} (a Socket.IO packet). */
  public static PreparedMessage of(String text) {
    Objects.requireNonNull(text, "text");
    byte[] frame = WebSocketFrames.message(text);
    return new PreparedMessage(text, frame, WebSocketFrames.payloadLength(frame));
  }

  /**
   * Prepares the message packet carrying the Socket.IO packet being built in {@code text} (a
   * reusable buffer, read here and not kept): its chars are encoded straight into the frame's
   * bytes, with no intermediate {@code String} or {@code byte[]}. The text is decoded back from the
   * frame only if a long-polling socket asks for it.
   */
  public static PreparedMessage of(CharSequence text) {
    Objects.requireNonNull(text, "text");
    byte[] frame = WebSocketFrames.message(text);
    return new PreparedMessage(null, frame, WebSocketFrames.payloadLength(frame));
  }

  /** The message's text, without the Engine.IO type character (what polling sends). */
  public String text() {
    String decoded = text;
    if (decoded == null) {
      // the payload after the type character; racing callers decode equal strings
      int start = frame.length - (int) weight + 1;
      decoded = new String(frame, start, frame.length - start, StandardCharsets.UTF_8);
      text = decoded;
    }
    return decoded;
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

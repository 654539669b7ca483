package bd.com.getit.realtime.adapter.websocket.engineio;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A text message encoded once for many sockets: the Engine.IO packet ({@code 4<text>}) as an
 * unmasked websocket text frame, header included, and its queue weight. Every websocket socket
 * writes the same bytes, so a fanout pays for the encoding once, not once per socket. Immutable.
 */
public final class PreparedMessage {

  private final String text;
  private final byte[] frame;
  private final long weight;

  private PreparedMessage(String text, byte[] frame, long weight) {
    this.text = text;
    this.frame = frame;
    this.weight = weight;
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

  /** The whole websocket frame; shared, never modify it. */
  byte[] frame() {
    return frame;
  }

  /** Bytes the packet weighs in a send queue: its UTF-8 data plus the type character. */
  long weight() {
    return weight;
  }
}

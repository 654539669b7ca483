package bd.com.getit.realtime.adapter.websocket.engineio;

import java.nio.charset.StandardCharsets;

/**
 * Builds unmasked (server to client) websocket data frames, RFC 6455 section 5.2, unfragmented;
 * with permessage-deflate (RFC 7692), compressed with RSV1 set when the payload reaches the
 * threshold and compression makes it smaller.
 */
final class WebSocketFrames {

  private static final int FIN = 0x80;
  private static final int RSV1 = 0x40;
  private static final int OPCODE_TEXT = 0x1;
  private static final int OPCODE_BINARY = 0x2;

  private WebSocketFrames() {}

  /** A text frame around UTF-8 {@code payload}. */
  static byte[] text(byte[] payload) {
    return frame(OPCODE_TEXT, payload, false);
  }

  /** A binary frame around {@code payload}. */
  static byte[] binary(byte[] payload) {
    return frame(OPCODE_BINARY, payload, false);
  }

  /**
   * The text frame of the Engine.IO message packet carrying {@code text}: the type character and
   * the chars encoded as UTF-8 straight into the frame (an unpaired surrogate becomes {@code ?}, as
   * {@link String#getBytes} writes it), so the frame is the only copy.
   */
  static byte[] message(CharSequence text) {
    int length = 1 + EngineCodec.utf8Length(text);
    int header = headerLength(length);
    byte[] frame = new byte[header + length];
    writeHeader(frame, OPCODE_TEXT, length, false);
    frame[header] = (byte) PacketType.MESSAGE.code();
    int at = header + 1;
    int chars = text.length();
    for (int i = 0; i < chars; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        frame[at++] = (byte) c;
      } else if (c < 0x800) {
        frame[at++] = (byte) (0xC0 | (c >> 6));
        frame[at++] = (byte) (0x80 | (c & 0x3F));
      } else if (!Character.isSurrogate(c)) {
        frame[at++] = (byte) (0xE0 | (c >> 12));
        frame[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        frame[at++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isHighSurrogate(c)
          && i + 1 < chars
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, text.charAt(++i));
        frame[at++] = (byte) (0xF0 | (cp >> 18));
        frame[at++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        frame[at++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        frame[at++] = (byte) (0x80 | (cp & 0x3F));
      } else {
        frame[at++] = '?';
      }
    }
    return frame;
  }

  /** The payload length of an unmasked, unfragmented frame built here. */
  static int payloadLength(byte[] frame) {
    int length = frame[1] & 0x7F;
    if (length < 126) {
      return length;
    }
    if (length == 126) {
      return ((frame[2] & 0xFF) << 8) | (frame[3] & 0xFF);
    }
    return frame.length - 10;
  }

  /** The frame an Engine.IO packet travels in: text, or binary for binary messages. */
  static byte[] of(EnginePacket packet) {
    if (packet.prepared() != null) {
      return packet.prepared().frame();
    }
    if (packet.isBinary()) {
      return frame(OPCODE_BINARY, packet.binary(), false);
    }
    return text(EngineCodec.encodeFrame(packet).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The frame of {@code packet} for a socket that negotiated permessage-deflate: compressed when
   * {@code compression} applies to its size. A prepared message is compressed once for every socket
   * ({@link PreparedMessage#deflatedFrame}); any other packet for this socket alone.
   */
  static byte[] of(EnginePacket packet, Compression compression) {
    if (packet.prepared() != null) {
      PreparedMessage prepared = packet.prepared();
      return compression.applies(prepared.weight()) ? prepared.deflatedFrame() : prepared.frame();
    }
    int opcode = packet.isBinary() ? OPCODE_BINARY : OPCODE_TEXT;
    byte[] payload =
        packet.isBinary()
            ? packet.binary()
            : EngineCodec.encodeFrame(packet).getBytes(StandardCharsets.UTF_8);
    return compression.applies(payload.length)
        ? deflated(opcode, payload, 0, payload.length)
        : frame(opcode, payload, false);
  }

  /**
   * The frame of {@code packet} compressed by a socket's own {@link ContextDeflater} (every data
   * frame, whatever its size: the deflater's history must hold exactly what the client inflated);
   * null when that deflater has been ended.
   */
  static byte[] ofContext(EnginePacket packet, ContextDeflater context) {
    byte[] compressed;
    int opcode;
    if (packet.prepared() != null) {
      byte[] plain = packet.prepared().frame();
      int length = (int) packet.prepared().weight();
      compressed = context.compress(plain, plain.length - length, length);
      opcode = OPCODE_TEXT;
    } else {
      byte[] payload =
          packet.isBinary()
              ? packet.binary()
              : EngineCodec.encodeFrame(packet).getBytes(StandardCharsets.UTF_8);
      compressed = context.compress(payload, 0, payload.length);
      opcode = packet.isBinary() ? OPCODE_BINARY : OPCODE_TEXT;
    }
    return compressed == null ? null : frame(opcode, compressed, true);
  }

  /**
   * The text frame of {@code length} payload bytes at {@code offset}, compressed; the plain frame
   * when compression does not make it smaller.
   */
  static byte[] deflatedText(byte[] data, int offset, int length) {
    return deflated(OPCODE_TEXT, data, offset, length);
  }

  private static byte[] deflated(int opcode, byte[] data, int offset, int length) {
    byte[] compressed = Deflate.compress(data, offset, length);
    if (compressed.length >= length) {
      byte[] payload = new byte[length];
      System.arraycopy(data, offset, payload, 0, length);
      return frame(opcode, payload, false);
    }
    return frame(opcode, compressed, true);
  }

  /** Whether {@code frame} was built compressed. */
  static boolean isCompressed(byte[] frame) {
    return (frame[0] & RSV1) != 0;
  }

  /** The length of an unmasked frame carrying {@code payloadLength} bytes, header included. */
  static long frameLength(long payloadLength) {
    return headerLength(payloadLength) + payloadLength;
  }

  private static int headerLength(long length) {
    return length < 126 ? 2 : length <= 0xFFFF ? 4 : 10;
  }

  private static byte[] frame(int opcode, byte[] payload, boolean compressed) {
    int length = payload.length;
    int header = headerLength(length);
    byte[] frame = new byte[header + length];
    writeHeader(frame, opcode, length, compressed);
    System.arraycopy(payload, 0, frame, header, length);
    return frame;
  }

  private static void writeHeader(byte[] frame, int opcode, int length, boolean compressed) {
    frame[0] = (byte) (FIN | (compressed ? RSV1 : 0) | opcode);
    if (length < 126) {
      frame[1] = (byte) length;
    } else if (length <= 0xFFFF) {
      frame[1] = 126;
      frame[2] = (byte) (length >>> 8);
      frame[3] = (byte) length;
    } else {
      frame[1] = 127;
      long value = length;
      for (int i = 0; i < 8; i++) {
        frame[2 + i] = (byte) (value >>> (56 - 8 * i));
      }
    }
  }
}

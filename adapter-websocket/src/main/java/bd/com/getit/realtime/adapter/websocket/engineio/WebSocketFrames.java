package bd.com.getit.realtime.adapter.websocket.engineio;

import java.nio.charset.StandardCharsets;

/** Builds unmasked (server to client) websocket data frames, RFC 6455 section 5.2, unfragmented. */
final class WebSocketFrames {

  private static final int FIN = 0x80;
  private static final int OPCODE_TEXT = 0x1;
  private static final int OPCODE_BINARY = 0x2;

  private WebSocketFrames() {}

  /** A text frame around UTF-8 {@code payload}. */
  static byte[] text(byte[] payload) {
    return frame(OPCODE_TEXT, payload);
  }

  /** The frame an Engine.IO packet travels in: text, or binary for binary messages. */
  static byte[] of(EnginePacket packet) {
    if (packet.prepared() != null) {
      return packet.prepared().frame();
    }
    if (packet.isBinary()) {
      return frame(OPCODE_BINARY, packet.binary());
    }
    return text(EngineCodec.encodeFrame(packet).getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] frame(int opcode, byte[] payload) {
    int length = payload.length;
    int header = length < 126 ? 2 : length <= 0xFFFF ? 4 : 10;
    byte[] frame = new byte[header + length];
    frame[0] = (byte) (FIN | opcode);
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
    System.arraycopy(payload, 0, frame, header, length);
    return frame;
  }
}

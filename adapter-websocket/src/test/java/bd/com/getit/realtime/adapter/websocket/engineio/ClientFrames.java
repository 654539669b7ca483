package bd.com.getit.realtime.adapter.websocket.engineio;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.Deflater;

/** Builds websocket frames as a client sends them (masked with a random key), for reader tests. */
final class ClientFrames {

  static final int CONTINUATION = 0x0;
  static final int TEXT = 0x1;
  static final int BINARY = 0x2;
  static final int CLOSE = 0x8;
  static final int PING = 0x9;
  static final int PONG = 0xA;

  static final int FIN = 0x80;
  static final int RSV1 = 0x40;
  static final int RSV2 = 0x20;
  static final int RSV3 = 0x10;

  private final Random random;

  ClientFrames(Random random) {
    this.random = random;
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  byte[] text(String message) {
    return frame(FIN | TEXT, utf8(message));
  }

  byte[] binary(byte[] message) {
    return frame(FIN | BINARY, message);
  }

  byte[] ping(String payload) {
    return frame(FIN | PING, utf8(payload));
  }

  byte[] close(int code, String reason) {
    byte[] text = utf8(reason);
    byte[] payload = new byte[2 + text.length];
    payload[0] = (byte) (code >> 8);
    payload[1] = (byte) code;
    System.arraycopy(text, 0, payload, 2, text.length);
    return frame(FIN | CLOSE, payload);
  }

  /** A masked frame with the shortest length encoding. */
  byte[] frame(int b0, byte[] payload) {
    return frame(b0, payload, true);
  }

  byte[] frame(int b0, byte[] payload, boolean masked) {
    int length = payload.length;
    long code = length < 126 ? length : length <= 0xFFFF ? 126 : 127;
    return frame(b0, payload, masked, code, length);
  }

  /**
   * A frame with the length code ({@code 0..127}) and the declared length given, for frames that
   * lie about their length or use an unusual encoding.
   */
  byte[] frame(int b0, byte[] payload, boolean masked, long lengthCode, long declaredLength) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(b0);
    out.write((masked ? 0x80 : 0) | (int) lengthCode);
    if (lengthCode == 126) {
      out.write((int) (declaredLength >> 8));
      out.write((int) declaredLength);
    } else if (lengthCode == 127) {
      for (int shift = 56; shift >= 0; shift -= 8) {
        out.write((int) (declaredLength >>> shift));
      }
    }
    byte[] body = payload.clone();
    if (masked) {
      byte[] key = new byte[4];
      random.nextBytes(key);
      out.writeBytes(key);
      for (int i = 0; i < body.length; i++) {
        body[i] ^= key[i & 3];
      }
    }
    out.writeBytes(body);
    return out.toByteArray();
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  /**
   * A message compressed as permessage-deflate sends it: raw DEFLATE, sync flush, the trailing
   * {@code 00 00 ff ff} removed. {@code deflater} keeps its window between calls unless reset.
   */
  static byte[] compress(Deflater deflater, byte[] message) {
    deflater.setInput(message);
    byte[] out = new byte[message.length + 1024];
    int written = 0;
    while (true) {
      written += deflater.deflate(out, written, out.length - written, Deflater.SYNC_FLUSH);
      if (written < out.length) {
        break;
      }
      out = Arrays.copyOf(out, out.length * 2);
    }
    return Arrays.copyOf(out, written - 4);
  }

  /** One message compressed on its own (no context takeover). */
  static byte[] compress(byte[] message) {
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    try {
      return compress(deflater, message);
    } finally {
      deflater.end();
    }
  }
}

package bd.com.getit.realtime.bench.client;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/**
 * RFC 6455 framing as a client needs it: masked frames out, unmasked server frames in. Pure and
 * thread-safe.
 */
public final class WsFrames {

  public static final int OP_CONTINUATION = 0x0;
  public static final int OP_TEXT = 0x1;
  public static final int OP_BINARY = 0x2;
  public static final int OP_CLOSE = 0x8;
  public static final int OP_PING = 0x9;
  public static final int OP_PONG = 0xA;

  private WsFrames() {}

  /** A final, masked client frame of {@code opcode} carrying {@code payload}. */
  public static byte[] clientFrame(int opcode, byte[] payload) {
    return clientFrame(opcode, payload, ThreadLocalRandom.current().nextInt());
  }

  /** As {@link #clientFrame(int, byte[])} with a given masking key (for tests). */
  public static byte[] clientFrame(int opcode, byte[] payload, int maskKey) {
    int length = payload.length;
    int header = length < 126 ? 2 : length <= 0xFFFF ? 4 : 10;
    byte[] frame = new byte[header + 4 + length];
    frame[0] = (byte) (0x80 | opcode);
    if (length < 126) {
      frame[1] = (byte) (0x80 | length);
    } else if (length <= 0xFFFF) {
      frame[1] = (byte) (0x80 | 126);
      frame[2] = (byte) (length >>> 8);
      frame[3] = (byte) length;
    } else {
      frame[1] = (byte) (0x80 | 127);
      for (int i = 0; i < 8; i++) {
        frame[2 + i] = (byte) ((long) length >>> (56 - 8 * i));
      }
    }
    byte[] mask = {
      (byte) (maskKey >>> 24), (byte) (maskKey >>> 16), (byte) (maskKey >>> 8), (byte) maskKey
    };
    System.arraycopy(mask, 0, frame, header, 4);
    int base = header + 4;
    for (int i = 0; i < length; i++) {
      frame[base + i] = (byte) (payload[i] ^ mask[i & 3]);
    }
    return frame;
  }

  /** A final, masked text frame. */
  public static byte[] text(String text) {
    return clientFrame(OP_TEXT, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Receives the frames that {@link #parse} finds complete. */
  public interface FrameSink {
    /** One complete frame; the payload is {@code buffer[offset, offset + length)}, unmasked. */
    void frame(boolean fin, int opcode, byte[] buffer, int offset, int length);
  }

  /**
   * Parses the complete frames in {@code buffer[offset, limit)}.
   *
   * @return the index of the first byte not consumed (the start of an incomplete frame, or limit)
   * @throws IllegalStateException when a server frame is masked or announces an absurd length
   */
  public static int parse(byte[] buffer, int offset, int limit, FrameSink sink) {
    int pos = offset;
    while (limit - pos >= 2) {
      int b0 = buffer[pos] & 0xFF;
      int b1 = buffer[pos + 1] & 0xFF;
      if ((b1 & 0x80) != 0) {
        throw new IllegalStateException("the server sent a masked frame");
      }
      int len7 = b1 & 0x7F;
      int header;
      long length;
      if (len7 < 126) {
        header = 2;
        length = len7;
      } else if (len7 == 126) {
        if (limit - pos < 4) {
          break;
        }
        header = 4;
        length = ((buffer[pos + 2] & 0xFF) << 8) | (buffer[pos + 3] & 0xFF);
      } else {
        if (limit - pos < 10) {
          break;
        }
        header = 10;
        length = 0;
        for (int i = 0; i < 8; i++) {
          length = (length << 8) | (buffer[pos + 2 + i] & 0xFF);
        }
        if (length < 0 || length > Integer.MAX_VALUE - 16) {
          throw new IllegalStateException("frame too long: " + length);
        }
      }
      if (limit - pos < header + length) {
        break;
      }
      sink.frame((b0 & 0x80) != 0, b0 & 0x0F, buffer, pos + header, (int) length);
      pos += header + (int) length;
    }
    return pos;
  }
}

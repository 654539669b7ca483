package bd.com.getit.realtime.adapter.websocket.engineio;

import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Raw DEFLATE as permessage-deflate uses it (RFC 7692 section 7.2): each message compressed on its
 * own (no context takeover, so the bytes of one message are valid for every socket), flushed with a
 * sync flush whose empty-block tail {@code 00 00 ff ff} is cut off; inflation puts the tail back
 * and stops at a limit, so that a small frame cannot expand into a large allocation.
 *
 * <p>One deflater and one inflater per thread (the writer pool's, the selector's): a {@link
 * Deflater} holds a few hundred KiB of native memory, far too much to keep per socket, and with no
 * context takeover nothing of one message is needed for the next.
 */
final class Deflate {

  /** The tail a sync flush ends with, removed from and restored to every message. */
  private static final byte[] TAIL = {0, 0, (byte) 0xff, (byte) 0xff};

  private static final ThreadLocal<Deflater> DEFLATERS =
      ThreadLocal.withInitial(() -> new Deflater(Deflater.DEFAULT_COMPRESSION, true));

  private static final ThreadLocal<Inflater> INFLATERS =
      ThreadLocal.withInitial(() -> new Inflater(true));

  private Deflate() {}

  /** The compressed form of one whole message. */
  static byte[] compress(byte[] payload) {
    return compress(payload, 0, payload.length);
  }

  /**
   * The compressed form of one whole message, {@code length} bytes of {@code data} at {@code
   * offset}.
   */
  static byte[] compress(byte[] data, int offset, int length) {
    Deflater deflater = DEFLATERS.get();
    deflater.reset();
    deflater.setInput(data, offset, length);
    byte[] out = new byte[Math.max(64, length / 2 + 64)];
    int written = 0;
    while (true) {
      written += deflater.deflate(out, written, out.length - written, Deflater.SYNC_FLUSH);
      if (written < out.length) {
        break; // the flush is complete when it leaves room unused
      }
      out = Arrays.copyOf(out, out.length * 2);
    }
    deflater.reset();
    // a sync flush always ends with the empty stored block's tail: RFC 7692 removes it
    return Arrays.copyOf(out, written - TAIL.length);
  }

  /**
   * Inflates one whole compressed message of at most {@code limit} bytes once inflated.
   *
   * @throws DataFormatException when the data is not DEFLATE or inflates past {@code limit}
   */
  static byte[] decompress(byte[] compressed, int limit) throws DataFormatException {
    Inflater inflater = INFLATERS.get();
    try {
      return inflate(inflater, compressed, true, limit);
    } finally {
      inflater.reset();
    }
  }

  /**
   * Inflates one frame of a message with {@code inflater}, which carries the message's state from
   * frame to frame; {@code last} restores the flush tail after the message's last frame.
   */
  static byte[] inflate(Inflater inflater, byte[] compressed, boolean last, int limit)
      throws DataFormatException {
    byte[] input = compressed;
    if (last) {
      input = Arrays.copyOf(compressed, compressed.length + TAIL.length);
      System.arraycopy(TAIL, 0, input, compressed.length, TAIL.length);
    }
    inflater.setInput(input);
    byte[] out = new byte[Math.min(limit + 1, Math.max(256, compressed.length * 4))];
    int length = 0;
    while (true) {
      if (length == out.length) {
        if (length > limit) {
          throw new DataFormatException("inflates past " + limit + " bytes");
        }
        out = Arrays.copyOf(out, (int) Math.min((long) limit + 1, out.length * 2L));
      }
      int n = inflater.inflate(out, length, out.length - length);
      length += n;
      if (length > limit) {
        throw new DataFormatException("inflates past " + limit + " bytes");
      }
      if (n == 0) {
        if (inflater.needsDictionary()) {
          throw new DataFormatException("a preset dictionary is not part of permessage-deflate");
        }
        if (inflater.needsInput() || inflater.finished()) {
          break;
        }
      }
    }
    return Arrays.copyOf(out, length);
  }
}

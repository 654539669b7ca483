package bd.com.getit.realtime.adapter.websocket.engineio;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF) for websocket
 * text, which must be valid as a whole message (RFC 6455 section 8.1). The check is incremental so
 * that a code point may span fragments, and pure ASCII, most Engine.IO traffic, is recognised eight
 * bytes at a time and turned into a string with no decoder.
 */
final class Utf8 {

  /** The state between whole code points. */
  static final int ACCEPT = 0;

  /** The state after an invalid byte; final. */
  static final int REJECT = -1;

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private static final long HIGH_BITS = 0x8080808080808080L;

  /** A continuation byte, 0x80 to 0xBF, as {@code remaining | low << 8 | high << 16}. */
  private static final int ANY = 0x80 << 8 | 0xBF << 16;

  /** Where text up to this many bytes is decoded (per thread: a decode never calls out). */
  private static final int SCRATCH_CHARS = 4096;

  private static final ThreadLocal<char[]> SCRATCH =
      ThreadLocal.withInitial(() -> new char[SCRATCH_CHARS]);

  private Utf8() {}

  /**
   * The text of {@code length} bytes of {@code bytes} at {@code offset}, or null when they are not
   * complete, valid UTF-8.
   */
  static String decode(byte[] bytes, int offset, int length) {
    int end = offset + length;
    int ascii = asciiEnd(bytes, offset, end);
    if (ascii == end) {
      // every byte < 0x80: Latin-1 decoding is a plain copy into a compact string
      return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
    }
    // checked and decoded in one pass into chars (never more chars than bytes), so that the string
    // is the only allocation; the JDK's decoding would check again and size its array twice
    char[] chars = length <= SCRATCH_CHARS ? SCRATCH.get() : new char[length];
    int n = 0;
    for (int i = offset; i < ascii; i++) {
      chars[n++] = (char) bytes[i];
    }
    int i = ascii;
    while (i < end) {
      int c = bytes[i] & 0xFF;
      if (c < 0x80) {
        chars[n++] = (char) c;
        i++;
        continue;
      }
      int state = lead(c);
      int follow = state & 3;
      if (state == REJECT || i + follow >= end) {
        return null;
      }
      int c1 = bytes[i + 1] & 0xFF;
      if (c1 < ((state >>> 8) & 0xFF) || c1 > (state >>> 16)) {
        return null;
      }
      int codePoint;
      if (follow == 1) {
        codePoint = (c & 0x1F) << 6 | (c1 & 0x3F);
      } else {
        int c2 = bytes[i + 2] & 0xFF;
        if ((c2 & 0xC0) != 0x80) {
          return null;
        }
        if (follow == 2) {
          codePoint = (c & 0x0F) << 12 | (c1 & 0x3F) << 6 | (c2 & 0x3F);
        } else {
          int c3 = bytes[i + 3] & 0xFF;
          if ((c3 & 0xC0) != 0x80) {
            return null;
          }
          codePoint = (c & 0x07) << 18 | (c1 & 0x3F) << 12 | (c2 & 0x3F) << 6 | (c3 & 0x3F);
        }
      }
      if (codePoint >= Character.MIN_SUPPLEMENTARY_CODE_POINT) {
        chars[n++] = Character.highSurrogate(codePoint);
        chars[n++] = Character.lowSurrogate(codePoint);
      } else {
        chars[n++] = (char) codePoint;
      }
      i += follow + 1;
    }
    return new String(chars, 0, n);
  }

  /** The index of the first byte at or after {@code from} that is not ASCII, or {@code to}. */
  static int asciiEnd(byte[] bytes, int from, int to) {
    int i = from;
    for (; i + Long.BYTES <= to; i += Long.BYTES) {
      if (((long) LONGS.get(bytes, i) & HIGH_BITS) != 0) {
        break;
      }
    }
    while (i < to && bytes[i] >= 0) {
      i++;
    }
    return i;
  }

  /**
   * The state after the bytes {@code from} to {@code to} of {@code bytes}, starting in {@code
   * state}: {@link #ACCEPT} at the end of a code point, {@link #REJECT} once a byte is invalid, any
   * other value in the middle of one.
   */
  static int validate(int state, byte[] bytes, int from, int to) {
    int i = from;
    while (i < to) {
      if (state == REJECT) {
        return REJECT;
      }
      int c = bytes[i++] & 0xFF;
      if (state == ACCEPT) {
        state = lead(c);
      } else if (c < ((state >>> 8) & 0xFF) || c > (state >>> 16)) {
        state = REJECT;
      } else {
        int remaining = (state & 3) - 1;
        state = remaining == 0 ? ACCEPT : remaining | ANY;
      }
    }
    return state;
  }

  /** The state after the first byte of a code point: how many bytes follow and the next's range. */
  private static int lead(int c) {
    if (c < 0x80) {
      return ACCEPT;
    }
    if (c >= 0xC2 && c <= 0xDF) {
      return 1 | ANY;
    }
    if (c == 0xE0) {
      return 2 | 0xA0 << 8 | 0xBF << 16; // no overlong three-byte forms
    }
    if (c == 0xED) {
      return 2 | 0x80 << 8 | 0x9F << 16; // no surrogates
    }
    if (c >= 0xE1 && c <= 0xEF) {
      return 2 | ANY;
    }
    if (c == 0xF0) {
      return 3 | 0x90 << 8 | 0xBF << 16; // no overlong four-byte forms
    }
    if (c >= 0xF1 && c <= 0xF3) {
      return 3 | ANY;
    }
    if (c == 0xF4) {
      return 3 | 0x80 << 8 | 0x8F << 16; // nothing above U+10FFFF
    }
    return REJECT;
  }
}

package bd.com.getit.realtime.bench.scenario;

import java.nio.charset.StandardCharsets;

/** Reads the few fields the bench needs straight from a packet's bytes, without a JSON parser. */
final class Scan {

  private Scan() {}

  static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  /** Whether {@code b[offset..]} starts with {@code prefix}. */
  static boolean startsWith(byte[] b, int offset, int length, byte[] prefix) {
    if (length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (b[offset + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * The non-negative integer that follows the first {@code key} (e.g. {@code "seq":}) in {@code
   * b[offset, offset + length)}, or -1 when there is none.
   */
  static long longAfter(byte[] b, int offset, int length, byte[] key) {
    int end = offset + length;
    outer:
    for (int i = offset; i <= end - key.length; i++) {
      for (int j = 0; j < key.length; j++) {
        if (b[i + j] != key[j]) {
          continue outer;
        }
      }
      int k = i + key.length;
      long value = 0;
      int digits = 0;
      while (k < end && b[k] >= '0' && b[k] <= '9') {
        value = value * 10 + (b[k] - '0');
        k++;
        digits++;
      }
      return digits == 0 ? -1 : value;
    }
    return -1;
  }
}

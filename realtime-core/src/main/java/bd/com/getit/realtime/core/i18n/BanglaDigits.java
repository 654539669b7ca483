package bd.com.getit.realtime.core.i18n;

/** Converts between ASCII digits 0-9 and Bangla digits ০-৯; every other character is kept. */
public final class BanglaDigits {

  private static final char BANGLA_ZERO = '\u09E6';

  private BanglaDigits() {}

  /** {@code "2026"} to {@code "২০২৬"}. */
  public static String toBangla(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      out.append(c >= '0' && c <= '9' ? (char) (BANGLA_ZERO + (c - '0')) : c);
    }
    return out.toString();
  }

  /** {@code "২০২৬"} to {@code "2026"}. */
  public static String toAscii(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      out.append(isBanglaDigit(c) ? (char) ('0' + (c - BANGLA_ZERO)) : c);
    }
    return out.toString();
  }

  public static boolean isBanglaDigit(char c) {
    return c >= BANGLA_ZERO && c <= BANGLA_ZERO + 9;
  }
}

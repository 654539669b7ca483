package bd.com.getit.realtime.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Writes an instant exactly as {@link Instant#toString()} does (ISO-8601 in UTC, the fraction in
 * groups of three digits, none when zero), without the {@code DateTimeFormatter} machinery that
 * costs a few percent of a handshake (the {@code authenticated} event's {@code server_time}, each
 * {@code presence_update}'s {@code last_seen}). Years 1970 to 9999 take the short way; any other
 * instant is left to {@code Instant.toString()}.
 */
public final class IsoInstants {
  /** 9999-12-31T23:59:59Z, the last second with a four-digit year. */
  private static final long LAST_SHORT_SECOND = 253_402_300_799L;

  private IsoInstants() {}

  /** The same text as {@code instant.toString()}. */
  public static String format(Instant instant) {
    long seconds = instant.getEpochSecond();
    if (seconds < 0 || seconds > LAST_SHORT_SECOND) {
      return instant.toString();
    }
    LocalDate date = LocalDate.ofEpochDay(seconds / 86_400);
    int ofDay = (int) (seconds % 86_400);
    int nanos = instant.getNano();
    int fraction = nanos == 0 ? 0 : nanos % 1_000_000 == 0 ? 3 : nanos % 1_000 == 0 ? 6 : 9;
    char[] text = new char[20 + (fraction == 0 ? 0 : fraction + 1)];
    digits(text, 0, date.getYear(), 4);
    text[4] = '-';
    digits(text, 5, date.getMonthValue(), 2);
    text[7] = '-';
    digits(text, 8, date.getDayOfMonth(), 2);
    text[10] = 'T';
    digits(text, 11, ofDay / 3_600, 2);
    text[13] = ':';
    digits(text, 14, ofDay / 60 % 60, 2);
    text[16] = ':';
    digits(text, 17, ofDay % 60, 2);
    int at = 19;
    if (fraction > 0) {
      text[at++] = '.';
      int value = fraction == 3 ? nanos / 1_000_000 : fraction == 6 ? nanos / 1_000 : nanos;
      digits(text, at, value, fraction);
      at += fraction;
    }
    text[at] = 'Z';
    return new String(text);
  }

  /**
   * Appends the same text as {@code instant.toString()} to {@code out}: a payload written straight
   * into an encoder's buffer needs no string of its own.
   */
  public static void appendTo(Instant instant, StringBuilder out) {
    long seconds = instant.getEpochSecond();
    if (seconds < 0 || seconds > LAST_SHORT_SECOND) {
      out.append(instant.toString());
      return;
    }
    LocalDate date = LocalDate.ofEpochDay(seconds / 86_400);
    int ofDay = (int) (seconds % 86_400);
    int nanos = instant.getNano();
    int fraction = nanos == 0 ? 0 : nanos % 1_000_000 == 0 ? 3 : nanos % 1_000 == 0 ? 6 : 9;
    digits(out, date.getYear(), 4);
    digits(out.append('-'), date.getMonthValue(), 2);
    digits(out.append('-'), date.getDayOfMonth(), 2);
    digits(out.append('T'), ofDay / 3_600, 2);
    digits(out.append(':'), ofDay / 60 % 60, 2);
    digits(out.append(':'), ofDay % 60, 2);
    if (fraction > 0) {
      int value = fraction == 3 ? nanos / 1_000_000 : fraction == 6 ? nanos / 1_000 : nanos;
      digits(out.append('.'), value, fraction);
    }
    out.append('Z');
  }

  private static void digits(StringBuilder out, int value, int width) {
    int divisor = 1;
    for (int i = 1; i < width; i++) {
      divisor *= 10;
    }
    for (; divisor > 0; divisor /= 10) {
      out.append((char) ('0' + value / divisor % 10));
    }
  }

  /** Writes {@code value} as {@code width} decimal digits, zero-padded, at {@code from}. */
  private static void digits(char[] text, int from, int value, int width) {
    for (int i = from + width - 1; i >= from; i--) {
      text[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}

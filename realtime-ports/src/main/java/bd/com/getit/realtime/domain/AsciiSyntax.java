package bd.com.getit.realtime.domain;

import java.util.Objects;

/**
 * The syntax of an identifier: a length range, the ASCII characters allowed, and optionally those
 * allowed first; checked by a table lookup per character. Ids, channel names and event names are
 * checked on every message, where a regular expression costs a {@code Matcher} and its arrays each
 * time. Thread-safe and immutable.
 */
public final class AsciiSyntax {
  private final boolean[] first = new boolean[128];
  private final boolean[] rest = new boolean[128];
  private final int min;
  private final int max;
  private final String description;

  private AsciiSyntax(String firstChars, String restChars, int min, int max) {
    if (min < 1 || max < min) {
      throw new IllegalArgumentException("1 <= min <= max");
    }
    mark(first, firstChars);
    mark(rest, restChars);
    this.min = min;
    this.max = max;
    this.description =
        firstChars.equals(restChars)
            ? "[" + restChars + "]{" + min + "," + max + "}"
            : "[" + firstChars + "][" + restChars + "]{" + (min - 1) + "," + (max - 1) + "}";
  }

  /**
   * {@code min} to {@code max} characters from {@code chars}, a character class body as in a
   * regular expression (ranges like {@code a-z}; a {@code -} last stands for itself).
   */
  public static AsciiSyntax of(String chars, int min, int max) {
    return new AsciiSyntax(chars, chars, min, max);
  }

  /** As {@link #of}, the first character from {@code firstChars}. */
  public static AsciiSyntax of(String firstChars, String restChars, int min, int max) {
    return new AsciiSyntax(firstChars, restChars, min, max);
  }

  /** Whether {@code value} is of this syntax; false for null. */
  public boolean matches(String value) {
    if (value == null || value.length() < min || value.length() > max) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= 128 || !(i == 0 ? first : rest)[c]) {
        return false;
      }
    }
    return true;
  }

  /** The syntax as the regular expression it stands for, for error messages. */
  @Override
  public String toString() {
    return description;
  }

  private static void mark(boolean[] table, String chars) {
    Objects.requireNonNull(chars, "chars");
    for (int i = 0; i < chars.length(); i++) {
      char c = chars.charAt(i);
      if (i + 2 < chars.length() && chars.charAt(i + 1) == '-') {
        char to = chars.charAt(i + 2);
        for (char x = c; x <= to; x++) {
          table[x] = true;
        }
        i += 2;
      } else {
        table[c] = true;
      }
    }
  }
}

package bd.com.getit.realtime.domain.notification;

import java.util.Locale;
import java.util.Optional;

/** What a template parameter holds, and so how it is checked and written for each language. */
public enum ParameterType {
  /** Any text, written as given (a product's name). */
  TEXT,
  /** A number, written with the reader's digits and grouping; plurals may depend on it. */
  NUMBER,
  /** An amount of taka: {@code ৳১২,৪৯৯} in Bangla, {@code Tk 12,499} in English. */
  AMOUNT,
  /** A moment (ISO-8601), written in Bangladesh time. */
  TIME;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ParameterType> fromWire(String name) {
    for (ParameterType t : values()) {
      if (t.wireName().equals(name)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}

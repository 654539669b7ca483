package bd.com.getit.realtime.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/** Shared validation of the textual identifiers used by the typed id records. */
final class Ids {
  static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_.:@-]{1,200}");

  private Ids() {}

  static String require(String value, String what) {
    Objects.requireNonNull(value, what);
    if (!SAFE.matcher(value).matches()) {
      throw new IllegalArgumentException(what + " must match " + SAFE.pattern() + ": " + value);
    }
    return value;
  }
}

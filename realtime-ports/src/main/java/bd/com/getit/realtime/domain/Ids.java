package bd.com.getit.realtime.domain;

import java.util.Objects;

/** Shared validation of the textual identifiers used by the typed id records. */
final class Ids {
  static final AsciiSyntax SAFE = AsciiSyntax.of("A-Za-z0-9_.:@-", 1, 200);

  private Ids() {}

  static String require(String value, String what) {
    Objects.requireNonNull(value, what);
    if (!SAFE.matches(value)) {
      throw new IllegalArgumentException(what + " must match " + SAFE + ": " + value);
    }
    return value;
  }
}

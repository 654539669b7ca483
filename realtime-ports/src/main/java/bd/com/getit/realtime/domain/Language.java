package bd.com.getit.realtime.domain;

import java.util.Locale;
import java.util.Optional;

/** The languages the server writes text in for people; Bangla is the platform's first. */
public enum Language {
  EN,
  BN;

  /** {@code bn} for any tag starting with {@code bn}, else {@code en}. */
  public static Language fromTag(String tag) {
    return tag != null && tag.toLowerCase(Locale.ROOT).startsWith("bn") ? BN : EN;
  }

  /**
   * The language a tag names ({@code bn}, {@code bn-BD}, {@code en}, {@code en-US}: the primary
   * subtag decides); empty for any other tag, so that the next source of the reader's language is
   * asked (PROTOCOL 10.3).
   */
  public static Optional<Language> parse(String tag) {
    if (tag == null) {
      return Optional.empty();
    }
    String primary = tag.strip().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
    return switch (primary) {
      case "bn" -> Optional.of(BN);
      case "en" -> Optional.of(EN);
      default -> Optional.empty();
    };
  }

  /** {@code bn} or {@code en}. */
  public String tag() {
    return name().toLowerCase(Locale.ROOT);
  }
}

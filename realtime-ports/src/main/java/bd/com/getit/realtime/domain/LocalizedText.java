package bd.com.getit.realtime.domain;

import java.util.Objects;
import java.util.Optional;

/** A text for people in English and, where given, Bangla. */
public record LocalizedText(String english, Optional<String> bangla) {
  public LocalizedText {
    Objects.requireNonNull(english, "english");
    Objects.requireNonNull(bangla, "bangla");
  }

  public static LocalizedText of(String english, String bangla) {
    return new LocalizedText(english, Optional.ofNullable(bangla));
  }

  public String in(Language language) {
    return language == Language.BN ? bangla.orElse(english) : english;
  }
}

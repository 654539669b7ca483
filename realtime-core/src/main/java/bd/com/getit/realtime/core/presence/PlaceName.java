package bd.com.getit.realtime.core.presence;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One place of the {@link Gazetteer}: a division or a district of Bangladesh, its canonical English
 * name, its Bangla name and the other spellings people write.
 *
 * @param kind division or district
 * @param english the canonical English name, as counts are keyed
 * @param bangla the name in Bangla script
 * @param division the canonical name of the division a district lies in; empty for a division
 * @param variants other spellings, in either script
 */
public record PlaceName(
    Kind kind, String english, String bangla, Optional<String> division, List<String> variants) {

  /** The two levels of the gazetteer. */
  public enum Kind {
    DIVISION,
    DISTRICT
  }

  public PlaceName {
    Objects.requireNonNull(kind, "kind");
    english = required(english, "english name");
    bangla = required(bangla, "Bangla name");
    Objects.requireNonNull(division, "division");
    variants = List.copyOf(variants);
    if ((kind == Kind.DISTRICT) != division.isPresent()) {
      throw new IllegalArgumentException(
          english + ": a district names its division, a division names none");
    }
    if (english.indexOf('/') >= 0) {
      throw new IllegalArgumentException(english + ": a name has no '/'");
    }
  }

  /** Every spelling that names this place: the English and Bangla names and the variants. */
  public List<String> spellings() {
    return Stream.concat(Stream.of(english, bangla), variants.stream()).toList();
  }

  private static String required(String value, String what) {
    Objects.requireNonNull(value, what);
    if (value.isBlank()) {
      throw new IllegalArgumentException(what + " is blank");
    }
    return value.strip();
  }
}

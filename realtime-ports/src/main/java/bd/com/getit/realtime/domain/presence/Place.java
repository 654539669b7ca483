package bd.com.getit.realtime.domain.presence;

import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.RealtimeException;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a user is counted in the online figures: a division of Bangladesh by its canonical English
 * name and, when known, a district of it, or {@link #OTHER} for a location no gazetteer knows
 * (PROTOCOL section 9 {@code GET /online-users}). The core resolves free-text locations to places;
 * names hold no {@code /}, which joins division and district in {@link #districtKey()}.
 *
 * @param division the canonical division name, or {@code Other}
 * @param district the canonical district name, when known
 */
public record Place(String division, Optional<String> district) {
  /** A user with no location, or one no gazetteer knows: counted under {@code "Other"}. */
  public static final Place OTHER = new Place(OnlineUsers.OTHER, Optional.empty());

  public Place {
    division = name(division, "division");
    Objects.requireNonNull(district, "district");
    district = district.map(d -> name(d, "district"));
    if (division.equals(OnlineUsers.OTHER) && district.isPresent()) {
      throw new IllegalArgumentException("Other has no districts");
    }
  }

  public static Place of(String division) {
    return new Place(division, Optional.empty());
  }

  public static Place of(String division, String district) {
    return new Place(division, Optional.of(district));
  }

  /** {@code "<division>/<district>"}, the key of {@code by_district}, when there is a district. */
  public Optional<String> districtKey() {
    return district.map(d -> division + "/" + d);
  }

  private static String name(String value, String what) {
    Objects.requireNonNull(value, what);
    if (value.isBlank() || value.length() > Location.MAX_LENGTH || value.indexOf('/') >= 0) {
      throw new RealtimeException(
          ErrorCode.PAYLOAD_INVALID,
          what + " is 1 to " + Location.MAX_LENGTH + " characters without '/'");
    }
    return value;
  }
}

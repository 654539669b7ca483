package bd.com.getit.realtime.domain.presence;

import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.RealtimeException;
import java.util.Objects;
import java.util.Optional;

/** Where a user is, as free text: a division (Dhaka) and optionally a district (Dhanmondi). */
public record Location(String division, Optional<String> district) {
  public static final int MAX_LENGTH = 64;

  public Location {
    division = clean(division, "division");
    Objects.requireNonNull(district, "district");
    district = district.map(d -> clean(d, "district"));
  }

  public static Location of(String division, String district) {
    return new Location(division, Optional.ofNullable(district).filter(d -> !d.isBlank()));
  }

  private static String clean(String value, String what) {
    Objects.requireNonNull(value, what);
    String v = value.strip();
    if (v.isEmpty() || v.length() > MAX_LENGTH || v.chars().anyMatch(Character::isISOControl)) {
      throw new RealtimeException(
          ErrorCode.PAYLOAD_INVALID, what + " is 1 to " + MAX_LENGTH + " printable characters");
    }
    return v;
  }
}

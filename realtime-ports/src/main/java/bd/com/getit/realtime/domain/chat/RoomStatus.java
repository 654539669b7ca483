package bd.com.getit.realtime.domain.chat;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a room is in its life: {@code active} takes messages; {@code closed} (the conversation is
 * over) and {@code archived} (put away by staff) take none (PROTOCOL section 10.2).
 */
public enum RoomStatus {
  ACTIVE,
  CLOSED,
  ARCHIVED;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The status named {@code wire} exactly (lower case), if any. */
  public static Optional<RoomStatus> fromWire(String wire) {
    for (RoomStatus s : values()) {
      if (s.wireName().equals(wire)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}

package bd.com.getit.realtime.domain.chat;

import java.util.Locale;
import java.util.Optional;

/**
 * A participant's part in a room: the four values of the platform's {@code chat_rooms} collection
 * (PROTOCOL section 10.1). Requests name one of them ({@code agent}, the name earlier versions
 * took, is still read as {@link #SUPPORT_AGENT}); {@link #fromStored} also reads the names earlier
 * versions wrote into stores.
 */
public enum ParticipantRole {
  CUSTOMER,
  VENDOR,
  SUPPORT_AGENT,
  ADMIN;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The role named {@code wire} in a request (any case, surrounding blanks ignored), if any. */
  public static Optional<ParticipantRole> fromWire(String wire) {
    if (wire == null) {
      return Optional.empty();
    }
    String name = wire.strip().toLowerCase(Locale.ROOT);
    if (name.equals("agent")) {
      return Optional.of(SUPPORT_AGENT);
    }
    for (ParticipantRole role : values()) {
      if (role.wireName().equals(name)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }

  /**
   * The role of a stored participant. Rooms stored by earlier versions may hold {@code owner} or
   * {@code member}, read as {@link #CUSTOMER} (the default role of a participant), so that they
   * stay readable.
   */
  public static Optional<ParticipantRole> fromStored(String stored) {
    if (stored == null) {
      return Optional.empty();
    }
    return switch (stored.strip().toLowerCase(Locale.ROOT)) {
      case "owner", "member" -> Optional.of(CUSTOMER);
      default -> fromWire(stored);
    };
  }
}

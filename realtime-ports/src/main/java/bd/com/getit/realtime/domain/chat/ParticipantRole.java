package bd.com.getit.realtime.domain.chat;

import java.util.Locale;
import java.util.Optional;

/**
 * A participant's part in a room. On the wire the support desk's role is {@code support_agent}, as
 * in the platform's {@code chat_rooms} collection (PROTOCOL section 10.1); {@code agent}, the name
 * earlier versions wrote, is still read.
 */
public enum ParticipantRole {
  OWNER,
  MEMBER,
  CUSTOMER,
  VENDOR,
  SUPPORT_AGENT,
  ADMIN;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The role of {@code wire} (any case; {@code agent} is {@link #SUPPORT_AGENT}), if any. */
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
}

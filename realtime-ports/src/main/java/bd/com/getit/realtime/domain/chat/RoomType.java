package bd.com.getit.realtime.domain.chat;

import java.util.Locale;
import java.util.Optional;

/** The kinds of chat room. */
public enum RoomType {
  CUSTOMER_SUPPORT,
  VENDOR_CHAT,
  GROUP_CHAT;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<RoomType> fromWire(String name) {
    for (RoomType t : values()) {
      if (t.wireName().equals(name)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}

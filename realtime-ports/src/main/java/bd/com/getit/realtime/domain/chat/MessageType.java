package bd.com.getit.realtime.domain.chat;

import java.util.Locale;
import java.util.Optional;

/** The kinds of chat message. */
public enum MessageType {
  TEXT,
  IMAGE,
  FILE,
  PRODUCT,
  ORDER;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<MessageType> fromWire(String name) {
    for (MessageType t : values()) {
      if (t.wireName().equals(name)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}

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

  // values() copies its array on every call; each message's type is read through here
  private static final MessageType[] VALUES = values();

  // written once: compared for every message sent
  private final String wireName = name().toLowerCase(Locale.ROOT);

  public String wireName() {
    return wireName;
  }

  public static Optional<MessageType> fromWire(String name) {
    for (MessageType t : VALUES) {
      if (t.wireName.equals(name)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}

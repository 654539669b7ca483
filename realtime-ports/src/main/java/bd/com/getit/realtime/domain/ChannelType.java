package bd.com.getit.realtime.domain;

import java.util.Locale;
import java.util.Optional;

/** The kinds of channel of PROTOCOL section 3; the prefix before the colon. */
public enum ChannelType {
  USER,
  PRODUCT,
  AUCTION,
  CHAT,
  ORDER,
  VENDOR,
  ADMIN,
  SYSTEM;

  // values() copies its array on every call, and every channel name is parsed through here
  private static final ChannelType[] VALUES = values();

  // written once: the prefix is compared for every channel name parsed (each message's channel)
  private final String prefix = name().toLowerCase(Locale.ROOT);

  /** The prefix as written on the wire, e.g. {@code product}. */
  public String prefix() {
    return prefix;
  }

  public static Optional<ChannelType> fromPrefix(String prefix) {
    for (ChannelType t : VALUES) {
      if (t.prefix.equals(prefix)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}

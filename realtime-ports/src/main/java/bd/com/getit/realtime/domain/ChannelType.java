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

  /** The prefix as written on the wire, e.g. {@code product}. */
  public String prefix() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ChannelType> fromPrefix(String prefix) {
    for (ChannelType t : values()) {
      if (t.prefix().equals(prefix)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}

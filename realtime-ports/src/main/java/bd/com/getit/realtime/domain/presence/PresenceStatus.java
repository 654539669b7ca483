package bd.com.getit.realtime.domain.presence;

import java.util.Locale;
import java.util.Optional;

/**
 * A user's availability. Declared from least to most present: across devices the user shows the
 * most present status of any device.
 */
public enum PresenceStatus {
  OFFLINE,
  AWAY,
  BUSY,
  ONLINE;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<PresenceStatus> fromWire(String name) {
    for (PresenceStatus s : values()) {
      if (s.wireName().equals(name)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}

package bd.com.getit.realtime.domain;

import java.util.Locale;
import java.util.Optional;

/** Delivery priority: {@code low} may be shed for slow sockets; {@code high} and up never are. */
public enum Priority {
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Priority> fromWire(String name) {
    for (Priority p : values()) {
      if (p.wireName().equals(name)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** Whether a socket on a slow or backed-up link may drop this event. */
  public boolean sheddable() {
    return this == LOW;
  }
}

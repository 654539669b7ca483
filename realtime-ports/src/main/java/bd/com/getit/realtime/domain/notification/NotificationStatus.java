package bd.com.getit.realtime.domain.notification;

import java.util.Locale;

/** A notification's progress, in order: it only ever moves forward. */
public enum NotificationStatus {
  SENT,
  DELIVERED,
  READ,
  CLICKED;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean isBefore(NotificationStatus other) {
    return ordinal() < other.ordinal();
  }
}

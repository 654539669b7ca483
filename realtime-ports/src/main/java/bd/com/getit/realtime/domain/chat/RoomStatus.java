package bd.com.getit.realtime.domain.chat;

import java.util.Locale;

/** Whether a room takes new messages. */
public enum RoomStatus {
  ACTIVE,
  CLOSED;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}

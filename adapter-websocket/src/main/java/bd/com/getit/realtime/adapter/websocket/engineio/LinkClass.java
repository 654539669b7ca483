package bd.com.getit.realtime.adapter.websocket.engineio;

import java.util.Locale;

/**
 * The kind of link a socket is on, as the layer above knows it (the client's {@code network_info},
 * or a send queue that stays backed up): the label the wire counters are kept under.
 */
public enum LinkClass {
  UNKNOWN,
  G2,
  G3,
  G4,
  WIFI,
  BACKED_UP;

  /** The metric label: {@code unknown}, {@code 2g}, {@code 3g}, {@code 4g}, {@code wifi}, ... */
  public String label() {
    return switch (this) {
      case G2 -> "2g";
      case G3 -> "3g";
      case G4 -> "4g";
      default -> name().toLowerCase(Locale.ROOT).replace('_', '-');
    };
  }
}

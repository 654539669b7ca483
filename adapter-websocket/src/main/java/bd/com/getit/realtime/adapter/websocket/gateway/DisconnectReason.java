package bd.com.getit.realtime.adapter.websocket.gateway;

import java.util.Locale;

/**
 * Why a {@code /realtime} socket ended, as a closed set for counting: the Socket.IO reasons, and
 * {@link #OTHER} for any reason not known here (so a new reason never grows the set of series).
 */
public enum DisconnectReason {
  TRANSPORT_CLOSE("transport close"),
  TRANSPORT_ERROR("transport error"),
  PING_TIMEOUT("ping timeout"),
  PARSE_ERROR("parse error"),
  CLIENT_NAMESPACE_DISCONNECT("client namespace disconnect"),
  SERVER_NAMESPACE_DISCONNECT("server namespace disconnect"),
  SERVER_SHUTTING_DOWN("server shutting down"),
  FORCED_CLOSE("forced close"),
  FORCED_SERVER_CLOSE("forced server close"),
  OTHER("other");

  private static final DisconnectReason[] ALL = values();

  private final String socketIoReason;

  DisconnectReason(String socketIoReason) {
    this.socketIoReason = socketIoReason;
  }

  /** The Socket.IO reason string. */
  public String socketIoReason() {
    return socketIoReason;
  }

  /** The metric label: {@code transport_close}, ... */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The reason of a Socket.IO reason string; {@link #OTHER} for an unknown one. */
  public static DisconnectReason of(String reason) {
    for (DisconnectReason r : ALL) {
      if (r.socketIoReason.equals(reason)) {
        return r;
      }
    }
    return OTHER;
  }
}

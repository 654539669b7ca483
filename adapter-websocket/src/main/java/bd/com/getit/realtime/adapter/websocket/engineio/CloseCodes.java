package bd.com.getit.realtime.adapter.websocket.engineio;

/**
 * The websocket close codes this server sends or judges (RFC 6455 section 7.4, IANA registry), and
 * which codes a peer may put in a close frame.
 */
final class CloseCodes {

  static final int NORMAL = 1000;
  static final int GOING_AWAY = 1001;
  static final int PROTOCOL_ERROR = 1002;

  /** Never on the wire: reported when a close frame carries no code. */
  static final int NO_STATUS = 1005;

  static final int INVALID_PAYLOAD = 1007;
  static final int MESSAGE_TOO_BIG = 1009;

  private CloseCodes() {}

  /**
   * Whether a peer may send {@code code} in a close frame: the registered codes except those
   * reserved for local use (1004, 1005, 1006, 1015), and the ranges for libraries and applications
   * (3000-4999). Anything else is a protocol error.
   */
  static boolean allowedOnWire(int code) {
    if (code >= 3000 && code <= 4999) {
      return true;
    }
    return code >= 1000 && code <= 1014 && code != 1004 && code != 1005 && code != 1006;
  }
}

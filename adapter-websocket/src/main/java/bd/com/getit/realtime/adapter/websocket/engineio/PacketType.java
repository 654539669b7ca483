package bd.com.getit.realtime.adapter.websocket.engineio;

/** The seven Engine.IO packet types and their one-character wire codes. */
enum PacketType {
  OPEN('0'),
  CLOSE('1'),
  PING('2'),
  PONG('3'),
  MESSAGE('4'),
  UPGRADE('5'),
  NOOP('6');

  private static final PacketType[] BY_CODE = values();

  private final char code;

  PacketType(char code) {
    this.code = code;
  }

  char code() {
    return code;
  }

  /** The type for a wire code, or null when the code is unknown. */
  static PacketType fromCode(char code) {
    int index = code - '0';
    if (index < 0 || index >= BY_CODE.length) {
      return null;
    }
    return BY_CODE[index];
  }
}

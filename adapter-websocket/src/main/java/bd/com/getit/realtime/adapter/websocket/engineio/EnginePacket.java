package bd.com.getit.realtime.adapter.websocket.engineio;

import java.util.Objects;

/**
 * One Engine.IO packet: a type and either text data (possibly empty) or binary data (message
 * packets only). A message prepared once for many sockets keeps its encoding in {@code prepared}
 * (its text is the same), so that no socket encodes or measures it again.
 */
record EnginePacket(PacketType type, String text, byte[] binary, PreparedMessage prepared) {

  static final EnginePacket PING = new EnginePacket(PacketType.PING, "", null);
  static final EnginePacket PONG = new EnginePacket(PacketType.PONG, "", null);
  static final EnginePacket CLOSE = new EnginePacket(PacketType.CLOSE, "", null);
  static final EnginePacket NOOP = new EnginePacket(PacketType.NOOP, "", null);
  static final EnginePacket UPGRADE = new EnginePacket(PacketType.UPGRADE, "", null);

  EnginePacket(PacketType type, String text, byte[] binary) {
    this(type, text, binary, null);
  }

  EnginePacket {
    Objects.requireNonNull(type, "type");
    if (prepared != null) {
      if (type != PacketType.MESSAGE || text != null || binary != null) {
        throw new IllegalArgumentException("a prepared message carries its own text");
      }
    } else if ((text == null) == (binary == null)) {
      throw new IllegalArgumentException("exactly one of text and binary");
    }
    if (binary != null && type != PacketType.MESSAGE) {
      throw new IllegalArgumentException("only message packets carry binary data");
    }
  }

  static EnginePacket text(PacketType type, String text) {
    return new EnginePacket(type, text, null);
  }

  static EnginePacket message(String text) {
    return new EnginePacket(PacketType.MESSAGE, text, null);
  }

  static EnginePacket message(PreparedMessage prepared) {
    return prepared.packet();
  }

  /** The one packet of a prepared message; its text is the message's, decoded when asked for. */
  static EnginePacket prepared(PreparedMessage prepared) {
    return new EnginePacket(PacketType.MESSAGE, null, null, prepared);
  }

  /** The text data; for a prepared message its text, which websocket writes never ask for. */
  @Override
  public String text() {
    return prepared != null ? prepared.text() : text;
  }

  static EnginePacket message(byte[] binary) {
    return new EnginePacket(PacketType.MESSAGE, null, binary);
  }

  boolean isBinary() {
    return binary != null;
  }

  /** Bytes this packet weighs in a send queue: its data plus the type character. */
  long weight() {
    if (prepared != null) {
      return prepared.weight();
    }
    return 1L + (binary != null ? binary.length : EngineCodec.utf8Length(text));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EnginePacket p
        && type == p.type
        && Objects.equals(text(), p.text())
        && java.util.Arrays.equals(binary, p.binary);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * type.hashCode() + Objects.hashCode(text()))
        + java.util.Arrays.hashCode(binary);
  }

  @Override
  public String toString() {
    return binary != null
        ? "EnginePacket[" + type + ", " + binary.length + " bytes]"
        : "EnginePacket[" + type + ", " + text() + "]";
  }
}

package bd.com.getit.realtime.adapter.websocket.engineio;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;

/**
 * Pure Engine.IO 4 packet and payload codec: websocket frames carry one packet each, polling
 * payloads join packets with the record separator and carry binary as {@code b<base64>}.
 */
final class EngineCodec {

  /** Separates packets in a long-polling payload. */
  static final char RECORD_SEPARATOR = '\u001e';

  private static final char BASE64_PREFIX = 'b';

  private EngineCodec() {}

  /** Encodes a text packet as one websocket text frame; binary packets go as binary frames. */
  static String encodeFrame(EnginePacket packet) {
    if (packet.isBinary()) {
      throw new IllegalArgumentException("binary packets are sent as binary frames");
    }
    String text = packet.text();
    if (text.isEmpty()) {
      return String.valueOf(packet.type().code());
    }
    return new StringBuilder(text.length() + 1)
        .append(packet.type().code())
        .append(text)
        .toString();
  }

  /** Decodes one websocket text frame. */
  static EnginePacket decodeFrame(String frame, int maxPayload) throws EngineParseException {
    // a char is one to three UTF-8 bytes: count them only when the length alone cannot tell
    if (frame.length() > maxPayload
        || (frame.length() * 3L > maxPayload && utf8Length(frame) > maxPayload)) {
      throw new EngineParseException("frame too large");
    }
    return decodePacket(frame, 0, frame.length());
  }

  /** Decodes one websocket binary frame: always a binary message. */
  static EnginePacket decodeBinaryFrame(byte[] frame, int maxPayload) throws EngineParseException {
    if (frame.length > maxPayload) {
      throw new EngineParseException("frame too large");
    }
    return EnginePacket.message(frame);
  }

  /** Encodes packets as one long-polling payload. */
  static String encodePayload(List<EnginePacket> packets) {
    int capacity = 0;
    for (EnginePacket packet : packets) {
      capacity +=
          2 + (packet.isBinary() ? (packet.binary().length + 2) / 3 * 4 : packet.text().length());
    }
    StringBuilder out = new StringBuilder(capacity);
    for (int i = 0; i < packets.size(); i++) {
      if (i > 0) {
        out.append(RECORD_SEPARATOR);
      }
      EnginePacket packet = packets.get(i);
      if (packet.isBinary()) {
        out.append(BASE64_PREFIX).append(Base64.getEncoder().encodeToString(packet.binary()));
      } else {
        out.append(packet.type().code()).append(packet.text());
      }
    }
    return out.toString();
  }

  /**
   * Decodes a long-polling payload (UTF-8 bytes), handing each packet to {@code sink} in order. As
   * the reference server does, the packets before a malformed one are delivered, then this throws.
   */
  static void decodePayload(byte[] body, int maxPayload, Consumer<EnginePacket> sink)
      throws EngineParseException {
    if (body.length > maxPayload) {
      throw new EngineParseException("payload too large");
    }
    decodePayload(new String(body, StandardCharsets.UTF_8), sink);
  }

  /** Decodes a long-polling payload already read as text. */
  static void decodePayload(String payload, Consumer<EnginePacket> sink)
      throws EngineParseException {
    int start = 0;
    while (true) {
      int end = payload.indexOf(RECORD_SEPARATOR, start);
      if (end < 0) {
        sink.accept(decodePacket(payload, start, payload.length()));
        return;
      }
      sink.accept(decodePacket(payload, start, end));
      start = end + 1;
    }
  }

  private static EnginePacket decodePacket(String source, int start, int end)
      throws EngineParseException {
    if (start >= end) {
      throw new EngineParseException("empty packet");
    }
    char code = source.charAt(start);
    if (code == BASE64_PREFIX) {
      try {
        return EnginePacket.message(Base64.getDecoder().decode(source.substring(start + 1, end)));
      } catch (IllegalArgumentException e) {
        throw new EngineParseException("bad base64");
      }
    }
    PacketType type = PacketType.fromCode(code);
    if (type == null) {
      throw new EngineParseException("unknown packet type");
    }
    return EnginePacket.text(type, source.substring(start + 1, end));
  }

  /** The UTF-8 encoded length of {@code text}, without encoding it. */
  static int utf8Length(CharSequence text) {
    int length = text.length();
    int bytes = length;
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        continue;
      }
      if (c < 0x800) {
        bytes += 1;
      } else if (!Character.isSurrogate(c)) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < length
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        bytes += 2; // four bytes for the pair's two chars
        i++;
      }
      // a lone surrogate is encoded as one replacement byte, as String.getBytes does
    }
    return bytes;
  }
}

package bd.com.getit.realtime.adapter.websocket.socketio;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Encodes and decodes Socket.IO protocol 5 packets, validating them as the reference {@code
 * socket.io-parser} does. Pure and thread-safe.
 */
public final class SocketIoCodec {

  /** Shared mapper: strict JSON as {@code JSON.parse} reads it (no trailing garbage). */
  static final JsonMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  /** Event names the parser refuses, because they mean something to the libraries. */
  private static final Set<String> RESERVED_EVENTS =
      Set.of(
          "connect",
          "connect_error",
          "disconnect",
          "disconnecting",
          "newListener",
          "removeListener");

  private static final int MAX_ID_DIGITS = 16; // 2^53-1 has 16 digits
  private static final int MAX_ATTACHMENT_DIGITS = 9;

  private SocketIoCodec() {}

  // ---------------------------------------------------------------- decoding

  /**
   * Decodes the text of one Engine.IO message. Binary packets come back as {@link
   * SocketIoPacket.BinaryEvent} or {@link SocketIoPacket.BinaryAck}, still with placeholders.
   *
   * @param maxAttachments the most attachments a binary packet may announce
   * @throws MalformedPacketException when the text is not a valid packet
   */
  public static SocketIoPacket decode(String text, int maxAttachments)
      throws MalformedPacketException {
    Objects.requireNonNull(text, "text");
    int length = text.length();
    if (length == 0) {
      throw new MalformedPacketException("empty packet");
    }
    int type = text.charAt(0) - '0';
    if (type < 0 || type > 6) {
      throw new MalformedPacketException("unknown packet type");
    }
    int i = 1;
    int attachments = 0;
    boolean binary = type == 5 || type == 6;
    if (binary) {
      int start = i;
      while (i < length && text.charAt(i) != '-') {
        i++;
      }
      if (i == length) {
        throw new MalformedPacketException("illegal attachments");
      }
      attachments = parseDigits(text, start, i, MAX_ATTACHMENT_DIGITS, "illegal attachments");
      if (attachments > maxAttachments) {
        throw new MalformedPacketException("too many attachments");
      }
      i++; // the '-'
    }

    String namespace = "/";
    if (i < length && text.charAt(i) == '/') {
      int start = i;
      while (i < length && text.charAt(i) != ',') {
        i++;
      }
      namespace = text.substring(start, i);
      if (i < length) {
        i++; // the ','
      }
    }

    OptionalLong ackId = OptionalLong.empty();
    int idStart = i;
    while (i < length && isDigit(text.charAt(i))) {
      i++;
    }
    if (i > idStart) {
      if (i - idStart > MAX_ID_DIGITS) {
        throw new MalformedPacketException("invalid ack id");
      }
      long id = Long.parseLong(text, idStart, i, 10);
      if (id > SocketIoPacket.MAX_ACK_ID) {
        throw new MalformedPacketException("invalid ack id");
      }
      ackId = OptionalLong.of(id);
    }

    JsonNode data = i < length ? parseJson(text.substring(i)) : null;
    return build(type, namespace, ackId, data, attachments);
  }

  private static SocketIoPacket build(
      int type, String namespace, OptionalLong ackId, JsonNode data, int attachments)
      throws MalformedPacketException {
    switch (type) {
      case 0:
        noAckId(ackId);
        if (data == null) {
          return new SocketIoPacket.Connect(namespace, Optional.empty());
        }
        if (!data.isObject()) {
          throw new MalformedPacketException("invalid payload");
        }
        return new SocketIoPacket.Connect(namespace, Optional.of((ObjectNode) data));
      case 1:
        noAckId(ackId);
        if (data != null) {
          throw new MalformedPacketException("invalid payload");
        }
        return new SocketIoPacket.Disconnect(namespace);
      case 2:
        return new SocketIoPacket.Event(namespace, ackId, eventData(data));
      case 3:
        return new SocketIoPacket.Ack(namespace, requireAckId(ackId), ackData(data));
      case 4:
        noAckId(ackId);
        if (data == null || !(data.isObject() || data.isTextual())) {
          throw new MalformedPacketException("invalid payload");
        }
        return new SocketIoPacket.ConnectError(namespace, data);
      case 5:
        return new SocketIoPacket.BinaryEvent(namespace, ackId, eventData(data), attachments);
      default:
        return new SocketIoPacket.BinaryAck(
            namespace, requireAckId(ackId), ackData(data), attachments);
    }
  }

  /** Whether {@code event} is a name the libraries reserve, which no one may emit. */
  static boolean isReservedEvent(String event) {
    return RESERVED_EVENTS.contains(event);
  }

  /**
   * Where a plain EVENT packet ({@code 2[/ns,][id]<json>}) says it goes, read as {@link #decode}
   * reads it: its namespace, its ack id, and where its JSON data starts; null for any other packet
   * and for a header {@link #decode} would refuse, so that such text takes the ordinary path and
   * gets its ordinary error. The JSON itself is not looked at.
   */
  public static EventHeader plainEventHeader(String text) {
    int length = text.length();
    if (length < 2 || text.charAt(0) != '2') {
      return null;
    }
    int i = 1;
    String namespace = "/";
    if (text.charAt(i) == '/') {
      int comma = text.indexOf(',', i);
      if (comma < 0) {
        return null; // no data after the namespace: invalid
      }
      namespace = text.substring(i, comma);
      i = comma + 1;
    }
    int idStart = i;
    while (i < length && isDigit(text.charAt(i))) {
      i++;
    }
    long ackId = -1;
    if (i > idStart) {
      if (i - idStart > MAX_ID_DIGITS) {
        return null;
      }
      ackId = Long.parseLong(text, idStart, i, 10);
      if (ackId > SocketIoPacket.MAX_ACK_ID) {
        return null;
      }
    }
    return i < length ? new EventHeader(namespace, ackId, i) : null;
  }

  /**
   * The header of a plain EVENT packet.
   *
   * @param ackId the acknowledgement id, or -1 when the sender asked for none
   * @param dataStart the index of the packet's JSON data in its text
   */
  public record EventHeader(String namespace, long ackId, int dataStart) {}

  /** The JSON factory of the packets' data: the same parser settings as {@link #decode}. */
  public static JsonFactory jsonFactory() {
    return JSON.getFactory();
  }

  private static ArrayNode eventData(JsonNode data) throws MalformedPacketException {
    if (data == null || !data.isArray() || data.isEmpty()) {
      throw new MalformedPacketException("invalid payload");
    }
    JsonNode name = data.get(0);
    boolean valid =
        name.isNumber() || (name.isTextual() && !RESERVED_EVENTS.contains(name.textValue()));
    if (!valid) {
      throw new MalformedPacketException("invalid payload");
    }
    return (ArrayNode) data;
  }

  private static ArrayNode ackData(JsonNode data) throws MalformedPacketException {
    if (data == null || !data.isArray()) {
      throw new MalformedPacketException("invalid payload");
    }
    return (ArrayNode) data;
  }

  private static long requireAckId(OptionalLong ackId) throws MalformedPacketException {
    if (ackId.isEmpty()) {
      throw new MalformedPacketException("missing ack id");
    }
    return ackId.getAsLong();
  }

  private static void noAckId(OptionalLong ackId) throws MalformedPacketException {
    if (ackId.isPresent()) {
      throw new MalformedPacketException("unexpected ack id");
    }
  }

  private static JsonNode parseJson(String json) throws MalformedPacketException {
    try {
      JsonNode node = JSON.readTree(json);
      if (node == null || node.isMissingNode()) {
        throw new MalformedPacketException("invalid payload");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new MalformedPacketException("invalid payload");
    }
  }

  private static int parseDigits(String text, int start, int end, int maxDigits, String error)
      throws MalformedPacketException {
    if (end == start || end - start > maxDigits) {
      throw new MalformedPacketException(error);
    }
    for (int k = start; k < end; k++) {
      if (!isDigit(text.charAt(k))) {
        throw new MalformedPacketException(error);
      }
    }
    return Integer.parseInt(text, start, end, 10);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /**
   * Replaces the placeholders of a binary packet's data with its attachments, in place.
   *
   * @throws MalformedPacketException when a placeholder's {@code num} is not an attachment index
   */
  public static JsonNode reconstruct(JsonNode data, List<byte[]> attachments)
      throws MalformedPacketException {
    if (isPlaceholder(data)) {
      JsonNode num = data.get("num");
      if (num == null || !num.isIntegralNumber() || !num.canConvertToInt()) {
        throw new MalformedPacketException("illegal attachments");
      }
      int index = num.intValue();
      if (index < 0 || index >= attachments.size()) {
        throw new MalformedPacketException("illegal attachments");
      }
      return BinaryNode.valueOf(attachments.get(index));
    }
    if (data.isArray()) {
      ArrayNode array = (ArrayNode) data;
      for (int k = 0; k < array.size(); k++) {
        JsonNode element = array.get(k);
        JsonNode replaced = reconstruct(element, attachments);
        if (replaced != element) {
          array.set(k, replaced);
        }
      }
    } else if (data.isObject()) {
      ObjectNode object = (ObjectNode) data;
      List<Map.Entry<String, JsonNode>> replacements = null;
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        JsonNode replaced = reconstruct(field.getValue(), attachments);
        if (replaced != field.getValue()) {
          if (replacements == null) {
            replacements = new ArrayList<>();
          }
          replacements.add(Map.entry(field.getKey(), replaced));
        }
      }
      if (replacements != null) {
        replacements.forEach(entry -> object.set(entry.getKey(), entry.getValue()));
      }
    }
    return data;
  }

  private static boolean isPlaceholder(JsonNode node) {
    if (!node.isObject()) {
      return false;
    }
    JsonNode flag = node.get("_placeholder");
    return flag != null && flag.isBoolean() && flag.booleanValue();
  }

  // ---------------------------------------------------------------- encoding

  /**
   * Encodes a packet to the Engine.IO messages that carry it: one text, then for a packet with
   * binary data ({@code BinaryNode}s anywhere in an {@link SocketIoPacket.Event} or {@link
   * SocketIoPacket.Ack}) one {@code byte[]} per attachment.
   */
  public static List<Object> encode(SocketIoPacket packet) {
    Objects.requireNonNull(packet, "packet");
    if (packet instanceof SocketIoPacket.Event) {
      SocketIoPacket.Event event = (SocketIoPacket.Event) packet;
      return encodeMaybeBinary(2, event.namespace(), event.ackId(), event.data());
    }
    if (packet instanceof SocketIoPacket.Ack) {
      SocketIoPacket.Ack ack = (SocketIoPacket.Ack) packet;
      return encodeMaybeBinary(3, ack.namespace(), OptionalLong.of(ack.ackId()), ack.data());
    }
    return List.of(encodeText(packet));
  }

  /**
   * Encodes a packet whose data is plain JSON as its one text message. Binary packets are written
   * as given (their data already holding placeholders).
   *
   * @throws IllegalArgumentException when an event or ack holds binary data: use {@link #encode}
   */
  public static String encodeText(SocketIoPacket packet) {
    Objects.requireNonNull(packet, "packet");
    StringBuilder out = new StringBuilder(64);
    if (packet instanceof SocketIoPacket.Connect) {
      SocketIoPacket.Connect connect = (SocketIoPacket.Connect) packet;
      header(out, 0, -1, connect.namespace(), OptionalLong.empty());
      connect.data().ifPresent(data -> out.append(write(data)));
    } else if (packet instanceof SocketIoPacket.Disconnect) {
      header(out, 1, -1, packet.namespace(), OptionalLong.empty());
    } else if (packet instanceof SocketIoPacket.Event) {
      SocketIoPacket.Event event = (SocketIoPacket.Event) packet;
      requireNoBinary(event.data());
      header(out, 2, -1, event.namespace(), event.ackId());
      out.append(write(event.data()));
    } else if (packet instanceof SocketIoPacket.Ack) {
      SocketIoPacket.Ack ack = (SocketIoPacket.Ack) packet;
      requireNoBinary(ack.data());
      header(out, 3, -1, ack.namespace(), OptionalLong.of(ack.ackId()));
      out.append(write(ack.data()));
    } else if (packet instanceof SocketIoPacket.ConnectError) {
      SocketIoPacket.ConnectError error = (SocketIoPacket.ConnectError) packet;
      header(out, 4, -1, error.namespace(), OptionalLong.empty());
      out.append(write(error.data()));
    } else if (packet instanceof SocketIoPacket.BinaryEvent) {
      SocketIoPacket.BinaryEvent event = (SocketIoPacket.BinaryEvent) packet;
      header(out, 5, event.attachments(), event.namespace(), event.ackId());
      out.append(write(event.data()));
    } else {
      SocketIoPacket.BinaryAck ack = (SocketIoPacket.BinaryAck) packet;
      header(out, 6, ack.attachments(), ack.namespace(), OptionalLong.of(ack.ackId()));
      out.append(write(ack.data()));
    }
    return out.toString();
  }

  /**
   * Encodes an event with a payload serialized once, for fan-out of the same text to many sockets:
   * {@code 2/ns,["event",<payload>,"<offset>"]}.
   *
   * @param jsonPayloadOrNull the one argument as JSON text, trusted to be valid; null for none
   * @param offsetOrNull the connection state recovery offset, appended as a last string argument
   */
  public static String encodeEvent(
      String namespace, String event, String jsonPayloadOrNull, String offsetOrNull) {
    Objects.requireNonNull(event, "event");
    new SocketIoPacket.Disconnect(namespace); // validates the namespace
    int size = 16 + namespace.length() + event.length();
    size += jsonPayloadOrNull == null ? 0 : jsonPayloadOrNull.length();
    size += offsetOrNull == null ? 0 : offsetOrNull.length() + 3;
    StringBuilder out = new StringBuilder(size);
    header(out, 2, -1, namespace, OptionalLong.empty());
    out.append('[');
    quote(out, event);
    if (jsonPayloadOrNull != null) {
      out.append(',').append(jsonPayloadOrNull);
    }
    if (offsetOrNull != null) {
      out.append(',');
      quote(out, offsetOrNull);
    }
    return out.append(']').toString();
  }

  /**
   * Appends the start of an event packet, {@code 2/ns,["event"}, for an encoder that writes its
   * arguments straight after it (each preceded by a comma) and ends it with {@link #closeEvent}:
   * the same text as {@link #encodeEvent}, in the caller's buffer.
   */
  public static void openEvent(StringBuilder out, String namespace, String event) {
    Objects.requireNonNull(event, "event");
    new SocketIoPacket.Disconnect(namespace); // validates the namespace
    header(out, 2, -1, namespace, OptionalLong.empty());
    out.append('[');
    quote(out, event);
  }

  /**
   * Appends the start of an ACK packet, {@code 3/ns,<id>[}, for an encoder that writes its
   * arguments after it and then a {@code ]}: the text {@link #encodeText} writes for it.
   */
  public static void openAck(StringBuilder out, String namespace, long ackId) {
    header(out, 3, -1, namespace, OptionalLong.of(ackId));
    out.append('[');
  }

  /** Appends {@code text} as a JSON string, escaped as every packet of this codec escapes it. */
  public static void appendQuoted(StringBuilder out, String text) {
    quote(out, text);
  }

  /** Ends an event begun with {@link #openEvent}, with its recovery offset when not null. */
  public static void closeEvent(StringBuilder out, String offsetOrNull) {
    if (offsetOrNull != null) {
      out.append(',');
      quote(out, offsetOrNull);
    }
    out.append(']');
  }

  /**
   * Encodes an event from its name and argument trees, without building an intermediate array: one
   * text, or with binary arguments a binary event and its attachments.
   */
  static List<Object> encodeEventArgs(
      String namespace, String event, List<JsonNode> args, OptionalLong ackId) {
    boolean binary = false;
    for (JsonNode arg : args) {
      if (hasBinary(arg)) {
        binary = true;
        break;
      }
    }
    if (binary) {
      ArrayNode data = JsonNodeFactory.instance.arrayNode(args.size() + 1);
      data.add(event);
      data.addAll(args);
      return encodeMaybeBinary(2, namespace, ackId, data);
    }
    StringBuilder out = new StringBuilder(64);
    header(out, 2, -1, namespace, ackId);
    try (JsonGenerator generator = JSON.createGenerator(new AppendingWriter(out))) {
      generator.writeStartArray();
      generator.writeString(event);
      for (JsonNode arg : args) {
        generator.writeTree(arg);
      }
      generator.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.of(out.toString());
  }

  private static List<Object> encodeMaybeBinary(
      int type, String namespace, OptionalLong ackId, ArrayNode data) {
    if (!hasBinary(data)) {
      StringBuilder out = new StringBuilder(64);
      header(out, type, -1, namespace, ackId);
      writeInto(out, data); // an ack per request: no intermediate string
      return List.of(out.toString());
    }
    List<byte[]> attachments = new ArrayList<>();
    JsonNode withPlaceholders = deconstruct(data, attachments);
    StringBuilder out = new StringBuilder(64);
    header(out, type + 3, attachments.size(), namespace, ackId);
    out.append(write(withPlaceholders));
    List<Object> messages = new ArrayList<>(1 + attachments.size());
    messages.add(out.toString());
    messages.addAll(attachments);
    return messages;
  }

  /** A copy of {@code node} with each binary value replaced by a numbered placeholder. */
  private static JsonNode deconstruct(JsonNode node, List<byte[]> attachments) {
    byte[] bytes = binaryValue(node);
    if (bytes != null) {
      ObjectNode placeholder = JsonNodeFactory.instance.objectNode();
      placeholder.put("_placeholder", true);
      placeholder.put("num", attachments.size());
      attachments.add(bytes);
      return placeholder;
    }
    if (node.isArray()) {
      ArrayNode copy = JsonNodeFactory.instance.arrayNode(node.size());
      for (JsonNode element : node) {
        copy.add(deconstruct(element, attachments));
      }
      return copy;
    }
    if (node.isObject()) {
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        copy.set(field.getKey(), deconstruct(field.getValue(), attachments));
      }
      return copy;
    }
    return node;
  }

  /** Whether a tree holds binary data ({@code BinaryNode}, or a {@code POJONode} of bytes). */
  static boolean hasBinary(JsonNode node) {
    if (binaryValue(node) != null) {
      return true;
    }
    if (node.isContainerNode()) {
      for (JsonNode child : node) {
        if (hasBinary(child)) {
          return true;
        }
      }
    }
    return false;
  }

  private static byte[] binaryValue(JsonNode node) {
    if (node.isBinary()) {
      return ((BinaryNode) node).binaryValue();
    }
    if (node.isPojo() && ((POJONode) node).getPojo() instanceof byte[]) {
      return (byte[]) ((POJONode) node).getPojo();
    }
    return null;
  }

  private static void requireNoBinary(JsonNode data) {
    if (hasBinary(data)) {
      throw new IllegalArgumentException("binary data: use encode()");
    }
  }

  private static void header(
      StringBuilder out, int type, int attachments, String namespace, OptionalLong ackId) {
    out.append((char) ('0' + type));
    if (attachments >= 0) {
      out.append(attachments).append('-');
    }
    if (!"/".equals(namespace)) {
      out.append(namespace).append(',');
    }
    if (ackId.isPresent()) {
      out.append(ackId.getAsLong());
    }
  }

  private static void quote(StringBuilder out, String text) {
    out.append('"');
    JsonStringEncoder.getInstance().quoteAsString(text, out);
    out.append('"');
  }

  static String write(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code node} as JSON at the end of {@code out}, as {@link #write} would. */
  private static void writeInto(StringBuilder out, JsonNode node) {
    try (JsonGenerator generator = JSON.createGenerator(new AppendingWriter(out))) {
      generator.writeTree(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A writer that appends to a builder, so that a generator writes straight into the packet. */
  private static final class AppendingWriter extends Writer {
    private final StringBuilder out;

    AppendingWriter(StringBuilder out) {
      this.out = out;
    }

    @Override
    public void write(char[] buffer, int offset, int length) {
      out.append(buffer, offset, length);
    }

    @Override
    public void write(String text, int offset, int length) {
      out.append(text, offset, offset + length);
    }

    @Override
    public void write(int c) {
      out.append((char) c);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}

package bd.com.getit.realtime.adapter.websocket.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One Socket.IO protocol 5 packet, as decoded from or encoded to an Engine.IO message. The binary
 * variants carry their JSON with {@code {"_placeholder":true,"num":n}} objects in place of the
 * attachments; once the attachments have arrived they become an {@link Event} or {@link Ack}
 * holding {@code BinaryNode}s.
 */
public sealed interface SocketIoPacket {

  /** The largest acknowledgement id: 2^53-1, the largest integer a JavaScript number holds. */
  long MAX_ACK_ID = (1L << 53) - 1;

  /** The namespace, {@code /} by default. */
  String namespace();

  /** Packet type 0: a client asks to join a namespace, or the server accepts it. */
  record Connect(String namespace, Optional<ObjectNode> data) implements SocketIoPacket {
    public Connect {
      requireNamespace(namespace);
      Objects.requireNonNull(data, "data");
    }
  }

  /** Packet type 1: either side leaves a namespace. */
  record Disconnect(String namespace) implements SocketIoPacket {
    public Disconnect {
      requireNamespace(namespace);
    }
  }

  /**
   * Packet type 2: an event; {@code data} is the event name followed by its arguments.
   *
   * @param ackId present when the sender asks for an acknowledgement
   */
  record Event(String namespace, OptionalLong ackId, ArrayNode data) implements SocketIoPacket {
    public Event {
      requireNamespace(namespace);
      requireAckId(ackId);
      Objects.requireNonNull(data, "data");
      if (data.isEmpty() || !(data.get(0).isTextual() || data.get(0).isNumber())) {
        throw new IllegalArgumentException("an event needs a name first");
      }
    }

    /** The event name (a numeric name, which the parser allows, as its decimal text). */
    public String event() {
      return data.get(0).asText();
    }

    /** The arguments after the name. */
    public List<JsonNode> args() {
      List<JsonNode> args = new ArrayList<>(data.size() - 1);
      for (int i = 1; i < data.size(); i++) {
        args.add(data.get(i));
      }
      return args;
    }
  }

  /** Packet type 3: the acknowledgement of the event with the same id. */
  record Ack(String namespace, long ackId, ArrayNode data) implements SocketIoPacket {
    public Ack {
      requireNamespace(namespace);
      requireAckId(OptionalLong.of(ackId));
      Objects.requireNonNull(data, "data");
    }

    /** The acknowledgement's arguments. */
    public List<JsonNode> args() {
      List<JsonNode> args = new ArrayList<>(data.size());
      data.forEach(args::add);
      return args;
    }
  }

  /** Packet type 4: the server refuses a CONNECT; {@code data} is an object or a string. */
  record ConnectError(String namespace, JsonNode data) implements SocketIoPacket {
    public ConnectError {
      requireNamespace(namespace);
      Objects.requireNonNull(data, "data");
    }
  }

  /**
   * Packet type 5: an event whose data has placeholders for {@code attachments} binary messages.
   */
  record BinaryEvent(String namespace, OptionalLong ackId, ArrayNode data, int attachments)
      implements SocketIoPacket {
    public BinaryEvent {
      new Event(namespace, ackId, data); // same validation
      requireAttachments(attachments);
    }
  }

  /**
   * Packet type 6: an acknowledgement with placeholders for {@code attachments} binary messages.
   */
  record BinaryAck(String namespace, long ackId, ArrayNode data, int attachments)
      implements SocketIoPacket {
    public BinaryAck {
      new Ack(namespace, ackId, data); // same validation
      requireAttachments(attachments);
    }
  }

  private static void requireNamespace(String namespace) {
    Objects.requireNonNull(namespace, "namespace");
    if (!namespace.startsWith("/") || namespace.indexOf(',') >= 0) {
      throw new IllegalArgumentException("invalid namespace: " + namespace);
    }
  }

  private static void requireAckId(OptionalLong ackId) {
    Objects.requireNonNull(ackId, "ackId");
    if (ackId.isPresent() && (ackId.getAsLong() < 0 || ackId.getAsLong() > MAX_ACK_ID)) {
      throw new IllegalArgumentException("ack id out of range: " + ackId.getAsLong());
    }
  }

  private static void requireAttachments(int attachments) {
    if (attachments < 0) {
      throw new IllegalArgumentException("negative attachment count");
    }
  }
}

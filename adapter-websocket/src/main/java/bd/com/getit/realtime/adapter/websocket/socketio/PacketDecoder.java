package bd.com.getit.realtime.adapter.websocket.socketio;

import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the packets of one session, reassembling a binary packet from its JSON message and the
 * binary messages that follow it. Not thread-safe: confined to its session.
 */
final class PacketDecoder {

  private final int maxAttachments;
  private final long maxAttachmentBytes;
  private SocketIoPacket pending; // a BinaryEvent or BinaryAck waiting for its attachments
  private int expected;
  private List<byte[]> buffers; // made for the first binary packet: most sessions never send one
  private long bufferedBytes;

  PacketDecoder(int maxAttachments, long maxAttachmentBytes) {
    if (maxAttachments < 0 || maxAttachmentBytes < 0) {
      throw new IllegalArgumentException("negative limit");
    }
    this.maxAttachments = maxAttachments;
    this.maxAttachmentBytes = maxAttachmentBytes;
  }

  /** Whether a binary packet waits for its attachments (the next text message is an error). */
  boolean waiting() {
    return pending != null;
  }

  /**
   * Takes a text message.
   *
   * @return the complete packet, or null when a binary packet now waits for its attachments
   */
  SocketIoPacket add(String text) throws MalformedPacketException {
    if (pending != null) {
      throw new MalformedPacketException("got plaintext data when reconstructing a packet");
    }
    SocketIoPacket packet = SocketIoCodec.decode(text, maxAttachments);
    int attachments = attachmentsOf(packet);
    if (attachments < 0) {
      return packet;
    }
    pending = packet;
    expected = attachments;
    return attachments == 0 ? complete() : null;
  }

  /**
   * Takes a binary message: the next attachment of the pending binary packet.
   *
   * @return the complete packet once its last attachment arrived, else null
   */
  SocketIoPacket add(byte[] binary) throws MalformedPacketException {
    if (pending == null) {
      throw new MalformedPacketException("got binary data when not reconstructing a packet");
    }
    bufferedBytes += binary.length;
    if (bufferedBytes > maxAttachmentBytes) {
      throw new MalformedPacketException("attachments too large");
    }
    if (buffers == null) {
      buffers = new ArrayList<>();
    }
    buffers.add(binary);
    return buffers.size() == expected ? complete() : null;
  }

  private SocketIoPacket complete() throws MalformedPacketException {
    SocketIoPacket packet = pending;
    List<byte[]> attachments = buffers == null ? List.of() : List.copyOf(buffers);
    pending = null;
    buffers = null;
    bufferedBytes = 0;
    if (packet instanceof SocketIoPacket.BinaryEvent) {
      SocketIoPacket.BinaryEvent event = (SocketIoPacket.BinaryEvent) packet;
      SocketIoCodec.reconstruct(event.data(), attachments);
      return new SocketIoPacket.Event(event.namespace(), event.ackId(), event.data());
    }
    SocketIoPacket.BinaryAck ack = (SocketIoPacket.BinaryAck) packet;
    SocketIoCodec.reconstruct(ack.data(), attachments);
    return new SocketIoPacket.Ack(ack.namespace(), ack.ackId(), ack.data());
  }

  private static int attachmentsOf(SocketIoPacket packet) {
    if (packet instanceof SocketIoPacket.BinaryEvent) {
      return ((SocketIoPacket.BinaryEvent) packet).attachments();
    }
    if (packet instanceof SocketIoPacket.BinaryAck) {
      return ((SocketIoPacket.BinaryAck) packet).attachments();
    }
    return -1;
  }
}

package bd.com.getit.realtime.adapter.websocket.socketio;

import java.util.List;

/**
 * Runs the codec once over every packet shape when a server is built, so that the first client does
 * not pay for it: decoding and encoding load and initialise about 700 classes (Jackson's parser,
 * tree and serializers, ours), which on a cold JVM took the first CONNECT's answer past the
 * official suite's 300 ms ping interval. A cost the node pays anyway, moved to its start.
 */
final class CodecWarmUp {

  /** One packet of each type, with the value kinds events carry. */
  private static final List<String> SAMPLES =
      List.of(
          "0",
          "0/realtime,{\"token\":\"t\"}",
          "1/realtime,",
          "2[\"event\",{\"text\":\"hello\",\"n\":1,\"x\":1.5,\"ok\":true,\"none\":null,\"list\":[1]}]",
          "2/realtime,12[\"event\",\"text\"]",
          "3/realtime,12[{\"ok\":true}]",
          "51-[\"event\",{\"_placeholder\":true,\"num\":0}]",
          "61-/realtime,3[{\"_placeholder\":true,\"num\":0}]");

  private static final List<byte[]> ATTACHMENT = List.of(new byte[] {1, 2, 3});

  private static volatile boolean done;

  private CodecWarmUp() {}

  static void run() {
    if (done) {
      return;
    }
    try {
      for (String sample : SAMPLES) {
        SocketIoPacket packet = SocketIoCodec.decode(sample, 10);
        if (packet instanceof SocketIoPacket.BinaryEvent binary) {
          SocketIoCodec.reconstruct(binary.data(), ATTACHMENT);
          packet = new SocketIoPacket.Event(binary.namespace(), binary.ackId(), binary.data());
        } else if (packet instanceof SocketIoPacket.BinaryAck binary) {
          SocketIoCodec.reconstruct(binary.data(), ATTACHMENT);
          packet = new SocketIoPacket.Ack(binary.namespace(), binary.ackId(), binary.data());
        }
        SocketIoCodec.encode(packet);
      }
    } catch (MalformedPacketException e) {
      throw new IllegalStateException("a warm-up sample no longer decodes", e);
    }
    done = true;
  }
}

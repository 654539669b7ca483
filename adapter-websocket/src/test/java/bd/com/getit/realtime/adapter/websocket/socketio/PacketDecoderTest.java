package bd.com.getit.realtime.adapter.websocket.socketio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Reassembly of binary packets and its limits. */
class PacketDecoderTest {

  private final PacketDecoder decoder = new PacketDecoder(10, 8);

  @Test
  void reassemblesBinaryEventFromItsAttachments() throws Exception {
    assertThat(
            decoder.add(
                "52-/a,3[\"m\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]"))
        .isNull();
    assertThat(decoder.add(new byte[] {1, 2, 3})).isNull();

    SocketIoPacket.Event event = (SocketIoPacket.Event) decoder.add(new byte[] {4, 5, 6});

    assertThat(event.namespace()).isEqualTo("/a");
    assertThat(event.ackId()).isEqualTo(OptionalLong.of(3));
    assertThat(event.args().get(0).binaryValue()).containsExactly(1, 2, 3);
    assertThat(event.args().get(1).binaryValue()).containsExactly(4, 5, 6);
  }

  @Test
  void aSecondBinaryPacketGetsOnlyItsOwnAttachments() throws Exception {
    decoder.add("51-[\"first\",{\"_placeholder\":true,\"num\":0}]");
    SocketIoPacket.Event first = (SocketIoPacket.Event) decoder.add(new byte[] {1});
    decoder.add("51-[\"second\",{\"_placeholder\":true,\"num\":0}]");
    SocketIoPacket.Event second = (SocketIoPacket.Event) decoder.add(new byte[] {2, 2});

    assertThat(first.args().get(0).binaryValue()).containsExactly(1);
    assertThat(second.event()).isEqualTo("second");
    assertThat(second.args().get(0).binaryValue()).containsExactly(2, 2);
    assertThat(decoder.add("2[\"plain\"]")).isInstanceOf(SocketIoPacket.Event.class);
  }

  @Test
  void reassemblesBinaryAck() throws Exception {
    decoder.add("61-15[{\"_placeholder\":true,\"num\":0}]");

    SocketIoPacket.Ack ack = (SocketIoPacket.Ack) decoder.add(new byte[] {9});

    assertThat(ack.ackId()).isEqualTo(15);
    assertThat(ack.args().get(0).binaryValue()).containsExactly(9);
  }

  @Test
  void binaryEventWithoutAttachmentsIsCompleteAtOnce() throws Exception {
    assertThat(decoder.add("50-[\"x\"]")).isInstanceOf(SocketIoPacket.Event.class);
    assertThat(decoder.add("2[\"next\"]")).isInstanceOf(SocketIoPacket.Event.class);
  }

  @Test
  void passesPlainPacketsThrough() throws Exception {
    assertThat(decoder.add("1/a,")).isEqualTo(new SocketIoPacket.Disconnect("/a"));
  }

  @Test
  void refusesBinaryWhenNoPacketWaits() {
    assertThatThrownBy(() -> decoder.add(new byte[] {1}))
        .isInstanceOf(MalformedPacketException.class);
  }

  @Test
  void refusesTextWhileAttachmentsAreExpected() throws Exception {
    decoder.add("51-[\"m\",{\"_placeholder\":true,\"num\":0}]");

    assertThatThrownBy(() -> decoder.add("2[\"x\"]")).isInstanceOf(MalformedPacketException.class);
  }

  @Test
  void refusesAttachmentsOverTheByteLimit() throws Exception {
    decoder.add("52-[\"m\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]");
    decoder.add(new byte[5]);

    assertThatThrownBy(() -> decoder.add(new byte[4])).isInstanceOf(MalformedPacketException.class);
  }

  @Test
  void refusesMoreAttachmentsThanTheMaximum() {
    PacketDecoder strict = new PacketDecoder(1, 100);

    assertThatThrownBy(() -> strict.add("52-[\"m\"]")).isInstanceOf(MalformedPacketException.class);
  }

  @Test
  void refusesPlaceholderBeyondTheAttachments() throws Exception {
    decoder.add("51-[\"m\",{\"_placeholder\":true,\"num\":1}]");

    assertThatThrownBy(() -> decoder.add(new byte[] {1}))
        .isInstanceOf(MalformedPacketException.class);
  }
}

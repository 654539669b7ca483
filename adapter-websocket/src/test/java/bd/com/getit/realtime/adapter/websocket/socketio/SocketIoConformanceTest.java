package bd.com.getit.realtime.adapter.websocket.socketio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The "Socket.IO protocol" part of the official socket.io-protocol test suite, replayed through a
 * fake engine session: the same client messages, the same expected server messages.
 */
class SocketIoConformanceTest {

  private final ManualScheduler scheduler = new ManualScheduler();
  private FakeEngineSocket socket;

  @BeforeEach
  void openSession() {
    SocketIoServer server =
        new SocketIoServer(
            SocketIoOptions.defaults(),
            SocketIoConformance.handlers(Runnable::run),
            scheduler,
            ClientWorkersTest.callerRuns());
    socket = new FakeEngineSocket(server).open();
  }

  private static JsonNode json(String text) {
    try {
      return SocketIoCodec.JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** As the suite's initSocketIOConnection: join the main namespace, take the two replies. */
  private void initSocketIoConnection() {
    socket.receive("0");
    assertThat(socket.texts()).hasSize(2);
    socket.clearSent();
  }

  private void assertHandshake(String message, String prefix) {
    assertThat(message).startsWith(prefix);
    JsonNode handshake = json(message.substring(prefix.length()));
    assertThat(handshake.size()).isEqualTo(1);
    assertThat(handshake.get("sid").isTextual()).isTrue();
  }

  @Test
  void allowsConnectionToTheMainNamespace() {
    socket.receive("0");

    List<String> texts = socket.texts();
    assertHandshake(texts.get(0), "0");
    assertThat(texts.get(1)).isEqualTo("2[\"auth\",{}]");
  }

  @Test
  void allowsConnectionToTheMainNamespaceWithAPayload() {
    socket.receive("0{\"token\":\"123\"}");

    List<String> texts = socket.texts();
    assertHandshake(texts.get(0), "0");
    assertThat(texts.get(1)).isEqualTo("2[\"auth\",{\"token\":\"123\"}]");
  }

  @Test
  void allowsConnectionToACustomNamespace() {
    socket.receive("0/custom,");

    List<String> texts = socket.texts();
    assertHandshake(texts.get(0), "0/custom,");
    assertThat(texts.get(1)).isEqualTo("2/custom,[\"auth\",{}]");
  }

  @Test
  void allowsConnectionToACustomNamespaceWithAPayload() {
    socket.receive("0/custom,{\"token\":\"abc\"}");

    List<String> texts = socket.texts();
    assertHandshake(texts.get(0), "0/custom,");
    assertThat(texts.get(1)).isEqualTo("2/custom,[\"auth\",{\"token\":\"abc\"}]");
  }

  @Test
  void disallowsConnectionToAnUnknownNamespace() {
    socket.receive("0/random");

    assertThat(socket.texts()).containsExactly("4/random,{\"message\":\"Invalid namespace\"}");
  }

  @Test
  void disallowsConnectionWithAnInvalidHandshake() {
    socket.receive("abc");

    assertThat(socket.isOpen()).isFalse();
  }

  @Test
  void closesTheConnectionIfNoHandshakeIsReceived() {
    scheduler.advance(Duration.ofMillis(45_000));

    assertThat(socket.isOpen()).isFalse();
  }

  @Test
  void disconnectsFromTheMainNamespace() {
    initSocketIoConnection();

    socket.receive("1");

    assertThat(socket.texts()).isEmpty();
    assertThat(socket.isOpen()).isTrue();
  }

  @Test
  void connectsThenDisconnectsFromACustomNamespace() {
    initSocketIoConnection();
    socket.receive("0/custom");
    assertThat(socket.texts()).hasSize(2);
    socket.clearSent();

    socket.receive("1/custom").receive("2[\"message\",\"message to main namespace\"]");

    assertThat(socket.texts()).containsExactly("2[\"message-back\",\"message to main namespace\"]");
  }

  @Test
  void sendsAPlainTextPacket() {
    initSocketIoConnection();

    socket.receive("2[\"message\",1,\"2\",{\"3\":[true]}]");

    assertThat(socket.texts()).containsExactly("2[\"message-back\",1,\"2\",{\"3\":[true]}]");
  }

  @Test
  void sendsAPacketWithBinaryAttachments() {
    initSocketIoConnection();

    socket
        .receive(
            "52-[\"message\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]")
        .receive(new byte[] {1, 2, 3})
        .receive(new byte[] {4, 5, 6});

    List<Object> sent = socket.sent();
    assertThat(sent).hasSize(3);
    assertThat(sent.get(0))
        .isEqualTo(
            "52-[\"message-back\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]");
    assertThat((byte[]) sent.get(1)).containsExactly(1, 2, 3);
    assertThat((byte[]) sent.get(2)).containsExactly(4, 5, 6);
  }

  @Test
  void sendsAPlainTextPacketWithAnAck() {
    initSocketIoConnection();

    socket.receive("2456[\"message-with-ack\",1,\"2\",{\"3\":[false]}]");

    assertThat(socket.texts()).containsExactly("3456[1,\"2\",{\"3\":[false]}]");
  }

  @Test
  void sendsAPacketWithBinaryAttachmentsAndAnAck() {
    initSocketIoConnection();

    socket
        .receive(
            "52-789[\"message-with-ack\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]")
        .receive(new byte[] {1, 2, 3})
        .receive(new byte[] {4, 5, 6});

    List<Object> sent = socket.sent();
    assertThat(sent).hasSize(3);
    assertThat(sent.get(0))
        .isEqualTo("62-789[{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]");
    assertThat((byte[]) sent.get(1)).containsExactly(1, 2, 3);
    assertThat((byte[]) sent.get(2)).containsExactly(4, 5, 6);
  }

  @Test
  void closesTheConnectionUponAnUnknownPacketType() {
    initSocketIoConnection();

    socket.receive("abc");

    assertThat(socket.isOpen()).isFalse();
  }

  @Test
  void closesTheConnectionUponAnInvalidPayloadFormat() {
    initSocketIoConnection();

    socket.receive("2{}");

    assertThat(socket.isOpen()).isFalse();
  }

  @Test
  void closesTheConnectionUponAnInvalidAckId() {
    initSocketIoConnection();

    socket.receive("2abc[\"message-with-ack\",1,\"2\",{\"3\":[false]}]");

    assertThat(socket.isOpen()).isFalse();
  }
}

package bd.com.getit.realtime.adapter.websocket.gateway;

import static bd.com.getit.realtime.adapter.websocket.gateway.GatewayFixture.callerOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.when;

import bd.com.getit.realtime.adapter.websocket.gateway.GatewayFixture.RecordingAck;
import bd.com.getit.realtime.adapter.websocket.socketio.MalformedPacketException;
import bd.com.getit.realtime.adapter.websocket.socketio.SocketIoCodec;
import bd.com.getit.realtime.adapter.websocket.socketio.SocketIoPacket;
import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.domain.MessageId;
import bd.com.getit.realtime.domain.Role;
import bd.com.getit.realtime.domain.RoomId;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.chat.ChatMessage;
import bd.com.getit.realtime.domain.chat.MessageType;
import bd.com.getit.realtime.port.in.MessagingUseCase.BroadcastCommand;
import bd.com.getit.realtime.port.in.MessagingUseCase.SendMessageCommand;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.invocation.Invocation;

/**
 * The streaming read of {@code send_message} and {@code broadcast_event} against the ordinary path
 * (the tree decode of {@code SocketIoCodec} and {@code ClientEvents}): whatever it reads must give
 * the same command and the same ack; whatever it leaves to the ordinary path must be left whole.
 */
class EventTextsTest {

  private static final ChatMessage SENT =
      new ChatMessage(
          MessageId.of("m-1"),
          RoomId.of("r1"),
          UserId.of("u1"),
          Role.CUSTOMER,
          MessageType.TEXT,
          "hello",
          JsonValue.JsonObject.EMPTY,
          Instant.parse("2026-01-01T00:00:01.250Z"));

  private final GatewayFixture gateway = new GatewayFixture();
  private final FakeSioSocket socket = gateway.connectCustomer();

  @BeforeEach
  void answerEveryCommand() {
    when(gateway.messaging.sendMessage(any())).thenReturn(CompletableFuture.completedFuture(SENT));
    when(gateway.messaging.broadcast(any())).thenReturn(CompletableFuture.completedFuture(null));
  }

  /** What one path made of a packet: the command it called the use case with, and its acks. */
  private record Outcome(boolean malformed, List<Object> commands, List<String> acks) {}

  /** The ordinary path: the tree decode, then {@code onEvent}. */
  private Outcome ordinary(String text) {
    clearInvocations(gateway.messaging);
    SocketIoPacket packet;
    try {
      packet = SocketIoCodec.decode(text, 10);
    } catch (MalformedPacketException e) {
      return new Outcome(true, List.of(), List.of());
    }
    RecordingAck ack = new RecordingAck();
    SocketIoPacket.Event event = (SocketIoPacket.Event) packet;
    gateway.namespace.onEvent(
        socket, event.event(), event.args(), event.ackId().isPresent() ? ack : null);
    return new Outcome(false, commands(), acks(ack));
  }

  /** The streaming path, when it takes the packet; null when it leaves it. */
  private Outcome streamed(String text) {
    clearInvocations(gateway.messaging);
    SocketIoCodec.EventHeader header = SocketIoCodec.plainEventHeader(text);
    if (header == null) {
      return null;
    }
    RecordingAck ack = new RecordingAck();
    boolean taken =
        gateway.namespace.onEventText(
            socket, text, header.dataStart(), header.ackId() >= 0 ? ack : null);
    if (!taken) {
      assertThat(commands()).as("left to the ordinary path untouched: %s", text).isEmpty();
      assertThat(ack.sent).isEmpty();
      return null;
    }
    return new Outcome(false, commands(), acks(ack));
  }

  private List<Object> commands() {
    List<Object> out = new ArrayList<>();
    for (Invocation invocation : mockingDetails(gateway.messaging).getInvocations()) {
      out.add(invocation.getArgument(0));
    }
    return out;
  }

  private static List<String> acks(RecordingAck ack) {
    List<String> out = new ArrayList<>();
    ack.sent.forEach(args -> out.add(args.toString()));
    return out;
  }

  /** The streaming path took {@code text} and did what the ordinary path does. */
  private void assertStreamedAsOrdinary(String text) {
    Outcome streamed = streamed(text);
    assertThat(streamed).as("taken: %s", text).isNotNull();
    assertThat(streamed).as(text).isEqualTo(ordinary(text));
  }

  @Test
  void readsTheBenchmarksSendMessage() {
    String text =
        "2/realtime,12[\"send_message\",{\"channel\":\"chat:r1\",\"message\":\"hello 7\","
            + "\"type\":\"text\",\"metadata\":{\"seq\":7,\"ts\":123456789012345}}]";

    assertStreamedAsOrdinary(text);
    assertThat(streamed(text).commands())
        .containsExactly(
            new SendMessageCommand(
                callerOf(socket),
                "chat:r1",
                "hello 7",
                "text",
                JsonValue.JsonObject.builder()
                    .put("seq", JsonValue.JsonNumber.of(7))
                    .put("ts", JsonValue.JsonNumber.of(123456789012345L))
                    .build()));
    assertThat(streamed(text).acks())
        .containsExactly(
            "[{\"ok\":true,\"id\":\"m-1\",\"timestamp\":\"2026-01-01T00:00:01.250Z\"}]");
  }

  @Test
  void readsTheBenchmarksBroadcast() {
    String text =
        "2/realtime,3[\"broadcast_event\",{\"channel\":\"product:p1\",\"event_type\":\"tick\","
            + "\"data\":{\"seq\":1,\"ts\":2}}]";

    assertStreamedAsOrdinary(text);
    assertThat(streamed(text).commands())
        .containsExactly(
            new BroadcastCommand(
                callerOf(socket),
                "product:p1",
                "tick",
                JsonValue.JsonObject.builder()
                    .put("seq", JsonValue.JsonNumber.of(1))
                    .put("ts", JsonValue.JsonNumber.of(2))
                    .build()));
    assertThat(streamed(text).acks()).containsExactly("[{\"ok\":true}]");
  }

  @Test
  void readsOptionalMembersAsTheTreeDoes() {
    assertStreamedAsOrdinary(
        "2/realtime,1[\"send_message\",{\"message\":\"আবার \\\"x\\\"\",\"channel\":\"chat:r1\","
            + "\"type\":null,\"metadata\":null,\"client_msg_id\":\"c-1\"}]");
    assertStreamedAsOrdinary(
        "2/realtime,[\"send_message\",{\"channel\":\"chat:r1\",\"message\":\"no ack\"}]");
    assertStreamedAsOrdinary(
        "2/realtime,5[\"broadcast_event\",{\"channel\":\"c\",\"event_type\":\"e\",\"data\":null}]");
    assertStreamedAsOrdinary(
        "2/realtime,6[\"send_message\",{\"channel\":\"c\",\"message\":\"m\",\"metadata\":{\"a\":[1,"
            + "\"b\",true,false,null,{\"c\":{}}],\"big\":123456789012345678901234567890}}]");
  }

  @Test
  void leavesWhatItDoesNotReadToTheOrdinaryPath() {
    for (String data :
        List.of(
            "[\"join_channel\",{\"channels\":[\"a\"]}]",
            "[\"send_message\",{\"channel\":\"c\",\"message\":\"m\"},2]",
            "[\"send_message\",{\"channel\":\"c\",\"message\":\"m\",\"extra\":1}]",
            "[\"send_message\",{\"channel\":\"c\",\"channel\":\"d\",\"message\":\"m\"}]",
            "[\"send_message\",{\"channel\":\"c\",\"message\":7}]",
            "[\"send_message\",{\"channel\":\"c\",\"message\":null}]",
            "[\"send_message\",{\"channel\":\"c\"}]",
            "[\"send_message\",{\"channel\":\"c\",\"message\":\"m\",\"type\":1}]",
            "[\"send_message\",{\"channel\":\"c\",\"message\":\"m\",\"metadata\":[]}]",
            "[\"send_message\",{\"channel\":\"c\",\"message\":\"m\",\"metadata\":{\"w\":1.5}}]",
            "[\"send_message\",{\"channel\":\"c\",\"message\":\"m\",\"metadata\":{\"a\":1,\"a\":2}}]",
            "[\"send_message\",{\"channel\":\"c\",\"message\":\"m\",\"metadata\":{\"w\":1e400}}]",
            "[\"send_message\",{\"channel\":\"c\",\"message\":\"m\"}] x",
            "[\"send_message\",{\"channel\":\"c\",\"message\":\"m\"}",
            "[\"send_message\"]",
            "[\"send_message\",\"text\"]",
            "{\"send_message\":1}",
            "[\"broadcast_event\",{\"channel\":\"c\",\"event_type\":\"e\",\"data\":5}]",
            "[\"broadcast_event\",{\"channel\":\"c\"}]",
            "[\"send_message\",{\"channel\":\"c\",\"message\":\"m\",\"metadata\":"
                + "[".repeat(40)
                + "]".repeat(40)
                + "}]")) {
      assertThat(streamed("2/realtime,9" + data)).as(data).isNull();
    }
  }

  @Test
  void metadataPastTheLimitsIsLeftForTheOrdinaryRefusal() {
    StringBuilder deep = new StringBuilder();
    for (int i = 0; i < 33; i++) { // the metadata object is depth 1
      deep.append("{\"a\":");
    }
    deep.append('1').append("}".repeat(33));
    String text =
        "2/realtime,4[\"send_message\",{\"channel\":\"c\",\"message\":\"m\",\"metadata\":"
            + deep
            + "}]";

    assertThat(streamed(text)).isNull();
    assertThat(ordinary(text).acks()).singleElement().asString().contains("PAYLOAD_INVALID");
  }

  @Test
  void randomAndMalformedPacketsGiveTheSameOutcomeEitherWay() {
    Random random = new Random(20261207L);
    int taken = 0;
    int runs = 10_000;
    for (int i = 0; i < runs; i++) {
      String text = mutate(random, packet(random));
      Outcome streamed = streamed(text);
      if (streamed != null) {
        taken++;
        assertThat(streamed).as(text).isEqualTo(ordinary(text));
      }
    }
    // not vacuous: a good share of the generated packets are in the plain shape
    assertThat(taken).isGreaterThan(runs / 20);
  }

  private static String packet(Random random) {
    StringBuilder out = new StringBuilder("2");
    if (random.nextInt(10) > 0) {
      out.append("/realtime,");
    }
    if (random.nextInt(4) > 0) {
      out.append(random.nextInt(1000));
    }
    out.append('[');
    String event =
        pick(
            random,
            "\"send_message\"",
            "\"send_message\"",
            "\"broadcast_event\"",
            "\"join_channel\"",
            "7",
            "\"typing\"");
    out.append(event);
    if (random.nextInt(20) > 0) {
      out.append(',').append(payload(random, event.contains("broadcast")));
    }
    if (random.nextInt(15) == 0) {
      out.append(',').append(value(random, 0));
    }
    return out.append(']').toString();
  }

  private static String payload(Random random, boolean broadcast) {
    if (random.nextInt(25) == 0) {
      return value(random, 0);
    }
    List<String> members = new ArrayList<>();
    List<String> names =
        new ArrayList<>(
            broadcast
                ? List.of("channel", "event_type", "data")
                : List.of("channel", "message", "type", "metadata", "client_msg_id"));
    if (random.nextInt(10) == 0) {
      names.add(pick(random, "extra", "message", "event_type", "data", "metadata"));
    }
    for (String name : names) {
      if (random.nextInt(12) > 0) {
        members.add("\"" + name + "\":" + member(random, name));
      }
      if (random.nextInt(40) == 0) {
        members.add("\"" + name + "\":" + member(random, name)); // given twice
      }
    }
    java.util.Collections.shuffle(members, random);
    return "{" + String.join(",", members) + "}";
  }

  private static String member(Random random, String name) {
    boolean objectMember = name.equals("metadata") || name.equals("data");
    int odd = random.nextInt(16);
    if (odd == 0) {
      return value(random, 0); // any type
    }
    if (odd == 1) {
      return "null";
    }
    return objectMember ? object(random, 0) : string(random);
  }

  private static String value(Random random, int depth) {
    switch (random.nextInt(depth > 3 ? 7 : 9)) {
      case 0:
        return "null";
      case 1:
        return random.nextBoolean() ? "true" : "false";
      case 2:
        return Long.toString(random.nextLong() >> random.nextInt(64));
      case 3:
        return pick(
            random,
            "1.5",
            "-0",
            "0.1000000000000000000001",
            "1e2",
            "1E400",
            "123456789012345678901234567890",
            "-9223372036854775809");
      case 4:
      case 5:
        return string(random);
      case 6:
        return pick(random, "[]", "{}", "\"\"");
      case 7:
        return object(random, depth + 1);
      default:
        StringBuilder array = new StringBuilder("[");
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
          array.append(i > 0 ? "," : "").append(value(random, depth + 1));
        }
        return array.append(']').toString();
    }
  }

  private static String object(Random random, int depth) {
    StringBuilder out = new StringBuilder("{");
    int n = random.nextInt(4);
    for (int i = 0; i < n; i++) {
      out.append(i > 0 ? "," : "");
      out.append(random.nextInt(10) == 0 ? "\"k\"" : "\"k" + i + "\"");
      out.append(':').append(value(random, depth + 1));
    }
    return out.append('}').toString();
  }

  private static String string(Random random) {
    return pick(
        random,
        "\"chat:r1\"",
        "\"hello\"",
        "\"\"",
        "\"text\"",
        "\"আবার\"",
        "\"a\\\"b\\\\c\\n\"",
        "\"\\u2028\\ud83d\\ude00\"",
        "\"tab\\there\"");
  }

  /** Now and then breaks the text: a char dropped, doubled or replaced, or the text cut. */
  private static String mutate(Random random, String text) {
    if (random.nextInt(4) > 0 || text.length() < 3) {
      return text;
    }
    int at = 1 + random.nextInt(text.length() - 1);
    return switch (random.nextInt(5)) {
      case 0 -> text.substring(0, at) + text.substring(at + 1);
      case 1 -> text.substring(0, at) + text.charAt(at) + text.substring(at);
      case 2 ->
          text.substring(0, at)
              + pick(random, "\"", "{", "]", ",", ":", " ", "x")
              + text.substring(at + 1);
      case 3 -> text.substring(0, at);
      default -> text + pick(random, " ", "]", "x", "\n");
    };
  }

  private static String pick(Random random, String... options) {
    return options[random.nextInt(options.length)];
  }

  @Test
  void anOptionalMessageIdIsPassedOn() {
    String text =
        "2/realtime,1[\"send_message\",{\"channel\":\"c\",\"message\":\"m\",\"client_msg_id\":\"x\"}]";
    assertThat(streamed(text).commands())
        .containsExactly(
            new SendMessageCommand(
                callerOf(socket), "c", "m", "text", JsonValue.JsonObject.EMPTY, Optional.of("x")));
  }
}

package bd.com.getit.realtime.adapter.websocket.socketio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Decoding and encoding of every packet type, valid and malformed. */
class SocketIoCodecTest {

  private static JsonNode json(String text) {
    try {
      return SocketIoCodec.JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static ArrayNode array(String text) {
    return (ArrayNode) json(text);
  }

  private static ObjectNode object(String text) {
    return (ObjectNode) json(text);
  }

  private static SocketIoPacket decode(String text) throws MalformedPacketException {
    return SocketIoCodec.decode(text, 10);
  }

  static Stream<Arguments> validPackets() {
    return Stream.of(
        // the examples of the protocol specification
        Arguments.of("0", new SocketIoPacket.Connect("/", Optional.empty())),
        Arguments.of(
            "0/admin,{\"sid\":\"oSO0OpakMV_3jnilAAAA\"}",
            new SocketIoPacket.Connect(
                "/admin", Optional.of(object("{\"sid\":\"oSO0OpakMV_3jnilAAAA\"}")))),
        Arguments.of(
            "4{\"message\":\"Not authorized\"}",
            new SocketIoPacket.ConnectError("/", json("{\"message\":\"Not authorized\"}"))),
        Arguments.of(
            "2[\"foo\"]", new SocketIoPacket.Event("/", OptionalLong.empty(), array("[\"foo\"]"))),
        Arguments.of(
            "2/admin,[\"bar\"]",
            new SocketIoPacket.Event("/admin", OptionalLong.empty(), array("[\"bar\"]"))),
        Arguments.of(
            "51-[\"baz\",{\"_placeholder\":true,\"num\":0}]",
            new SocketIoPacket.BinaryEvent(
                "/",
                OptionalLong.empty(),
                array("[\"baz\",{\"_placeholder\":true,\"num\":0}]"),
                1)),
        Arguments.of(
            "52-/admin,[\"baz\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]",
            new SocketIoPacket.BinaryEvent(
                "/admin",
                OptionalLong.empty(),
                array(
                    "[\"baz\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]"),
                2)),
        Arguments.of(
            "212[\"foo\"]", new SocketIoPacket.Event("/", OptionalLong.of(12), array("[\"foo\"]"))),
        Arguments.of(
            "3/admin,13[\"bar\"]", new SocketIoPacket.Ack("/admin", 13, array("[\"bar\"]"))),
        Arguments.of(
            "61-15[\"bar\",{\"_placeholder\":true,\"num\":0}]",
            new SocketIoPacket.BinaryAck(
                "/", 15, array("[\"bar\",{\"_placeholder\":true,\"num\":0}]"), 1)),
        Arguments.of("1", new SocketIoPacket.Disconnect("/")),
        Arguments.of("1/admin,", new SocketIoPacket.Disconnect("/admin")),
        Arguments.of(
            "2[\"hey\",\"Jude\"]",
            new SocketIoPacket.Event("/", OptionalLong.empty(), array("[\"hey\",\"Jude\"]"))),
        // and what the official test suite sends
        Arguments.of(
            "0{\"token\":\"123\"}",
            new SocketIoPacket.Connect("/", Optional.of(object("{\"token\":\"123\"}")))),
        Arguments.of("0/custom,", new SocketIoPacket.Connect("/custom", Optional.empty())),
        Arguments.of("0/custom", new SocketIoPacket.Connect("/custom", Optional.empty())),
        Arguments.of(
            "0/custom,{\"token\":\"abc\"}",
            new SocketIoPacket.Connect("/custom", Optional.of(object("{\"token\":\"abc\"}")))),
        Arguments.of("1/custom", new SocketIoPacket.Disconnect("/custom")),
        Arguments.of(
            "2456[\"message-with-ack\",1,\"2\",{\"3\":[false]}]",
            new SocketIoPacket.Event(
                "/",
                OptionalLong.of(456),
                array("[\"message-with-ack\",1,\"2\",{\"3\":[false]}]"))),
        Arguments.of(
            "52-789[\"m\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]",
            new SocketIoPacket.BinaryEvent(
                "/",
                OptionalLong.of(789),
                array(
                    "[\"m\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]"),
                2)),
        // edges the parser accepts
        Arguments.of(
            "2/a,9007199254740991[\"x\"]",
            new SocketIoPacket.Event("/a", OptionalLong.of(9007199254740991L), array("[\"x\"]"))),
        Arguments.of(
            "20[\"x\"]", new SocketIoPacket.Event("/", OptionalLong.of(0), array("[\"x\"]"))),
        Arguments.of("2[1,2]", new SocketIoPacket.Event("/", OptionalLong.empty(), array("[1,2]"))),
        Arguments.of("3/a,7[]", new SocketIoPacket.Ack("/a", 7, array("[]"))),
        Arguments.of(
            "2[\"spaced\"] ",
            new SocketIoPacket.Event("/", OptionalLong.empty(), array("[\"spaced\"]"))),
        Arguments.of("4\"oops\"", new SocketIoPacket.ConnectError("/", json("\"oops\""))),
        Arguments.of(
            "50-[\"none\"]",
            new SocketIoPacket.BinaryEvent("/", OptionalLong.empty(), array("[\"none\"]"), 0)));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("validPackets")
  void decodesValidPackets(String text, SocketIoPacket expected) throws Exception {
    assertThat(decode(text)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "",
        "7",
        "9[\"x\"]",
        "a",
        "abc",
        "-1",
        " 0",
        // CONNECT payload must be an object
        "0[]",
        "0\"token\"",
        "01",
        "0/admin,{\"a\":1}x",
        "0{",
        // DISCONNECT has no payload
        "1{}",
        "1/admin,[]",
        "1/admin,5",
        // EVENT data: a non-empty array, a string (not reserved) or number first
        "2",
        "2{}",
        "42{}",
        "2[]",
        "2[{}]",
        "2[null]",
        "2[true]",
        "2[[\"x\"]]",
        "2\"message\"",
        "2[\"connect\"]",
        "2[\"connect_error\"]",
        "2[\"disconnect\"]",
        "2[\"disconnecting\"]",
        "2[\"newListener\"]",
        "2[\"removeListener\"]",
        "2[\"x\"",
        "2[\"x\"]]",
        "2[\"x\"]garbage",
        "2[\"x\"][\"y\"]",
        "2 ",
        "2[NaN]",
        "2[\"x\",01]",
        "2/admin,[\"x\"",
        "2/admin[\"x\"]",
        // ack ids: digits only, at most 2^53-1
        "2abc[\"message-with-ack\",1,\"2\",{\"3\":[false]}]",
        "2-1[\"x\"]",
        "21.5[\"x\"]",
        "29007199254740992[\"x\"]",
        "299999999999999999999[\"x\"]",
        "21e3[\"x\"]",
        "2/a,12x[\"x\"]",
        "2/a,12",
        // ACK: an id and an array
        "3[\"x\"]",
        "31",
        "31{}",
        "31\"x\"",
        "3/a,[]",
        // CONNECT_ERROR: an object or a string
        "4",
        "4[]",
        "41",
        // attachments: digits, then '-', at most the maximum
        "5[\"x\"]",
        "5-[\"x\"]",
        "5a-[\"x\"]",
        "5-1-[\"x\"]",
        "511-[\"x\",{\"_placeholder\":true,\"num\":0}]",
        "51[\"x\"]",
        "51-",
        "51-{}",
        "51-[]",
        "51-2",
        "59999999999-[\"x\"]",
        "6-1[]",
        "61-[]",
        "61-1{}",
      })
  void rejectsMalformedPackets(String text) {
    assertThatThrownBy(() -> decode(text)).isInstanceOf(MalformedPacketException.class);
  }

  @Test
  void eventExposesNameAndArguments() throws Exception {
    SocketIoPacket.Event event =
        (SocketIoPacket.Event) decode("2[\"message\",1,\"2\",{\"3\":[true]}]");

    assertThat(event.event()).isEqualTo("message");
    assertThat(event.args()).containsExactly(json("1"), json("\"2\""), json("{\"3\":[true]}"));
  }

  @Test
  void numericEventNameReadsAsText() throws Exception {
    assertThat(((SocketIoPacket.Event) decode("2[42,\"x\"]")).event()).isEqualTo("42");
  }

  static Stream<Arguments> encodings() {
    return Stream.of(
        Arguments.of(new SocketIoPacket.Connect("/", Optional.empty()), "0"),
        Arguments.of(
            new SocketIoPacket.Connect("/", Optional.of(object("{\"sid\":\"abc\"}"))),
            "0{\"sid\":\"abc\"}"),
        Arguments.of(
            new SocketIoPacket.Connect(
                "/admin", Optional.of(object("{\"sid\":\"abc\",\"pid\":\"p\"}"))),
            "0/admin,{\"sid\":\"abc\",\"pid\":\"p\"}"),
        Arguments.of(new SocketIoPacket.Disconnect("/"), "1"),
        Arguments.of(new SocketIoPacket.Disconnect("/admin"), "1/admin,"),
        Arguments.of(
            new SocketIoPacket.Event("/", OptionalLong.empty(), array("[\"hey\",\"Jude\"]")),
            "2[\"hey\",\"Jude\"]"),
        Arguments.of(
            new SocketIoPacket.Event("/admin", OptionalLong.of(456), array("[\"x\",1]")),
            "2/admin,456[\"x\",1]"),
        Arguments.of(
            new SocketIoPacket.Ack("/admin", 13, array("[\"bar\"]")), "3/admin,13[\"bar\"]"),
        Arguments.of(new SocketIoPacket.Ack("/", 0, array("[]")), "30[]"),
        Arguments.of(
            new SocketIoPacket.ConnectError("/random", json("{\"message\":\"Invalid namespace\"}")),
            "4/random,{\"message\":\"Invalid namespace\"}"),
        Arguments.of(
            new SocketIoPacket.BinaryEvent(
                "/", OptionalLong.empty(), array("[\"baz\",{\"_placeholder\":true,\"num\":0}]"), 1),
            "51-[\"baz\",{\"_placeholder\":true,\"num\":0}]"),
        Arguments.of(
            new SocketIoPacket.BinaryAck(
                "/admin", 15, array("[\"bar\",{\"_placeholder\":true,\"num\":0}]"), 1),
            "61-/admin,15[\"bar\",{\"_placeholder\":true,\"num\":0}]"));
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @MethodSource("encodings")
  void encodesPacketsAndDecodesThemBack(SocketIoPacket packet, String text) throws Exception {
    assertThat(SocketIoCodec.encodeText(packet)).isEqualTo(text);
    assertThat(SocketIoCodec.encode(packet)).containsExactly(text);
    if (!(packet instanceof SocketIoPacket.ConnectError && packet.namespace().equals("/random"))) {
      assertThat(decode(text)).isEqualTo(packet);
    }
  }

  @Test
  void encodesBinaryEventWithPlaceholdersInDepthFirstOrder() {
    ArrayNode data = array("[\"message-back\",null,{\"nested\":null}]");
    data.set(1, BinaryNode.valueOf(new byte[] {1, 2, 3}));
    ((ObjectNode) data.get(2)).set("nested", BinaryNode.valueOf(new byte[] {4, 5, 6}));

    List<Object> messages =
        SocketIoCodec.encode(new SocketIoPacket.Event("/", OptionalLong.empty(), data));

    assertThat(messages).hasSize(3);
    assertThat(messages.get(0))
        .isEqualTo(
            "52-[\"message-back\",{\"_placeholder\":true,\"num\":0},"
                + "{\"nested\":{\"_placeholder\":true,\"num\":1}}]");
    assertThat((byte[]) messages.get(1)).containsExactly(1, 2, 3);
    assertThat((byte[]) messages.get(2)).containsExactly(4, 5, 6);
    assertThat(data.get(1).isBinary()).as("the caller's tree is left alone").isTrue();
  }

  @Test
  void encodesBinaryAckWithItsId() {
    ArrayNode data = SocketIoCodec.JSON.createArrayNode();
    data.add(BinaryNode.valueOf(new byte[] {9}));

    List<Object> messages = SocketIoCodec.encode(new SocketIoPacket.Ack("/custom", 789, data));

    assertThat(messages.get(0)).isEqualTo("61-/custom,789[{\"_placeholder\":true,\"num\":0}]");
    assertThat((byte[]) messages.get(1)).containsExactly(9);
  }

  @Test
  void encodeTextRefusesBinaryData() {
    ArrayNode data = array("[\"x\"]");
    data.add(BinaryNode.valueOf(new byte[] {1}));

    assertThatThrownBy(
            () ->
                SocketIoCodec.encodeText(new SocketIoPacket.Event("/", OptionalLong.empty(), data)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void encodesEventFromNameAndArguments() {
    List<Object> messages =
        SocketIoCodec.encodeEventArgs(
            "/custom",
            "message-back",
            List.of(json("1"), json("\"2\""), json("{\"3\":[true]}")),
            OptionalLong.of(7));

    assertThat(messages).containsExactly("2/custom,7[\"message-back\",1,\"2\",{\"3\":[true]}]");
  }

  @Test
  void encodesEventFromArgumentsWithBinaryAsBinaryEvent() {
    List<Object> messages =
        SocketIoCodec.encodeEventArgs(
            "/", "file", List.of(BinaryNode.valueOf(new byte[] {7})), OptionalLong.empty());

    assertThat(messages.get(0)).isEqualTo("51-[\"file\",{\"_placeholder\":true,\"num\":0}]");
    assertThat((byte[]) messages.get(1)).containsExactly(7);
  }

  @Test
  void encodesPreSerializedEventForFanout() {
    assertThat(SocketIoCodec.encodeEvent("/realtime", "product_price_change", "{\"a\":1}", null))
        .isEqualTo("2/realtime,[\"product_price_change\",{\"a\":1}]");
    assertThat(SocketIoCodec.encodeEvent("/", "ping", null, null)).isEqualTo("2[\"ping\"]");
    assertThat(SocketIoCodec.encodeEvent("/realtime", "message", "{\"a\":1}", "1700000000-5"))
        .isEqualTo("2/realtime,[\"message\",{\"a\":1},\"1700000000-5\"]");
    assertThat(SocketIoCodec.encodeEvent("/", "quote\"d", "[1]", "o\\ff"))
        .isEqualTo("2[\"quote\\\"d\",[1],\"o\\\\ff\"]");
  }

  @Test
  void preSerializedEventDecodesToTheSameArguments() throws Exception {
    String text = SocketIoCodec.encodeEvent("/realtime", "e", "{\"ü\":\"\\n\"}", "off-1");

    SocketIoPacket.Event event = (SocketIoPacket.Event) decode(text);

    assertThat(event.namespace()).isEqualTo("/realtime");
    assertThat(event.event()).isEqualTo("e");
    assertThat(event.args()).containsExactly(json("{\"ü\":\"\\n\"}"), json("\"off-1\""));
  }

  @Test
  void reconstructsPlaceholdersAnywhere() throws Exception {
    ArrayNode data =
        array(
            "[\"x\",{\"_placeholder\":true,\"num\":1},{\"deep\":[{\"_placeholder\":true,\"num\":0}]}]");

    SocketIoCodec.reconstruct(data, List.of(new byte[] {1}, new byte[] {2}));

    assertThat(data.get(1).binaryValue()).containsExactly(2);
    assertThat(data.get(2).get("deep").get(0).binaryValue()).containsExactly(1);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "[{\"_placeholder\":true,\"num\":1}]",
        "[{\"_placeholder\":true,\"num\":-1}]",
        "[{\"_placeholder\":true,\"num\":0.5}]",
        "[{\"_placeholder\":true,\"num\":\"0\"}]",
        "[{\"_placeholder\":true}]",
        "[{\"a\":{\"_placeholder\":true,\"num\":99999999999}}]"
      })
  void rejectsPlaceholdersWithoutAnAttachment(String data) {
    assertThatThrownBy(() -> SocketIoCodec.reconstruct(array(data), List.of(new byte[] {1})))
        .isInstanceOf(MalformedPacketException.class);
  }

  @Test
  void leavesObjectsThatAreNotPlaceholders() throws Exception {
    ArrayNode data = array("[{\"_placeholder\":false,\"num\":0},{\"_placeholder\":\"true\"}]");

    SocketIoCodec.reconstruct(data, List.of());

    assertThat(data)
        .isEqualTo(array("[{\"_placeholder\":false,\"num\":0},{\"_placeholder\":\"true\"}]"));
  }

  @Test
  void packetsValidateTheirFields() {
    assertThatThrownBy(() -> new SocketIoPacket.Disconnect("admin"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new SocketIoPacket.Ack("/", SocketIoPacket.MAX_ACK_ID + 1, array("[]")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SocketIoPacket.Event("/", OptionalLong.empty(), array("[]")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SocketIoPacket.BinaryAck("/", 1, array("[]"), -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "[{\"ok\":true,\"id\":\"m1\",\"timestamp\":\"2026-12-07T17:45:01.123456Z\"}]",
        "[{\"ok\":false,\"error\":{\"code\":\"RATE_LIMITED\",\"message_bn\":\"\u09a6\u09df\u09be\"}}]",
        "[\"quote \\\" backslash \\\\ line\\n\\u0001 emoji \ud83d\ude00\", 1.5e300, -12, null, []]",
        "[]"
      })
  void anAckIsEncodedAsTheTextEncoderWritesIt(String data) {
    for (String namespace : List.of("/", "/realtime")) {
      SocketIoPacket.Ack ack = new SocketIoPacket.Ack(namespace, 17, array(data));
      assertThat(SocketIoCodec.encode(ack)).containsExactly(SocketIoCodec.encodeText(ack));
    }
  }

  @Test
  void thePlainEventHeaderIsReadAsDecodeReadsIt() throws Exception {
    java.util.Random random = new java.util.Random(12);
    String[] pieces = {
      "2",
      "2",
      "3",
      "/",
      "/realtime",
      ",",
      "7",
      "9007199254740991",
      "9007199254740992",
      "12345678901234567",
      "[\"e\"]",
      "[\"e\",1]",
      "[",
      "x",
      "\"e\"",
      ""
    };
    int headers = 0;
    for (int run = 0; run < 20_000; run++) {
      StringBuilder text = new StringBuilder();
      int n = 1 + random.nextInt(5);
      for (int i = 0; i < n; i++) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      String packet = text.toString();
      SocketIoCodec.EventHeader header = SocketIoCodec.plainEventHeader(packet);
      SocketIoPacket decoded;
      try {
        decoded = SocketIoCodec.decode(packet, 10);
      } catch (MalformedPacketException e) {
        // refused: a header may still be read when only the JSON is wrong
        if (header != null) {
          headers++;
          assertThat(e.getMessage()).as(packet).isEqualTo("invalid payload");
          assertThatThrownBy(() -> SocketIoCodec.decode(packet.substring(header.dataStart()), 10))
              .isInstanceOf(MalformedPacketException.class);
        }
        continue;
      }
      if (!(decoded instanceof SocketIoPacket.Event event)) {
        assertThat(header).as(packet).isNull();
        continue;
      }
      headers++;
      assertThat(header).as(packet).isNotNull();
      assertThat(header.namespace()).isEqualTo(event.namespace());
      assertThat(header.ackId()).isEqualTo(event.ackId().orElse(-1));
      assertThat(SocketIoCodec.JSON.readTree(packet.substring(header.dataStart())))
          .isEqualTo(event.data());
    }
    assertThat(headers).isGreaterThan(1_000);
  }

  @Test
  void anEventOpenedAndClosedInABufferIsTheEncodedEvent() {
    StringBuilder out = new StringBuilder();
    SocketIoCodec.openEvent(out, "/realtime", "new_message\u2028\"");
    out.append(",{\"a\":1}");
    SocketIoCodec.closeEvent(out, "1-0");

    assertThat(out.toString())
        .isEqualTo(
            SocketIoCodec.encodeEvent("/realtime", "new_message\u2028\"", "{\"a\":1}", "1-0"));
  }
}

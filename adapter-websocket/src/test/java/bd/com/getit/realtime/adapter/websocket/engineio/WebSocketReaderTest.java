package bd.com.getit.realtime.adapter.websocket.engineio;

import static bd.com.getit.realtime.adapter.websocket.engineio.ClientFrames.BINARY;
import static bd.com.getit.realtime.adapter.websocket.engineio.ClientFrames.CLOSE;
import static bd.com.getit.realtime.adapter.websocket.engineio.ClientFrames.CONTINUATION;
import static bd.com.getit.realtime.adapter.websocket.engineio.ClientFrames.FIN;
import static bd.com.getit.realtime.adapter.websocket.engineio.ClientFrames.PING;
import static bd.com.getit.realtime.adapter.websocket.engineio.ClientFrames.PONG;
import static bd.com.getit.realtime.adapter.websocket.engineio.ClientFrames.RSV1;
import static bd.com.getit.realtime.adapter.websocket.engineio.ClientFrames.RSV2;
import static bd.com.getit.realtime.adapter.websocket.engineio.ClientFrames.RSV3;
import static bd.com.getit.realtime.adapter.websocket.engineio.ClientFrames.TEXT;
import static bd.com.getit.realtime.adapter.websocket.engineio.ClientFrames.concat;
import static bd.com.getit.realtime.adapter.websocket.engineio.ClientFrames.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

// a reader that loops without consuming input would hang a test: fail it instead
@Timeout(60)
class WebSocketReaderTest {

  private static final int MAX = 1_000_000;

  /** A frame this size or less is decoded through the reader's per-thread scratch arrays. */
  private static final int SMALL_FRAME = 4096;

  private static final String BANGLA = "অর্ডার পাঠানো হয়েছে";
  private static final String EMOJI = "👍🏽🎉";

  private final Random random = new Random(20261207);
  private final ClientFrames frames = new ClientFrames(random);

  // ---- helpers --------------------------------------------------------------------------------

  /** What a listener received, one line per call, in order. */
  static class Recorder implements WebSocketReader.Listener {
    final List<String> events = new ArrayList<>();
    String failureReason;

    @Override
    public void onText(String message) {
      events.add("text:" + message);
    }

    @Override
    public void onBinary(byte[] message) {
      events.add("binary:" + HexFormat.of().formatHex(message));
    }

    @Override
    public void onPing(byte[] payload) {
      events.add("ping:" + HexFormat.of().formatHex(payload));
    }

    @Override
    public void onPong(byte[] payload) {
      events.add("pong:" + HexFormat.of().formatHex(payload));
    }

    @Override
    public void onClose(int code, String reason) {
      events.add("close:" + code + ":" + reason);
    }

    @Override
    public void onFailure(int closeCode, String reason) {
      events.add("failure:" + closeCode);
      failureReason = reason;
    }
  }

  private static String text(String message) {
    return "text:" + message;
  }

  private static String binary(byte[] message) {
    return "binary:" + HexFormat.of().formatHex(message);
  }

  private static String ping(String payload) {
    return "ping:" + HexFormat.of().formatHex(utf8(payload));
  }

  private static String failure(int code) {
    return "failure:" + code;
  }

  private static WebSocketReader plain() {
    return new WebSocketReader(MAX, false, false);
  }

  /**
   * Feeds {@code wire} cut at {@code cuts} through one reused buffer that is scribbled over after
   * every read, so a reader that kept a reference to the caller's bytes would deliver garbage.
   */
  private static List<String> feed(WebSocketReader reader, byte[] wire, int... cuts) {
    Recorder recorder = new Recorder();
    ByteBuffer buffer = ByteBuffer.allocate(wire.length + 8);
    int from = 0;
    int[] ends = Arrays.copyOf(cuts, cuts.length + 1);
    ends[cuts.length] = wire.length;
    for (int end : ends) {
      buffer.clear();
      buffer.position(3); // not at the buffer's start
      buffer.put(wire, from, end - from);
      buffer.flip().position(3);
      reader.read(buffer, recorder);
      assertThat(buffer.hasRemaining()).as("every byte consumed").isFalse();
      Arrays.fill(buffer.array(), (byte) 0x5A);
      from = end;
    }
    return recorder.events;
  }

  private static List<String> feedWhole(WebSocketReader reader, byte[] wire) {
    return feed(reader, wire);
  }

  private static List<String> feedByteByByte(WebSocketReader reader, byte[] wire) {
    int[] cuts = new int[Math.max(0, wire.length - 1)];
    for (int i = 0; i < cuts.length; i++) {
      cuts[i] = i + 1;
    }
    return feed(reader, wire, cuts);
  }

  /**
   * Asserts the same events whole, byte by byte, split in two at every position (or at many for a
   * long wire), in a direct buffer and in a little-endian one.
   */
  private void assertReads(Supplier<WebSocketReader> readers, byte[] wire, String... expected) {
    List<String> want = List.of(expected);
    assertThat(feedWhole(readers.get(), wire)).as("whole").isEqualTo(want);
    assertThat(feedByteByByte(readers.get(), wire)).as("byte by byte").isEqualTo(want);
    for (int cut : cutPoints(wire.length)) {
      assertThat(feed(readers.get(), wire, cut)).as("split at %d", cut).isEqualTo(want);
    }
    for (int i = 0; i < 20; i++) {
      int[] cuts = randomCuts(wire.length, 1 + random.nextInt(6));
      assertThat(feed(readers.get(), wire, cuts))
          .as("split at %s", Arrays.toString(cuts))
          .isEqualTo(want);
    }
    Recorder direct = new Recorder();
    ByteBuffer buffer = ByteBuffer.allocateDirect(wire.length).order(ByteOrder.LITTLE_ENDIAN);
    buffer.put(wire).flip();
    readers.get().read(buffer, direct);
    assertThat(direct.events).as("direct, little-endian").isEqualTo(want);
  }

  private int[] cutPoints(int length) {
    if (length <= 2048) {
      int[] all = new int[Math.max(0, length - 1)];
      for (int i = 0; i < all.length; i++) {
        all[i] = i + 1;
      }
      return all;
    }
    // every header position, and the payload at its start, end and a few places between
    List<Integer> cuts = new ArrayList<>();
    for (int i = 1; i < 40; i++) {
      cuts.add(i);
    }
    for (int i = length - 20; i < length; i++) {
      cuts.add(i);
    }
    for (int i = 0; i < 20; i++) {
      cuts.add(1 + random.nextInt(length - 1));
    }
    return cuts.stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
  }

  private int[] randomCuts(int length, int count) {
    if (length < 2) {
      return new int[0];
    }
    int[] cuts = new int[count];
    for (int i = 0; i < count; i++) {
      cuts[i] = 1 + random.nextInt(length - 1);
    }
    return Arrays.stream(cuts).sorted().distinct().toArray();
  }

  private static byte[] bytes(int length, int seed) {
    byte[] bytes = new byte[length];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  private static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex);
  }

  // ---- tests ----------------------------------------------------------------------------------

  @Nested
  class WholeFrames {

    @Test
    void aSmallTextFrameIsOneTextMessage() {
      assertReads(
          WebSocketReaderTest::plain,
          frames.text("42[\"send_message\",{\"text\":\"hi\"}]"),
          text("42[\"send_message\",{\"text\":\"hi\"}]"));
    }

    @Test
    void banglaAndEmojiTextIsDecodedAsUtf8() {
      assertReads(WebSocketReaderTest::plain, frames.text(BANGLA), text(BANGLA));
      assertReads(WebSocketReaderTest::plain, frames.text(EMOJI), text(EMOJI));
      assertReads(
          WebSocketReaderTest::plain, frames.text("é" + EMOJI + "a"), text("é" + EMOJI + "a"));
    }

    @Test
    void emptyTextAndBinaryFramesAreEmptyMessages() {
      assertReads(
          WebSocketReaderTest::plain,
          concat(frames.text(""), frames.binary(new byte[0])),
          text(""),
          binary(new byte[0]));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 8, 9, 124, 125, 126, 127, 1000, 65_535, 65_536, 65_537, 200_000})
    void binaryFramesOfEveryLengthEncodingArriveIntact(int length) {
      byte[] message = bytes(length, length);
      assertReads(WebSocketReaderTest::plain, frames.binary(message), binary(message));
    }

    @ParameterizedTest
    @ValueSource(ints = {125, 126, 65_535, 65_536})
    void longAsciiAndUtf8TextArrivesIntact(int length) {
      String ascii = "a1b2c3d4".repeat(length / 8 + 1).substring(0, length);
      assertReads(WebSocketReaderTest::plain, frames.text(ascii), text(ascii));
      String bangla = (BANGLA + EMOJI).repeat(length / 40 + 1);
      assertReads(WebSocketReaderTest::plain, frames.text(bangla), text(bangla));
    }

    @Test
    void aNonMinimalLengthEncodingIsAccepted() {
      // RFC 6455 asks senders for the shortest form; refusing a longer one gains nothing
      byte[] wire = frames.frame(FIN | TEXT, utf8("hello"), true, 127, 5);
      assertReads(WebSocketReaderTest::plain, wire, text("hello"));
    }

    @Test
    void severalFramesInOneReadAreDeliveredInOrder() {
      byte[] wire =
          concat(
              frames.text("one"),
              frames.ping("p"),
              frames.binary(new byte[] {1, 2, 3}),
              frames.frame(FIN | PONG, utf8("q")),
              frames.text("two"));
      assertReads(
          WebSocketReaderTest::plain,
          wire,
          text("one"),
          ping("p"),
          binary(new byte[] {1, 2, 3}),
          "pong:" + HexFormat.of().formatHex(utf8("q")),
          text("two"));
    }

    @Test
    void theBinaryArrayHandedOverIsTheListenersToKeep() {
      WebSocketReader reader = plain();
      List<byte[]> received = new ArrayList<>();
      WebSocketReader.Listener listener =
          new Recorder() {
            @Override
            public void onBinary(byte[] message) {
              received.add(message);
            }
          };
      byte[] first = bytes(300, 1);
      byte[] second = bytes(300, 2);
      reader.read(ByteBuffer.wrap(concat(frames.binary(first), frames.binary(second))), listener);
      assertThat(received).hasSize(2);
      assertThat(received.get(0)).isEqualTo(first);
      assertThat(received.get(1)).isEqualTo(second);
    }
  }

  @Nested
  class Unmasking {

    @Test
    void unmaskingEightBytesAtATimeMatchesTheByteByByteDefinition() {
      for (int length = 0; length < 40; length++) {
        for (int from = 0; from < 5; from++) {
          for (int phase = 0; phase < 4; phase++) {
            byte[] data = bytes(length + from, length * 31 + from);
            int mask = random.nextInt();
            byte[] expected = data.clone();
            for (int i = from; i < data.length; i++) {
              int keyByte = (phase + i - from) & 3;
              expected[i] ^= (byte) (mask >>> (24 - 8 * keyByte));
            }
            WebSocketReader.unmask(data, from, data.length, mask, phase);
            assertThat(data)
                .as("length %d from %d phase %d", length, from, phase)
                .isEqualTo(expected);
          }
        }
      }
    }

    @Test
    void anUnmaskedFrameIsAProtocolError() {
      byte[] wire = frames.frame(FIN | TEXT, utf8("hi"), false);
      assertReads(WebSocketReaderTest::plain, wire, failure(1002));
    }

    @Test
    void anUnmaskedFrameFailsFromItsFirstTwoBytes() {
      byte[] wire = frames.frame(FIN | BINARY, new byte[300], false);
      assertThat(feed(plain(), Arrays.copyOf(wire, 2), 1)).containsExactly(failure(1002));
    }

    @Test
    void anUnmaskedControlFrameIsAProtocolError() {
      assertReads(
          WebSocketReaderTest::plain, frames.frame(FIN | PING, new byte[0], false), failure(1002));
    }
  }

  @Nested
  class Lengths {

    @Test
    void aLengthWithTheTopBitSetIsAProtocolError() {
      byte[] header = frames.frame(FIN | BINARY, new byte[0], true, 127, 0x8000_0000_0000_0001L);
      assertReads(WebSocketReaderTest::plain, header, failure(1002));
    }

    @Test
    void aDeclaredLengthAboveTheLimitFailsFromTheHeaderAlone() {
      // the header only: no payload byte was sent, so failing proves nothing was buffered first
      byte[] header = frames.frame(FIN | BINARY, new byte[0], true, 127, MAX + 1L);
      assertReads(WebSocketReaderTest::plain, header, failure(1009));
      byte[] huge = frames.frame(FIN | TEXT, new byte[0], true, 127, Long.MAX_VALUE);
      assertReads(WebSocketReaderTest::plain, huge, failure(1009));
      byte[] medium = frames.frame(FIN | TEXT, new byte[0], true, 126, 201);
      assertReads(() -> new WebSocketReader(200, false, false), medium, failure(1009));
    }

    @Test
    void aMessageOfExactlyTheLimitIsAccepted() {
      byte[] message = bytes(200, 9);
      assertReads(
          () -> new WebSocketReader(200, false, false), frames.binary(message), binary(message));
    }

    @Test
    void aZeroLimitAcceptsOnlyEmptyMessages() {
      assertReads(() -> new WebSocketReader(0, false, false), frames.text(""), text(""));
      assertReads(() -> new WebSocketReader(0, false, false), frames.text("a"), failure(1009));
    }

    @Test
    void aNegativeLimitIsRefused() {
      assertThatThrownBy(() -> new WebSocketReader(-1, false, false))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("-1");
    }
  }

  @Nested
  class Fragments {

    @Test
    void fragmentsMakeOneMessage() {
      byte[] wire =
          concat(
              frames.frame(TEXT, utf8("Hel")),
              frames.frame(CONTINUATION, utf8("lo, ")),
              frames.frame(CONTINUATION, new byte[0]),
              frames.frame(FIN | CONTINUATION, utf8("world")));
      assertReads(WebSocketReaderTest::plain, wire, text("Hello, world"));
    }

    @Test
    void binaryFragmentsMakeOneMessage() {
      byte[] message = bytes(70_000, 3);
      byte[] wire =
          concat(
              frames.frame(BINARY, Arrays.copyOfRange(message, 0, 100)),
              frames.frame(CONTINUATION, Arrays.copyOfRange(message, 100, 65_700)),
              frames.frame(FIN | CONTINUATION, Arrays.copyOfRange(message, 65_700, 70_000)));
      assertReads(WebSocketReaderTest::plain, wire, binary(message));
    }

    @Test
    void controlFramesBetweenFragmentsAreDeliveredAtOnce() {
      byte[] wire =
          concat(
              frames.frame(TEXT, utf8("a")),
              frames.ping("1"),
              frames.frame(CONTINUATION, utf8("b")),
              frames.frame(FIN | PONG, new byte[0]),
              frames.ping("2"),
              frames.frame(FIN | CONTINUATION, utf8("c")));
      assertReads(WebSocketReaderTest::plain, wire, ping("1"), "pong:", ping("2"), text("abc"));
    }

    @Test
    void aCloseBetweenFragmentsEndsTheReadingAndDropsTheMessage() {
      byte[] wire =
          concat(
              frames.frame(TEXT, utf8("a")),
              frames.close(1000, "bye"),
              frames.frame(FIN | CONTINUATION, utf8("b")));
      assertReads(WebSocketReaderTest::plain, wire, "close:1000:bye");
    }

    @Test
    void aCodePointMaySpanFragments() {
      byte[] emoji = utf8(EMOJI); // 4-byte code points
      byte[] wire =
          concat(
              frames.frame(TEXT, Arrays.copyOfRange(emoji, 0, 1)),
              frames.frame(CONTINUATION, Arrays.copyOfRange(emoji, 1, 6)),
              frames.frame(FIN | CONTINUATION, Arrays.copyOfRange(emoji, 6, emoji.length)));
      assertReads(WebSocketReaderTest::plain, wire, text(EMOJI));
    }

    @Test
    void aContinuationWithoutAMessageIsAProtocolError() {
      assertReads(
          WebSocketReaderTest::plain, frames.frame(FIN | CONTINUATION, utf8("x")), failure(1002));
      // also right after a complete message
      assertReads(
          WebSocketReaderTest::plain,
          concat(frames.text("done"), frames.frame(CONTINUATION, utf8("x"))),
          text("done"),
          failure(1002));
    }

    @Test
    void aNewDataFrameWhileAMessageIsOpenIsAProtocolError() {
      assertReads(
          WebSocketReaderTest::plain,
          concat(frames.frame(TEXT, utf8("a")), frames.text("b")),
          failure(1002));
      assertReads(
          WebSocketReaderTest::plain,
          concat(frames.frame(BINARY, new byte[] {1}), frames.frame(BINARY, new byte[] {2})),
          failure(1002));
    }

    @Test
    void fragmentsTogetherOverTheLimitFailAsTooBig() {
      Supplier<WebSocketReader> small = () -> new WebSocketReader(100, false, false);
      byte[] wire =
          concat(
              frames.frame(BINARY, new byte[60]),
              frames.frame(CONTINUATION, new byte[40]),
              frames.frame(FIN | CONTINUATION, new byte[1]));
      assertReads(small, wire, failure(1009));
      byte[] exactly =
          concat(
              frames.frame(BINARY, new byte[60]), frames.frame(FIN | CONTINUATION, new byte[40]));
      assertReads(small, exactly, binary(new byte[100]));
    }

    @Test
    void aFragmentOverTheLimitFailsFromItsHeader() {
      byte[] wire =
          concat(
              frames.frame(BINARY, new byte[60]),
              frames.frame(FIN | CONTINUATION, new byte[0], true, 126, 41));
      assertReads(() -> new WebSocketReader(100, false, false), wire, failure(1009));
    }
  }

  @Nested
  class ControlFrames {

    @Test
    void pingsAndPongsCarryTheirPayload() {
      byte[] payload = bytes(125, 4);
      assertReads(
          WebSocketReaderTest::plain,
          concat(frames.frame(FIN | PING, payload), frames.frame(FIN | PONG, payload)),
          "ping:" + HexFormat.of().formatHex(payload),
          "pong:" + HexFormat.of().formatHex(payload));
    }

    @Test
    void aControlPayloadOver125BytesIsAProtocolError() {
      assertReads(
          WebSocketReaderTest::plain, frames.frame(FIN | PING, new byte[126]), failure(1002));
      // a 16-bit length is refused even when it says 125
      assertReads(
          WebSocketReaderTest::plain,
          frames.frame(FIN | PONG, new byte[125], true, 126, 125),
          failure(1002));
    }

    @ParameterizedTest
    @ValueSource(ints = {PING, PONG, CLOSE})
    void aFragmentedControlFrameIsAProtocolError(int opcode) {
      assertReads(WebSocketReaderTest::plain, frames.frame(opcode, new byte[0]), failure(1002));
    }

    @Test
    void aCloseWithoutPayloadReports1005() {
      assertReads(
          WebSocketReaderTest::plain, frames.frame(FIN | CLOSE, new byte[0]), "close:1005:");
    }

    @Test
    void aCloseCarriesItsCodeAndReason() {
      assertReads(WebSocketReaderTest::plain, frames.close(1000, ""), "close:1000:");
      assertReads(
          WebSocketReaderTest::plain,
          frames.close(4001, "বিদায় " + EMOJI),
          "close:4001:বিদায় " + EMOJI);
    }

    @Test
    void aOneByteClosePayloadIsAProtocolError() {
      assertReads(
          WebSocketReaderTest::plain, frames.frame(FIN | CLOSE, new byte[] {3}), failure(1002));
    }

    @ParameterizedTest
    @ValueSource(
        ints = {
          1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014, 3000, 3999, 4000,
          4999
        })
    void closeCodesAllowedOnTheWireAreReported(int code) {
      assertReads(WebSocketReaderTest::plain, frames.close(code, "r"), "close:" + code + ":r");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 999, 1004, 1005, 1006, 1015, 1016, 1100, 2000, 2999, 5000, 65_535})
    void closeCodesNotAllowedOnTheWireAreAProtocolError(int code) {
      assertReads(WebSocketReaderTest::plain, frames.close(code, ""), failure(1002));
    }

    @Test
    void aCloseReasonThatIsNotUtf8Fails1007() {
      byte[] payload = concat(new byte[] {0x03, (byte) 0xE8}, hex("cebae1bdb9cf83cebcceb5eda080"));
      assertReads(WebSocketReaderTest::plain, frames.frame(FIN | CLOSE, payload), failure(1007));
    }

    @Test
    void inputAfterACloseIsIgnored() {
      WebSocketReader reader = plain();
      assertThat(feedWhole(reader, concat(frames.close(1000, ""), frames.text("late"))))
          .containsExactly("close:1000:");
      assertThat(feedWhole(reader, frames.text("later"))).isEmpty();
    }
  }

  @Nested
  class ReservedBits {

    @ParameterizedTest
    @ValueSource(ints = {RSV2, RSV3, RSV2 | RSV3, RSV1 | RSV2})
    void rsv2AndRsv3AreAlwaysAProtocolError(int bits) {
      assertReads(
          () -> new WebSocketReader(MAX, true, false),
          frames.frame(FIN | TEXT | bits, utf8("x")),
          failure(1002));
    }

    @Test
    void rsv1WithoutDeflateIsAProtocolError() {
      assertReads(
          WebSocketReaderTest::plain, frames.frame(FIN | TEXT | RSV1, utf8("x")), failure(1002));
    }

    @Test
    void rsv1OnAContinuationIsAProtocolError() {
      byte[] wire =
          concat(
              frames.frame(TEXT | RSV1, ClientFrames.compress(utf8("ab"))),
              frames.frame(FIN | CONTINUATION | RSV1, new byte[0]));
      assertReads(() -> new WebSocketReader(MAX, true, false), wire, failure(1002));
    }

    @ParameterizedTest
    @ValueSource(ints = {PING, PONG, CLOSE})
    void rsv1OnAControlFrameIsAProtocolError(int opcode) {
      assertReads(
          () -> new WebSocketReader(MAX, true, false),
          frames.frame(FIN | RSV1 | opcode, new byte[0]),
          failure(1002));
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 4, 5, 6, 7, 11, 12, 13, 14, 15})
    void reservedOpcodesAreAProtocolError(int opcode) {
      assertReads(
          WebSocketReaderTest::plain, frames.frame(FIN | opcode, new byte[0]), failure(1002));
      assertReads(WebSocketReaderTest::plain, frames.frame(opcode, utf8("x")), failure(1002));
    }
  }

  @Nested
  class Utf8Text {

    @ParameterizedTest
    @ValueSource(
        strings = {
          "ff", // never in UTF-8
          "c0af", // overlong '/'
          "e080af", // overlong '/'
          "f08080af", // overlong '/'
          "eda080", // a surrogate
          "f4908080", // above U+10FFFF
          "80", // a lone continuation byte
          "c3", // a truncated sequence
          "e282", // a truncated sequence
          "cebae1bdb9cf83cebcceb5eda080656469746564", // Autobahn 6.4.x: valid, then a surrogate
        })
    void invalidUtf8TextFails1007(String hex) {
      assertReads(WebSocketReaderTest::plain, frames.frame(FIN | TEXT, hex(hex)), failure(1007));
      byte[] withAsciiPrefix = concat(utf8("0123456789abcdef"), hex(hex));
      assertReads(
          WebSocketReaderTest::plain, frames.frame(FIN | TEXT, withAsciiPrefix), failure(1007));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {"7f", "c280", "dfbf", "e0a080", "ed9fbf", "ee8080", "f0908080", "f48fbfbf"})
    void boundaryCodePointsAreValid(String hex) {
      byte[] bytes = hex(hex);
      assertReads(
          WebSocketReaderTest::plain,
          frames.frame(FIN | TEXT, bytes),
          text(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void invalidUtf8InAFragmentFailsBeforeTheMessageEnds() {
      // no final frame is ever sent: the failure comes from the first fragment
      assertReads(
          WebSocketReaderTest::plain,
          concat(frames.frame(TEXT, utf8("ok")), frames.frame(CONTINUATION, hex("eda080"))),
          failure(1007));
    }

    @Test
    void invalidUtf8InAFrameStillArrivingFailsBeforeTheFrameEnds() {
      byte[] payload = concat(utf8("valid start "), hex("eda080"), new byte[1000]);
      byte[] wire = frames.frame(FIN | TEXT, payload);
      // the header and the first 20 payload bytes only: the rest never comes
      assertThat(feed(plain(), Arrays.copyOf(wire, 8 + 20), 8, 12)).containsExactly(failure(1007));
      byte[] continuation =
          concat(
              frames.frame(TEXT, utf8("ok")),
              Arrays.copyOf(frames.frame(FIN | CONTINUATION, payload), 8 + 20));
      assertThat(feed(plain(), continuation, 9)).containsExactly(failure(1007));
    }

    @Test
    void aCodePointSplitAcrossReadsOfOneFrameIsValid() {
      String message = (EMOJI + BANGLA).repeat(100);
      byte[] wire = frames.text(message);
      for (int cut = 4; cut < 40; cut++) {
        assertThat(feed(plain(), wire, cut, cut + 1, cut + 3)).containsExactly(text(message));
      }
    }

    @Test
    void aFragmentedTextEndingInsideACodePointFails1007() {
      assertReads(
          WebSocketReaderTest::plain,
          concat(frames.frame(TEXT, utf8("ok")), frames.frame(FIN | CONTINUATION, hex("e282"))),
          failure(1007));
    }

    @Test
    void binaryMessagesAreNotCheckedAsText() {
      assertReads(WebSocketReaderTest::plain, frames.binary(hex("ff")), binary(hex("ff")));
    }
  }

  @Nested
  class CompressedMessages {

    private final Supplier<WebSocketReader> noContext = () -> new WebSocketReader(MAX, true, false);
    private final Supplier<WebSocketReader> withContext =
        () -> new WebSocketReader(MAX, true, true);

    @Test
    void aCompressedTextMessageIsInflated() {
      String message = ("42[\"notification\",{\"title_bn\":\"" + BANGLA + "\"}]").repeat(20);
      byte[] wire = frames.frame(FIN | TEXT | RSV1, ClientFrames.compress(utf8(message)));
      assertReads(noContext, wire, text(message));
      assertReads(withContext, wire, text(message));
    }

    @Test
    void compressedAndUncompressedMessagesMix() {
      byte[] big = bytes(100_000, 5);
      byte[] wire =
          concat(
              frames.frame(FIN | BINARY | RSV1, ClientFrames.compress(big)),
              frames.text("plain"),
              frames.frame(FIN | TEXT | RSV1, ClientFrames.compress(new byte[0])),
              frames.frame(FIN | TEXT | RSV1, ClientFrames.compress(utf8("zipped"))));
      assertReads(noContext, wire, binary(big), text("plain"), text(""), text("zipped"));
    }

    @Test
    void aCompressedMessageMayBeFragmented() {
      byte[] compressed = ClientFrames.compress(utf8(EMOJI.repeat(500)));
      int third = compressed.length / 3;
      byte[] wire =
          concat(
              frames.frame(TEXT | RSV1, Arrays.copyOfRange(compressed, 0, third)),
              frames.ping("x"),
              frames.frame(CONTINUATION, Arrays.copyOfRange(compressed, third, 2 * third)),
              frames.frame(
                  FIN | CONTINUATION,
                  Arrays.copyOfRange(compressed, 2 * third, compressed.length)));
      assertReads(noContext, wire, ping("x"), text(EMOJI.repeat(500)));
    }

    @Test
    void withContextTakeoverALaterMessageMayReferToAnEarlierOne() {
      String repeated = "the same sentence, long enough to be worth a back reference. ";
      Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
      byte[] first = ClientFrames.compress(deflater, utf8(repeated + "1"));
      byte[] second = ClientFrames.compress(deflater, utf8(repeated + "2"));
      deflater.end();
      // the second alone is a back reference into the first: it is far shorter than its text
      assertThat(second.length).isLessThan(repeated.length() / 2);
      byte[] wire =
          concat(frames.frame(FIN | TEXT | RSV1, first), frames.frame(FIN | TEXT | RSV1, second));
      assertReads(withContext, wire, text(repeated + "1"), text(repeated + "2"));
      // and a reader without the context cannot make sense of it
      assertThat(feedWhole(noContext.get(), wire)).first().isEqualTo(text(repeated + "1"));
      assertThat(feedWhole(noContext.get(), wire)).doesNotContain(text(repeated + "2"));
    }

    @Test
    void withoutContextTakeoverEveryMessageStandsAlone() {
      // messages from several connections interleave on one thread's shared inflater
      WebSocketReader one = noContext.get();
      WebSocketReader two = noContext.get();
      Recorder recorder = new Recorder();
      for (int i = 0; i < 50; i++) {
        WebSocketReader reader = i % 2 == 0 ? one : two;
        String message = BANGLA + " " + i;
        reader.read(
            ByteBuffer.wrap(frames.frame(FIN | TEXT | RSV1, ClientFrames.compress(utf8(message)))),
            recorder);
      }
      assertThat(recorder.events).hasSize(50);
      assertThat(recorder.events.get(49)).isEqualTo(text(BANGLA + " 49"));
    }

    @Test
    void aMessageEndedWithAFinalBlockIsAcceptedAndTheNextStartsAFreshStream() {
      Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
      deflater.setInput(utf8("final block"));
      deflater.finish();
      byte[] out = new byte[256];
      int n = deflater.deflate(out);
      deflater.end();
      byte[] wire =
          concat(
              frames.frame(FIN | TEXT | RSV1, Arrays.copyOf(out, n)),
              frames.frame(FIN | TEXT | RSV1, ClientFrames.compress(utf8("next"))));
      assertReads(withContext, wire, text("final block"), text("next"));
      assertReads(noContext, wire, text("final block"), text("next"));
    }

    @Test
    void compressedTextOfEverySizeIsInflatedWhateverTheScratchHolds() {
      // a long message first, then shorter ones: nothing of the longer may show in the shorter
      for (int length : new int[] {200_000, 16_385, 16_384, 16_383, 4_097, 4_096, 100, 1}) {
        String message = (BANGLA + EMOJI + "ascii ").repeat(length / 10 + 1).substring(0, length);
        byte[] wire = frames.frame(FIN | TEXT | RSV1, ClientFrames.compress(utf8(message)));
        assertThat(feedWhole(noContext.get(), wire))
            .as("%d chars", length)
            .containsExactly(text(message));
        assertThat(feedWhole(withContext.get(), wire))
            .as("%d chars", length)
            .containsExactly(text(message));
      }
    }

    @Test
    void aCompressedTextBombFailsAsTooBig() {
      byte[] bomb = ClientFrames.compress(utf8("a".repeat(3_000_000)));
      assertThat(bomb.length).isLessThan(SMALL_FRAME);
      assertReads(noContext, frames.frame(FIN | TEXT | RSV1, bomb), failure(1009));
      assertReads(
          () -> new WebSocketReader(100, true, false),
          frames.frame(FIN | TEXT | RSV1, ClientFrames.compress(utf8("b".repeat(101)))),
          failure(1009));
    }

    @Test
    void anEmptyCompressedPayloadIsAnEmptyMessage() {
      // RFC 7692 7.2.3.6: the tail alone is an empty message
      assertReads(noContext, frames.frame(FIN | TEXT | RSV1, new byte[0]), text(""));
      assertReads(withContext, frames.frame(FIN | BINARY | RSV1, new byte[0]), binary(new byte[0]));
    }

    @Test
    void aDecompressionBombFailsAsTooBig() {
      byte[] bomb = ClientFrames.compress(new byte[10_000_000]);
      assertThat(bomb.length).isLessThan(20_000);
      byte[] wire = frames.frame(FIN | BINARY | RSV1, bomb);
      assertReads(noContext, wire, failure(1009));
      assertReads(withContext, wire, failure(1009));
    }

    @Test
    void aMessageInflatingToExactlyTheLimitIsAccepted() {
      byte[] message = new byte[5_000];
      byte[] wire = frames.frame(FIN | BINARY | RSV1, ClientFrames.compress(message));
      assertReads(() -> new WebSocketReader(5_000, true, false), wire, binary(message));
      assertReads(() -> new WebSocketReader(4_999, true, false), wire, failure(1009));
    }

    @Test
    void compressedTextThatIsNotUtf8Fails1007() {
      byte[] wire = frames.frame(FIN | TEXT | RSV1, ClientFrames.compress(hex("eda080")));
      assertReads(noContext, wire, failure(1007));
    }

    @Test
    void dataThatIsNotDeflateFails1007() {
      byte[] wire = frames.frame(FIN | BINARY | RSV1, hex("ff010203"));
      assertReads(noContext, wire, failure(1007));
      assertReads(withContext, wire, failure(1007));
    }

    @Test
    void aFailedMessageLeavesTheSharedInflaterCleanForTheNextConnection() {
      Recorder recorder = new Recorder();
      noContext
          .get()
          .read(ByteBuffer.wrap(frames.frame(FIN | BINARY | RSV1, hex("ff0102"))), recorder);
      byte[] bomb = ClientFrames.compress(new byte[2 * MAX]);
      noContext.get().read(ByteBuffer.wrap(frames.frame(FIN | BINARY | RSV1, bomb)), recorder);
      noContext
          .get()
          .read(
              ByteBuffer.wrap(frames.frame(FIN | TEXT | RSV1, ClientFrames.compress(utf8("ok")))),
              recorder);
      assertThat(recorder.events).containsExactly(failure(1007), failure(1009), text("ok"));
    }
  }

  @Nested
  class Lifecycle {

    @Test
    void aFailureStopsTheReadingAndLaterInputIsIgnored() {
      WebSocketReader reader = plain();
      assertThat(
              feedWhole(
                  reader,
                  concat(frames.text("a"), frames.frame(FIN | 3, new byte[0]), frames.text("b"))))
          .containsExactly(text("a"), failure(1002));
      assertThat(feedWhole(reader, frames.text("c"))).isEmpty();
    }

    @Test
    void aFailureSaysWhy() {
      Recorder recorder = new Recorder();
      plain().read(ByteBuffer.wrap(frames.frame(FIN | TEXT, utf8("x"), false)), recorder);
      assertThat(recorder.failureReason).contains("masked");
    }

    @Test
    void releaseDropsWhatIsHeldAndLaterInputIsIgnored() {
      WebSocketReader reader = new WebSocketReader(MAX, true, true);
      Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
      byte[] compressed = ClientFrames.compress(deflater, utf8("hello"));
      deflater.end();
      byte[] frame = frames.frame(FIN | TEXT | RSV1, compressed);
      assertThat(feed(reader, concat(frame, frames.frame(TEXT, utf8("part"))), frame.length + 3))
          .containsExactly(text("hello"));
      reader.release();
      assertThat(heldReferences(reader)).isEmpty();
      assertThat(feedWhole(reader, frames.text("after"))).isEmpty();
      reader.release(); // twice is harmless
    }

    @Test
    void anIdleReaderHoldsNothingBetweenFrames() {
      WebSocketReader reader = plain();
      byte[] wire =
          concat(
              frames.text("one"),
              frames.frame(TEXT, utf8("a")),
              frames.frame(FIN | CONTINUATION, utf8("b")),
              frames.binary(bytes(70_000, 8)));
      feedByteByByte(reader, wire);
      assertThat(heldReferences(reader)).isEmpty();
    }

    @Test
    void aPartialFrameIsHeldOnlyUntilItCompletes() {
      WebSocketReader reader = plain();
      byte[] wire = frames.text("split");
      feed(reader, Arrays.copyOf(wire, 4));
      assertThat(heldReferences(reader)).isNotEmpty();
      Recorder recorder = new Recorder();
      reader.read(ByteBuffer.wrap(wire, 4, wire.length - 4), recorder);
      assertThat(recorder.events).containsExactly(text("split"));
      assertThat(heldReferences(reader)).isEmpty();
    }

    /** The reader's non-final reference fields that are not null. */
    private static List<String> heldReferences(WebSocketReader reader) {
      List<String> held = new ArrayList<>();
      for (Field field : WebSocketReader.class.getDeclaredFields()) {
        int modifiers = field.getModifiers();
        if (Modifier.isStatic(modifiers)
            || Modifier.isFinal(modifiers)
            || field.getType().isPrimitive()) {
          continue;
        }
        field.setAccessible(true);
        try {
          if (field.get(reader) != null) {
            held.add(field.getName());
          }
        } catch (IllegalAccessException e) {
          throw new AssertionError(e);
        }
      }
      return held;
    }
  }

  @Nested
  class RandomTraffic {

    private static final int[] SIZES = {
      0, 1, 2, 7, 8, 9, 124, 125, 126, 127, 65_535, 65_536, 65_537
    };
    private static final String[] BANGLA_CHARS = {
      "অ", "র্", "ডা", "র", " ", "প", "াঠ", "ন", "ো", "হ", "য়", "ে", "ছ"
    };
    private static final String[] EMOJI_CHARS = {"👍", "🏽", "🎉", "😀", "a", "é", "€"};

    /**
     * Random messages (ASCII, Bangla, emoji, binary; sizes around every length encoding), randomly
     * fragmented (code points cut across fragments), with pings between messages and between
     * fragments, compressed at random when deflate is on, fed in random pieces: the same messages
     * come out, in order, with each ping where its frame was.
     */
    @Test
    void randomMessagesFragmentsPingsAndSplitsComeOutAsSent() {
      for (int seed = 0; seed < 300; seed++) {
        Random r = new Random(seed);
        ClientFrames f = new ClientFrames(r);
        boolean deflate = seed % 2 == 1;
        List<byte[]> wire = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        int messages = 1 + r.nextInt(6);
        for (int m = 0; m < messages; m++) {
          if (r.nextInt(4) == 0) {
            String payload = "between " + m;
            wire.add(f.ping(payload));
            expected.add(ping(payload));
          }
          int kind = r.nextInt(4);
          int size = r.nextInt(3) == 0 ? SIZES[r.nextInt(SIZES.length)] : r.nextInt(300);
          byte[] message;
          if (kind == 3) {
            message = bytes(size, r.nextInt());
            expected.add(binary(message));
          } else {
            String text = randomText(r, kind, size);
            message = utf8(text);
            expected.add(text(text));
          }
          String last = expected.remove(expected.size() - 1);
          boolean compressed = deflate && r.nextBoolean();
          byte[] body = compressed ? ClientFrames.compress(message) : message;
          int[] cuts = randomFragmentCuts(r, body.length);
          int from = 0;
          for (int i = 0; i <= cuts.length; i++) {
            int to = i == cuts.length ? body.length : cuts[i];
            if (i > 0 && r.nextInt(3) == 0) {
              String payload = "inside " + m + "." + i;
              wire.add(f.ping(payload));
              expected.add(ping(payload));
            }
            int opcode = i > 0 ? CONTINUATION : kind == 3 ? BINARY : TEXT;
            int b0 = opcode | (i == cuts.length ? FIN : 0) | (i == 0 && compressed ? RSV1 : 0);
            wire.add(f.frame(b0, Arrays.copyOfRange(body, from, to)));
            from = to;
          }
          expected.add(last);
        }
        byte[] all = concat(wire.toArray(new byte[0][]));
        WebSocketReader reader = new WebSocketReader(MAX, deflate, false);
        int[] splits = randomCuts(all.length, 1 + r.nextInt(12));
        assertThat(feed(reader, all, splits))
            .as("seed %d, split at %s", seed, Arrays.toString(splits))
            .isEqualTo(expected);
        if (all.length < 3000) {
          assertThat(feedByteByByte(new WebSocketReader(MAX, deflate, false), all))
              .as("seed %d, byte by byte", seed)
              .isEqualTo(expected);
        }
      }
    }

    /**
     * Valid traffic with a few bytes changed at random (headers, masks, lengths, payloads): the
     * reader never throws, and what it reports does not depend on how the bytes were split.
     */
    @Test
    void corruptedTrafficIsReportedTheSameHoweverItIsSplit() {
      for (int seed = 0; seed < 500; seed++) {
        Random r = new Random(seed);
        ClientFrames f = new ClientFrames(r);
        boolean deflate = r.nextBoolean();
        List<byte[]> parts = new ArrayList<>();
        for (int i = 0; i < 1 + r.nextInt(5); i++) {
          byte[] payload = utf8(randomText(r, r.nextInt(3), r.nextInt(200)));
          switch (r.nextInt(5)) {
            case 0 -> parts.add(f.frame(FIN | TEXT, payload));
            case 1 -> parts.add(f.frame(TEXT, payload));
            case 2 -> parts.add(f.frame(FIN | CONTINUATION, payload));
            case 3 -> parts.add(f.frame(FIN | TEXT | RSV1, ClientFrames.compress(payload)));
            default -> parts.add(f.ping("p"));
          }
        }
        byte[] wire = concat(parts.toArray(new byte[0][]));
        for (int flips = 1 + r.nextInt(3); flips > 0; flips--) {
          wire[r.nextInt(wire.length)] ^= (byte) (1 << r.nextInt(8));
        }
        Supplier<WebSocketReader> readers = () -> new WebSocketReader(10_000, deflate, false);
        List<String> whole = feedWhole(readers.get(), wire);
        assertThat(feedByteByByte(readers.get(), wire)).as("seed %d", seed).isEqualTo(whole);
        int[] cuts = randomCuts(wire.length, 1 + r.nextInt(8));
        assertThat(feed(readers.get(), wire, cuts)).as("seed %d", seed).isEqualTo(whole);
      }
    }

    private String randomText(Random r, int kind, int size) {
      StringBuilder text = new StringBuilder();
      int length = 0;
      while (length < size) {
        String[] chars = kind == 1 ? BANGLA_CHARS : EMOJI_CHARS;
        String next =
            kind == 0
                ? String.valueOf((char) (' ' + r.nextInt(95)))
                : chars[r.nextInt(chars.length)];
        text.append(next);
        length += utf8(next).length;
      }
      return text.toString();
    }

    /** Where a message's bytes are cut into fragments: none a third of the time. */
    private int[] randomFragmentCuts(Random r, int length) {
      if (r.nextInt(3) == 0 || length == 0) {
        return new int[0];
      }
      int[] cuts = new int[1 + r.nextInt(5)];
      for (int i = 0; i < cuts.length; i++) {
        cuts[i] = r.nextInt(length + 1); // empty fragments included
      }
      Arrays.sort(cuts);
      return cuts;
    }
  }
}

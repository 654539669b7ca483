package bd.com.getit.realtime.adapter.websocket.engineio;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decodes the frames one client sends on one websocket connection (RFC 6455 section 5, client to
 * server), with permessage-deflate (RFC 7692) when negotiated. One per connection, used by the
 * thread that reads the connection (never two reads at once).
 *
 * <p>Memory is what a server with many idle sockets pays for: an idle reader holds no buffer (its
 * fields are the limit, the flags and three null references); the bytes of a frame split across
 * reads live in a {@link PartialFrame} only until the frame completes, the frames of a fragmented
 * message in a {@link PartialMessage} only until its last frame. The hot path, one whole small
 * masked text frame per read, allocates the string and nothing else: the frame is unmasked eight
 * bytes at a time into a per-thread scratch array, and pure ASCII becomes a string with no decoder.
 *
 * <p>A listener may call {@link #release()} from a callback; it must not call {@link #read} on the
 * same reader from one.
 */
final class WebSocketReader {

  private static final int CONTINUATION = 0x0;
  private static final int TEXT = 0x1;
  private static final int BINARY = 0x2;
  private static final int CLOSE = 0x8;
  private static final int PING = 0x9;
  private static final int PONG = 0xA;

  private static final int FIN = 0x80;
  private static final int RSV1 = 0x40;
  private static final int RSV2_RSV3 = 0x30;
  private static final int MASKED = 0x80;

  /** The longest header: 2 bytes, a 64-bit length and the mask. */
  private static final int MAX_HEADER = 14;

  private static final int MAX_CONTROL_PAYLOAD = 125;

  /** Never allocate more than this ahead of the bytes that actually arrived for a frame. */
  private static final int GROWTH_AHEAD = 16 * 1024;

  private static final byte[] EMPTY = new byte[0];

  /** A partial frame's UTF-8 state when its payload is not checked as it arrives. */
  private static final int NOT_CHECKED = Integer.MIN_VALUE;

  /** The largest array the JVM reliably allocates. */
  private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

  /** The tail a sync flush ends with, which RFC 7692 section 7.2.2 has the sender remove. */
  private static final byte[] FLUSH_TAIL = {0, 0, (byte) 0xff, (byte) 0xff};

  /**
   * Without client context takeover nothing of one message is needed for the next, so one inflater
   * per reading thread serves every connection (an Inflater holds tens of KiB of native memory).
   */
  private static final ThreadLocal<Inflater> SHARED_INFLATERS =
      ThreadLocal.withInitial(() -> new Inflater(true));

  /**
   * Where a whole small text frame is unmasked before it becomes a string; per thread, in use only
   * until the string is made (before the listener hears of it).
   */
  private static final int SCRATCH_BYTES = 4096;

  private static final ThreadLocal<byte[]> SCRATCH =
      ThreadLocal.withInitial(() -> new byte[SCRATCH_BYTES]);

  /** Where a compressed text message is inflated before it becomes a string; per thread. */
  private static final int INFLATED_BYTES = 16 * 1024;

  private static final ThreadLocal<byte[]> INFLATED =
      ThreadLocal.withInitial(() -> new byte[INFLATED_BYTES]);

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private final int maxMessageBytes;
  private final boolean deflate;
  private final boolean clientContextTakeover;

  /** This connection's own inflater, with client context takeover only; created on first use. */
  private Inflater inflater;

  /** The frame whose bytes have partly arrived, or null between frames. */
  private PartialFrame frame;

  /** The fragmented message whose last frame has not arrived, or null. */
  private PartialMessage message;

  /** Set after a close frame, a failure or {@link #release()}: any further input is ignored. */
  private boolean ended;

  /**
   * @param maxMessageBytes the largest message (text or binary, after inflation, all fragments
   *     together) accepted; a larger one fails with 1009
   * @param deflate whether permessage-deflate was negotiated (RSV1 then marks a compressed message)
   * @param clientContextTakeover whether the client may keep its LZ77 window between messages
   *     (false when client_no_context_takeover was negotiated)
   */
  WebSocketReader(int maxMessageBytes, boolean deflate, boolean clientContextTakeover) {
    if (maxMessageBytes < 0) {
      throw new IllegalArgumentException(
          "maxMessageBytes must not be negative: " + maxMessageBytes);
    }
    this.maxMessageBytes = maxMessageBytes;
    this.deflate = deflate;
    this.clientContextTakeover = clientContextTakeover;
  }

  /**
   * Consumes all remaining bytes of {@code bytes} (position to limit; the buffer may be reused by
   * the caller after the call), delivers each complete message and control frame to {@code
   * listener} in order, and keeps the bytes of an incomplete frame for the next call. After onClose
   * or onFailure it ignores any further input.
   */
  void read(ByteBuffer bytes, Listener listener) {
    while (!ended && bytes.hasRemaining()) {
      if (frame != null) {
        continueFrame(bytes, listener);
      } else {
        startFrame(bytes, listener);
      }
    }
    bytes.position(bytes.limit());
  }

  /**
   * Releases what the reader holds (an inflater, a partial message); called when the connection
   * ends.
   */
  void release() {
    ended = true;
    frame = null;
    message = null;
    if (inflater != null) {
      inflater.end();
      inflater = null;
    }
  }

  /** A frame starting at the buffer's position: parsed in place when its header is all there. */
  private void startFrame(ByteBuffer bytes, Listener listener) {
    int position = bytes.position();
    int available = bytes.remaining();
    if (available >= 2) {
      int b0 = bytes.get(position) & 0xFF;
      int b1 = bytes.get(position + 1) & 0xFF;
      if (!checkFirstBytes(b0, b1, listener)) {
        return;
      }
      int headerLength = headerLength(b1);
      if (available >= headerLength) {
        long length = extendedLength(bytes, position, b1);
        int mask = getInt(bytes, position + headerLength - 4);
        bytes.position(position + headerLength);
        startPayload(b0, length, mask, bytes, listener);
        return;
      }
    }
    // the header itself is split: keep its bytes (at most 13) until the rest arrives
    PartialFrame partial = new PartialFrame();
    partial.head = new byte[MAX_HEADER];
    partial.headLength = available;
    bytes.get(partial.head, 0, available);
    frame = partial;
  }

  private void continueFrame(ByteBuffer bytes, Listener listener) {
    PartialFrame partial = frame;
    if (partial.head != null) {
      byte[] head = partial.head;
      int need = partial.headLength < 2 ? 2 : headerLength(head[1] & 0xFF);
      int n = Math.min(need - partial.headLength, bytes.remaining());
      bytes.get(head, partial.headLength, n);
      partial.headLength += n;
      if (partial.headLength < need) {
        return;
      }
      int b0 = head[0] & 0xFF;
      int b1 = head[1] & 0xFF;
      if (need == 2) {
        // the first two bytes can already break the protocol: fail before waiting for more
        if (!checkFirstBytes(b0, b1, listener)) {
          return;
        }
        if (headerLength(b1) > 2) {
          return; // the loop comes back for the rest of the header
        }
      }
      frame = null;
      ByteBuffer header = ByteBuffer.wrap(head, 0, need);
      startPayload(b0, extendedLength(header, 0, b1), getInt(header, need - 4), bytes, listener);
      return;
    }
    takePayload(
        partial, Math.min(partial.length - partial.filled, bytes.remaining()), bytes, listener);
  }

  /**
   * The rules the first two header bytes alone decide (RSV bits, opcode, mask, the length of a
   * control frame, the order of data frames); false after reporting a failure.
   */
  private boolean checkFirstBytes(int b0, int b1, Listener listener) {
    int opcode = b0 & 0x0F;
    if ((b0 & RSV2_RSV3) != 0) {
      return fail(listener, CloseCodes.PROTOCOL_ERROR, "RSV2 and RSV3 must be 0");
    }
    if ((b1 & MASKED) == 0) {
      return fail(listener, CloseCodes.PROTOCOL_ERROR, "a client frame must be masked");
    }
    switch (opcode) {
      case CLOSE, PING, PONG -> {
        if ((b0 & FIN) == 0) {
          return fail(
              listener, CloseCodes.PROTOCOL_ERROR, "a control frame must not be fragmented");
        }
        if ((b1 & 0x7F) > MAX_CONTROL_PAYLOAD) {
          return fail(
              listener, CloseCodes.PROTOCOL_ERROR, "a control frame carries at most 125 bytes");
        }
        if ((b0 & RSV1) != 0) {
          return fail(listener, CloseCodes.PROTOCOL_ERROR, "RSV1 set on a control frame");
        }
      }
      case TEXT, BINARY -> {
        if (message != null) {
          return fail(
              listener, CloseCodes.PROTOCOL_ERROR, "a new message before the last one ended");
        }
        if ((b0 & RSV1) != 0 && !deflate) {
          return fail(listener, CloseCodes.PROTOCOL_ERROR, "RSV1 set without permessage-deflate");
        }
      }
      case CONTINUATION -> {
        if (message == null) {
          return fail(listener, CloseCodes.PROTOCOL_ERROR, "a continuation frame with no message");
        }
        if ((b0 & RSV1) != 0) {
          return fail(listener, CloseCodes.PROTOCOL_ERROR, "RSV1 set on a continuation frame");
        }
      }
      default -> {
        return fail(listener, CloseCodes.PROTOCOL_ERROR, "reserved opcode " + opcode);
      }
    }
    return true;
  }

  /** The header's length in bytes, given its second byte (a client frame always has a mask). */
  private static int headerLength(int b1) {
    int code = b1 & 0x7F;
    return code == 126 ? 8 : code == 127 ? 14 : 6;
  }

  /** The payload length of the header at {@code position}; negative when its top bit is set. */
  private static long extendedLength(ByteBuffer bytes, int position, int b1) {
    int code = b1 & 0x7F;
    if (code < 126) {
      return code;
    }
    if (code == 126) {
      return (bytes.get(position + 2) & 0xFFL) << 8 | (bytes.get(position + 3) & 0xFFL);
    }
    long length = 0;
    for (int i = 2; i < 10; i++) {
      length = length << 8 | (bytes.get(position + i) & 0xFFL);
    }
    return length;
  }

  /** A big-endian int whatever the buffer's byte order. */
  private static int getInt(ByteBuffer bytes, int position) {
    return (bytes.get(position) & 0xFF) << 24
        | (bytes.get(position + 1) & 0xFF) << 16
        | (bytes.get(position + 2) & 0xFF) << 8
        | (bytes.get(position + 3) & 0xFF);
  }

  /**
   * Checks the frame's length, then takes what has arrived of its payload from the buffer: the
   * whole frame is delivered at once, a partial one kept in a {@link PartialFrame}.
   */
  private void startPayload(int b0, long length, int mask, ByteBuffer bytes, Listener listener) {
    if (length < 0) {
      fail(listener, CloseCodes.PROTOCOL_ERROR, "a 64-bit length with its top bit set");
      return;
    }
    int opcode = b0 & 0x0F;
    if (opcode < CLOSE) {
      boolean compressed = opcode == CONTINUATION ? message.compressed : (b0 & RSV1) != 0;
      long buffered = message == null ? 0 : message.length;
      // refused from the header alone, before a byte of it is buffered
      if (buffered + length > rawLimit(compressed)) {
        fail(listener, CloseCodes.MESSAGE_TOO_BIG, "a message over " + maxMessageBytes + " bytes");
        return;
      }
    }
    int size = (int) length;
    int available = Math.min(size, bytes.remaining());
    if (available == size) {
      if (size <= SCRATCH_BYTES && (b0 & (FIN | 0x0F)) == (FIN | TEXT)) {
        // the hot path, a whole small text message: the string is all that needs allocating
        byte[] scratch = SCRATCH.get();
        bytes.get(scratch, 0, size);
        unmask(scratch, 0, size, mask, 0);
        deliver(true, (b0 & RSV1) != 0, scratch, size, listener);
        return;
      }
      byte[] payload = size == 0 ? EMPTY : new byte[size];
      bytes.get(payload, 0, size);
      unmask(payload, 0, size, mask, 0);
      onFrame(b0, payload, listener);
      return;
    }
    PartialFrame partial = new PartialFrame();
    partial.b0 = b0;
    partial.mask = mask;
    partial.length = size;
    partial.utf8 = textState(b0);
    // a client that declares a large frame and sends it slowly gets memory as its bytes arrive
    partial.payload = new byte[Math.min(size, Math.max(available, GROWTH_AHEAD))];
    frame = partial;
    takePayload(partial, available, bytes, listener);
  }

  /**
   * The UTF-8 state a frame's payload starts in when it is uncompressed text (a text frame, or a
   * continuation of an uncompressed text message), else {@link #NOT_CHECKED}.
   */
  private int textState(int b0) {
    int opcode = b0 & 0x0F;
    if (opcode == TEXT && (b0 & RSV1) == 0) {
      return Utf8.ACCEPT;
    }
    if (opcode == CONTINUATION && message.text && !message.compressed) {
      return message.utf8;
    }
    return NOT_CHECKED;
  }

  /**
   * Unmasks the next {@code n} bytes of a split frame into its payload. Uncompressed text is
   * checked as it arrives, so that a long text frame with invalid UTF-8 fails before it ends (what
   * Autobahn calls failing fast); the whole message is checked again when it is complete.
   */
  private void takePayload(PartialFrame partial, int n, ByteBuffer bytes, Listener listener) {
    int from = partial.filled;
    partial.ensureCapacity(from + n);
    bytes.get(partial.payload, from, n);
    unmask(partial.payload, from, from + n, partial.mask, from);
    partial.filled += n;
    if (partial.utf8 != NOT_CHECKED) {
      partial.utf8 = Utf8.validate(partial.utf8, partial.payload, from, from + n);
      if (partial.utf8 == Utf8.REJECT) {
        fail(listener, CloseCodes.INVALID_PAYLOAD, "a text message that is not UTF-8");
        return;
      }
    }
    if (partial.filled == partial.length) {
      frame = null;
      onFrame(partial.b0, partial.payload, listener);
    }
  }

  /**
   * The most bytes a message may take on the wire: {@code maxMessageBytes}, or a little more when
   * compressed (incompressible data grows by the 5-byte header of each stored block).
   */
  private long rawLimit(boolean compressed) {
    long limit = compressed ? maxMessageBytes + (maxMessageBytes >> 8) + 64L : maxMessageBytes;
    return Math.min(limit, MAX_ARRAY);
  }

  /** A whole frame, unmasked. */
  private void onFrame(int b0, byte[] payload, Listener listener) {
    int opcode = b0 & 0x0F;
    boolean fin = (b0 & FIN) != 0;
    switch (opcode) {
      case PING -> listener.onPing(payload);
      case PONG -> listener.onPong(payload);
      case CLOSE -> onClose(payload, listener);
      case TEXT, BINARY -> {
        boolean compressed = (b0 & RSV1) != 0;
        if (fin) {
          deliver(opcode == TEXT, compressed, payload, payload.length, listener);
        } else {
          PartialMessage started = new PartialMessage(opcode == TEXT, compressed);
          message = started;
          append(started, payload, listener);
        }
      }
      default -> { // CONTINUATION: checkFirstBytes has made sure a message is open
        PartialMessage open = message;
        if (!append(open, payload, listener) || !fin) {
          return;
        }
        message = null;
        if (open.text && !open.compressed && open.utf8 != Utf8.ACCEPT) {
          fail(listener, CloseCodes.INVALID_PAYLOAD, "a text message ends inside a character");
          return;
        }
        deliver(open.text, open.compressed, open.bytes, open.length, listener);
      }
    }
  }

  /**
   * Adds a frame to a fragmented message; uncompressed text is checked as it comes, so that invalid
   * UTF-8 fails before the message ends. False after reporting a failure.
   */
  private boolean append(PartialMessage open, byte[] payload, Listener listener) {
    if (open.text && !open.compressed) {
      open.utf8 = Utf8.validate(open.utf8, payload, 0, payload.length);
      if (open.utf8 == Utf8.REJECT) {
        return fail(listener, CloseCodes.INVALID_PAYLOAD, "a text message that is not UTF-8");
      }
    }
    open.append(payload);
    return true;
  }

  /** A whole message: inflated when compressed, checked and decoded when text. */
  private void deliver(
      boolean text, boolean compressed, byte[] bytes, int length, Listener listener) {
    if (compressed) {
      inflateAndDeliver(text, bytes, length, listener);
      return;
    }
    if (!text) {
      listener.onBinary(length == bytes.length ? bytes : Arrays.copyOf(bytes, length));
      return;
    }
    deliverText(bytes, length, listener);
  }

  private void deliverText(byte[] bytes, int length, Listener listener) {
    String decoded = Utf8.decode(bytes, 0, length);
    if (decoded == null) {
      fail(listener, CloseCodes.INVALID_PAYLOAD, "a text message that is not UTF-8");
      return;
    }
    listener.onText(decoded);
  }

  private void onClose(byte[] payload, Listener listener) {
    if (payload.length == 0) {
      end();
      listener.onClose(CloseCodes.NO_STATUS, "");
      return;
    }
    if (payload.length == 1) {
      fail(listener, CloseCodes.PROTOCOL_ERROR, "a close frame with a 1-byte payload");
      return;
    }
    int code = (payload[0] & 0xFF) << 8 | (payload[1] & 0xFF);
    if (!CloseCodes.allowedOnWire(code)) {
      fail(listener, CloseCodes.PROTOCOL_ERROR, "close code " + code + " is not allowed");
      return;
    }
    String reason = Utf8.decode(payload, 2, payload.length - 2);
    if (reason == null) {
      fail(listener, CloseCodes.INVALID_PAYLOAD, "a close reason that is not UTF-8");
      return;
    }
    end();
    listener.onClose(code, reason);
  }

  /**
   * Inflates one whole compressed message (its flush tail put back), stopping as soon as it passes
   * {@code maxMessageBytes}, and delivers it. Text is inflated into a per-thread scratch array and
   * decoded from there, so that the string is its only allocation (browsers compress every message
   * once permessage-deflate is agreed, so this is their hot path).
   */
  private void inflateAndDeliver(boolean text, byte[] compressed, int length, Listener listener) {
    Inflater active = clientContextTakeover ? ownInflater() : SHARED_INFLATERS.get();
    long outLimit = Math.min(maxMessageBytes + 1L, MAX_ARRAY);
    byte[] out =
        text ? INFLATED.get() : new byte[(int) Math.min(outLimit, Math.max(64L, length * 4L))];
    int size = 0;
    try {
      active.setInput(compressed, 0, length);
      boolean tail = false;
      while (true) {
        if (size == out.length) {
          if (size == outLimit) { // only when maxMessageBytes is as large as an array can be
            fail(listener, CloseCodes.MESSAGE_TOO_BIG, "a message larger than an array");
            return;
          }
          out = Arrays.copyOf(out, (int) Math.min(outLimit, out.length * 2L));
        }
        int n = active.inflate(out, size, out.length - size);
        size += n;
        if (size > maxMessageBytes) {
          fail(
              listener,
              CloseCodes.MESSAGE_TOO_BIG,
              "a message inflating past " + maxMessageBytes + " bytes");
          return;
        }
        if (n > 0) {
          continue;
        }
        if (active.finished()) {
          // a block with BFINAL ends the stream: the next message starts a new one (RFC 7692 7.2.3)
          active.reset();
          break;
        }
        if (active.needsDictionary()) {
          fail(listener, CloseCodes.INVALID_PAYLOAD, "a compressed message with a dictionary");
          return;
        }
        if (!active.needsInput()) {
          if (size == out.length) {
            continue; // the output space ran out exactly: the loop grows it
          }
          fail(listener, CloseCodes.INVALID_PAYLOAD, "a compressed message that does not inflate");
          return;
        }
        if (tail) {
          break;
        }
        active.setInput(FLUSH_TAIL);
        tail = true;
      }
    } catch (DataFormatException e) {
      fail(listener, CloseCodes.INVALID_PAYLOAD, "a compressed message that is not DEFLATE");
      return;
    } finally {
      if (!clientContextTakeover) {
        active.reset();
      }
    }
    if (text) {
      deliverText(out, size, listener);
    } else {
      listener.onBinary(size == out.length ? out : Arrays.copyOf(out, size));
    }
  }

  private Inflater ownInflater() {
    if (inflater == null) {
      inflater = new Inflater(true);
    }
    return inflater;
  }

  /** Reports a failure and stops reading; always false, so a check can return it. */
  private boolean fail(Listener listener, int closeCode, String reason) {
    end();
    listener.onFailure(closeCode, reason);
    return false;
  }

  /** After a close frame or a failure: nothing kept but the inflater, which release() ends. */
  private void end() {
    ended = true;
    frame = null;
    message = null;
  }

  /**
   * XORs {@code bytes[from..to)} with the mask, eight bytes at a time; {@code phase} is the payload
   * index of {@code bytes[from]}, which picks the mask byte it starts with.
   */
  static void unmask(byte[] bytes, int from, int to, int mask, int phase) {
    int key = Integer.rotateLeft(mask, 8 * (phase & 3));
    int i = from;
    if (to - from >= Long.BYTES) {
      long key8 = (long) key << 32 | (key & 0xFFFFFFFFL);
      for (; i + Long.BYTES <= to; i += Long.BYTES) {
        LONGS.set(bytes, i, (long) LONGS.get(bytes, i) ^ key8);
      }
    }
    for (; i < to; i++) {
      bytes[i] ^= (byte) (key >>> 24);
      key = Integer.rotateLeft(key, 8);
    }
  }

  /**
   * A frame whose bytes have partly arrived: its header bytes while the header is incomplete, then
   * its first byte, mask, length and the payload unmasked so far.
   */
  private static final class PartialFrame {
    byte[] head;
    int headLength;
    int b0;
    int mask;
    int length;
    byte[] payload;
    int filled;

    /** The UTF-8 state after the payload so far, or NOT_CHECKED when it is not plain text. */
    int utf8;

    void ensureCapacity(int needed) {
      if (needed > payload.length) {
        int grown = (int) Math.min(length, Math.max(needed, payload.length * 2L));
        payload = Arrays.copyOf(payload, grown);
      }
    }
  }

  /** The frames of a fragmented message so far (payloads unmasked, still compressed if it is). */
  private static final class PartialMessage {
    final boolean text;
    final boolean compressed;
    byte[] bytes = EMPTY;
    int length;

    /** The UTF-8 state at the end of the text so far (uncompressed text only). */
    int utf8 = Utf8.ACCEPT;

    PartialMessage(boolean text, boolean compressed) {
      this.text = text;
      this.compressed = compressed;
    }

    void append(byte[] payload) {
      if (length == 0 && bytes.length == 0) {
        bytes = payload; // the first frame's array, copied only if more follows
        length = payload.length;
        return;
      }
      if (length + payload.length > bytes.length) {
        int needed = length + payload.length;
        bytes =
            Arrays.copyOf(bytes, (int) Math.min(MAX_ARRAY, Math.max(needed, bytes.length * 2L)));
      }
      System.arraycopy(payload, 0, bytes, length, payload.length);
      length += payload.length;
    }
  }

  /** What the reader delivers, on the thread that calls {@link #read}. */
  interface Listener {
    void onText(String message);

    void onBinary(byte[] message);

    /** A ping's payload (at most 125 bytes); the caller answers with a pong. */
    void onPing(byte[] payload);

    void onPong(byte[] payload);

    /** The client's close frame: its code (1005 when the frame has none) and reason. */
    void onClose(int code, String reason);

    /**
     * What the client sent breaks the protocol: the caller sends a close frame with this code (1002
     * protocol error, 1007 invalid UTF-8, 1009 too big) and closes the connection.
     */
    void onFailure(int closeCode, String reason);
  }
}

package bd.com.getit.realtime.adapter.websocket.engineio;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.asyncqueue.AsyncQueueWriter;
import org.glassfish.grizzly.asyncqueue.MessageCloner;
import org.glassfish.grizzly.asyncqueue.WritableMessage;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.memory.ByteBufferWrapper;

/**
 * One websocket on a Grizzly connection, after this adapter's own upgrade ({@link
 * WebSocketUpgrade}): its reads are handed here by {@link WebSocketReads}, decoded by its {@link
 * WebSocketReader} and given to its receiver (the transport or the cluster relay); its writes go
 * straight into the connection's asynchronous write queue on a plain connection ({@link
 * GrizzlyFrames}'s path), through the connection's filter chain on a TLS one. Answers pings with
 * pongs, echoes a client's close code (RFC 6455 5.5.1) and then closes the TCP connection.
 *
 * <p>Keeps what an idle socket needs and no more: the connection, the reader, the receiver and two
 * flags. Reads run on the thread that reads the connection (a selector thread); writes on any
 * thread, never blocking.
 */
final class GrizzlyWebSocket
    implements WebSocketConnection, RawFrameWriter, WebSocketReader.Listener {

  private static final System.Logger LOG = System.getLogger(GrizzlyWebSocket.class.getName());

  /** The websocket of an upgraded connection. */
  private static final Attribute<GrizzlyWebSocket> SOCKET =
      Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(GrizzlyWebSocket.class.getName());

  private static final AtomicIntegerFieldUpdater<GrizzlyWebSocket> CLOSING =
      AtomicIntegerFieldUpdater.newUpdater(GrizzlyWebSocket.class, "closing");
  private static final AtomicIntegerFieldUpdater<GrizzlyWebSocket> ENDED =
      AtomicIntegerFieldUpdater.newUpdater(GrizzlyWebSocket.class, "ended");

  private static final int OPCODE_CLOSE = 0x8;
  private static final int OPCODE_PONG = 0xA;
  private static final int INTERNAL_ERROR = 1011;
  private static final int MAX_CLOSE_REASON_BYTES = 123;

  /** Until a receiver is set (a refused upgrade), messages are dropped. */
  private static final Receiver NOBODY =
      new Receiver() {
        @Override
        public void onText(String message) {}

        @Override
        public void onBinary(byte[] message) {}

        @Override
        public void onClosed() {}

        @Override
        public void onError(Throwable error) {}
      };

  private static final Done IGNORED = failure -> {};

  private final Connection<SocketAddress> connection;
  private final AsyncQueueWriter<SocketAddress> queue; // null on TLS: writes go through the chain
  private final WebSocketReader reader;
  private volatile Receiver receiver = NOBODY;
  private volatile int closing; // 1 once a close frame was sent or the connection aborted
  private volatile int ended; // 1 once the receiver was told the end

  private GrizzlyWebSocket(
      Connection<SocketAddress> connection,
      AsyncQueueWriter<SocketAddress> queue,
      WebSocketReader reader) {
    this.connection = connection;
    this.queue = queue;
    this.reader = reader;
  }

  /**
   * Makes {@code connection} a websocket read by {@code reader}: from now on {@link WebSocketReads}
   * hands its reads to the returned socket.
   */
  @SuppressWarnings("unchecked")
  static GrizzlyWebSocket attach(Connection<?> connection, WebSocketReader reader) {
    Connection<SocketAddress> target = (Connection<SocketAddress>) connection;
    GrizzlyWebSocket socket =
        new GrizzlyWebSocket(target, GrizzlyFrames.queueOf(connection), reader);
    SOCKET.set(connection, socket);
    return socket;
  }

  /** The websocket of {@code connection}, or null when it was not upgraded by this layer. */
  static GrizzlyWebSocket of(Connection<?> connection) {
    return SOCKET.get(connection);
  }

  /** Whether writes skip the filter chain (a plain connection). */
  boolean writesDirectly() {
    return queue != null;
  }

  // ---- reads, on the connection's reading thread

  /** Decodes {@code bytes}, read from the connection, and releases them. */
  void read(Buffer bytes) {
    try {
      readRetained(bytes);
    } finally {
      bytes.tryDispose();
    }
  }

  /** Decodes {@code bytes} without releasing them (they belong to someone else). */
  void readRetained(Buffer bytes) {
    if (ended != 0) {
      return; // the end was told: what follows has no one to go to
    }
    try {
      reader.read(bytes.toByteBuffer(), this);
    } catch (RuntimeException e) {
      fail(INTERNAL_ERROR, "internal error", e);
    }
  }

  /** The TCP connection closed, however it happened. */
  void onTcpClosed() {
    end(null);
    reader.release();
  }

  /** Reading the connection failed. */
  void onReadError(Throwable error) {
    end(error);
    connection.closeSilently();
  }

  @Override
  public void onText(String message) {
    receiver.onText(message);
  }

  @Override
  public void onBinary(byte[] message) {
    receiver.onBinary(message);
  }

  @Override
  public void onPing(byte[] payload) {
    if (closing == 0) {
      write(ByteBuffer.wrap(control(OPCODE_PONG, payload)), IGNORED);
    }
  }

  @Override
  public void onPong(byte[] payload) {
    // the Engine.IO heartbeat is in its packets: websocket pongs carry nothing for it
  }

  @Override
  public void onClose(int code, String reason) {
    if (CLOSING.compareAndSet(this, 0, 1)) {
      // echo the code (RFC 6455 5.5.1), then end the TCP connection once it is written
      sendCloseThenClose(code == CloseCodes.NO_STATUS ? new byte[0] : closePayload(code, ""));
    } else {
      connection.closeSilently(); // the answer to our own close
    }
    end(null);
  }

  @Override
  public void onFailure(int closeCode, String reason) {
    fail(
        closeCode,
        reason,
        new IOException("websocket protocol error " + closeCode + ": " + reason));
  }

  private void fail(int closeCode, String reason, Throwable error) {
    LOG.log(Level.DEBUG, () -> "websocket failed: " + closeCode + " " + reason);
    if (CLOSING.compareAndSet(this, 0, 1)) {
      sendCloseThenClose(closePayload(closeCode, reason));
    }
    end(error);
  }

  /** Tells the receiver the end, once, and lets go of it. */
  private void end(Throwable error) {
    if (!ENDED.compareAndSet(this, 0, 1)) {
      return;
    }
    Receiver told = receiver;
    receiver = NOBODY;
    if (error == null) {
      told.onClosed();
    } else {
      told.onError(error);
    }
  }

  // ---- writes, from any thread

  @Override
  public void write(ByteBuffer frames, Done done) {
    ByteBufferWrapper buffer = new ByteBufferWrapper(frames);
    GrizzlyFrames.Completion completion = new GrizzlyFrames.Completion(done);
    if (queue != null) {
      // no cloner: the queue keeps this buffer until it is written, and nobody modifies it
      queue.write(connection, null, buffer, completion, (MessageCloner<WritableMessage>) null);
    } else {
      connection.write(buffer, completion); // TLS: the chain encrypts it
    }
  }

  @Override
  public RawFrameWriter frames() {
    return this;
  }

  @Override
  public void sendText(String message, Done done) {
    write(ByteBuffer.wrap(WebSocketFrames.text(message.getBytes(StandardCharsets.UTF_8))), done);
  }

  @Override
  public void sendBinary(ByteBuffer message, Done done) {
    byte[] payload = new byte[message.remaining()];
    message.get(payload);
    write(ByteBuffer.wrap(WebSocketFrames.binary(payload)), done);
  }

  @Override
  public void receive(Receiver receiver) {
    this.receiver = receiver == null ? NOBODY : receiver;
  }

  @Override
  public void close(int code, String reason) {
    if (CLOSING.compareAndSet(this, 0, 1)) {
      sendCloseThenClose(closePayload(code, reason));
    }
  }

  @Override
  public void abort() {
    CLOSING.set(this, 1);
    connection.closeSilently();
  }

  @Override
  public boolean isOpen() {
    return closing == 0 && connection.isOpen();
  }

  private void sendCloseThenClose(byte[] payload) {
    write(ByteBuffer.wrap(control(OPCODE_CLOSE, payload)), failure -> connection.closeSilently());
  }

  /** A close frame's payload: the code, then the reason cut to what a control frame holds. */
  private static byte[] closePayload(int code, String reason) {
    byte[] text = reason == null ? new byte[0] : reason.getBytes(StandardCharsets.UTF_8);
    int length = text.length;
    if (length > MAX_CLOSE_REASON_BYTES) {
      length = MAX_CLOSE_REASON_BYTES;
      while (length > 0 && (text[length] & 0xC0) == 0x80) {
        length--; // never cut a UTF-8 sequence
      }
    }
    byte[] payload = new byte[2 + length];
    payload[0] = (byte) (code >>> 8);
    payload[1] = (byte) code;
    System.arraycopy(text, 0, payload, 2, length);
    return payload;
  }

  /** An unmasked control frame; {@code payload} is at most 125 bytes. */
  private static byte[] control(int opcode, byte[] payload) {
    byte[] frame = new byte[2 + payload.length];
    frame[0] = (byte) (0x80 | opcode);
    frame[1] = (byte) payload.length;
    System.arraycopy(payload, 0, frame, 2, payload.length);
    return frame;
  }

  @Override
  public String toString() {
    return "GrizzlyWebSocket[" + connection.getPeerAddress() + "]";
  }
}

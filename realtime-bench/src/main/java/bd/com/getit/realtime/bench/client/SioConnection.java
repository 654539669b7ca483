package bd.com.getit.realtime.bench.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One Socket.IO client socket in the {@code /realtime} namespace over a websocket-only Engine.IO 4
 * session, written for many thousands at once: no thread of its own, no per-message allocation on
 * the receive path. All its state lives on its {@link ClientLoop}'s thread; the public methods may
 * be called from any thread.
 */
public final class SioConnection implements WsFrames.FrameSink {

  private static final byte[] NAMESPACE = "/realtime,".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] HEADER_END = {'\r', '\n', '\r', '\n'};
  private static final byte[] PONG = WsFrames.text("3");

  private enum State {
    NEW,
    CONNECTING,
    UPGRADING,
    ENGINE_OPEN,
    CONNECTED,
    CLOSED
  }

  private final ClientLoop loop;
  private final Target target;
  private final InetAddress localAddress;
  private final String connectPacket;
  private final SioListener listener;
  private final int index;

  private volatile State state = State.NEW;
  private SocketChannel channel;
  private SelectionKey key;
  private final ArrayDeque<ByteBuffer> out = new ArrayDeque<>(2);
  private byte[] pending = new byte[0];
  private int pendingLength;
  private byte[] fragments;
  private int fragmentsLength;
  private long nowNanos;
  private long startNanos;
  private long connectedNanos;
  private long nextAckId;
  private Map<Long, PendingAck> acks;
  private volatile String sid;
  private volatile String pid;

  /** Scenario state, touched on the loop thread only: the last sequence number seen. */
  public long lastSeq;

  /**
   * @param index the scenario's number for this connection
   * @param token the JWT sent in the CONNECT auth, or null for a guest
   * @param localAddress the source address to bind, or null for the system's choice
   */
  public SioConnection(
      int index,
      ClientLoop loop,
      Target target,
      InetAddress localAddress,
      String token,
      SioListener listener) {
    this(index, loop, target, localAddress, token, null, null, listener);
  }

  /**
   * A connection that asks the server to recover an earlier session (Socket.IO connection state
   * recovery): {@code pid} is that session's recovery id, {@code offset} the recovery offset of the
   * last channel event it received. Both null for a fresh session.
   */
  public SioConnection(
      int index,
      ClientLoop loop,
      Target target,
      InetAddress localAddress,
      String token,
      String pid,
      String offset,
      SioListener listener) {
    this.index = index;
    this.loop = Objects.requireNonNull(loop, "loop");
    this.target = Objects.requireNonNull(target, "target");
    this.localAddress = localAddress;
    this.listener = Objects.requireNonNull(listener, "listener");
    String recovery =
        pid == null || offset == null
            ? ""
            : ",\"pid\":\"" + pid + "\",\"offset\":\"" + offset + "\"";
    this.connectPacket =
        token == null ? "0/realtime," : "0/realtime,{\"token\":\"" + token + "\"" + recovery + "}";
  }

  public int index() {
    return index;
  }

  /** From {@link #start} to the namespace's CONNECT ack, in nanoseconds (0 until connected). */
  public long connectNanos() {
    return connectedNanos == 0 ? 0 : connectedNanos - startNanos;
  }

  /** Opens the TCP connection, upgrades it and connects to the namespace, asynchronously. */
  public void start() {
    loop.execute(this::open);
  }

  /** Emits {@code event} with one JSON argument, without an ack. */
  public void emit(String event, String jsonArgument) {
    String packet = "2/realtime,[\"" + event + "\"," + jsonArgument + "]";
    onLoop(() -> send(packet));
  }

  /** Emits {@code event} with one JSON argument and an ack callback. */
  public void emitWithAck(String event, String jsonArgument, AckHandler handler) {
    long sentAt = System.nanoTime();
    onLoop(
        () -> {
          if (acks == null) {
            acks = new HashMap<>();
          }
          long id = nextAckId++;
          acks.put(id, new PendingAck(handler, sentAt));
          send("2/realtime," + id + "[\"" + event + "\"," + jsonArgument + "]");
        });
  }

  /** The socket id from the server's CONNECT reply, or null before it. */
  public String sid() {
    return sid;
  }

  /** The recovery id from the server's CONNECT reply, or null (none offered, or not yet). */
  public String pid() {
    return pid;
  }

  /**
   * Disconnects on purpose: the Socket.IO DISCONNECT packet, then the TCP close. The server then
   * ends the session for good (no recovery), unlike {@link #close}.
   */
  public void disconnect() {
    onLoop(
        () -> {
          send("1/realtime,");
          closeNow("disconnected by the bench");
        });
  }

  /** Closes the TCP connection at once. */
  public void close() {
    onLoop(() -> closeNow("closed by the bench"));
  }

  private void onLoop(Runnable task) {
    if (loop.inLoop()) {
      task.run();
    } else {
      loop.execute(task);
    }
  }

  // ---------------------------------------------------------------- I/O, on the loop thread

  private void open() {
    startNanos = System.nanoTime();
    try {
      channel = SocketChannel.open();
      channel.configureBlocking(false);
      channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
      if (localAddress != null) {
        channel.bind(new InetSocketAddress(localAddress, 0));
      }
      state = State.CONNECTING;
      boolean done = channel.connect(new InetSocketAddress(target.host(), target.port()));
      key =
          channel.register(loop.selector(), done ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT);
      key.attach(this);
      if (done) {
        upgrade();
      }
    } catch (IOException | RuntimeException e) {
      closeNow("connect: " + e);
    }
  }

  private void upgrade() {
    byte[] nonce = new byte[16];
    ThreadLocalRandom.current().nextBytes(nonce);
    state = State.UPGRADING;
    write(ByteBuffer.wrap(target.upgradeRequest(Base64.getEncoder().encodeToString(nonce))));
  }

  void ready(SelectionKey readyKey) {
    try {
      if (readyKey.isConnectable()) {
        channel.finishConnect();
        readyKey.interestOps(SelectionKey.OP_READ);
        upgrade();
      }
      if (readyKey.isValid() && readyKey.isWritable()) {
        flush();
      }
      if (readyKey.isValid() && readyKey.isReadable()) {
        read();
      }
    } catch (IOException | RuntimeException e) {
      closeNow(e.toString());
    }
  }

  private void read() throws IOException {
    ByteBuffer buffer = loop.readBuffer;
    buffer.clear();
    int n = channel.read(buffer);
    if (n < 0) {
      closeNow("the server closed the connection");
      return;
    }
    if (n == 0) {
      return;
    }
    nowNanos = System.nanoTime();
    byte[] data;
    int limit;
    if (pendingLength > 0) {
      append(buffer.array(), n);
      data = pending;
      limit = pendingLength;
    } else {
      data = buffer.array();
      limit = n;
    }
    int offset = 0;
    if (state == State.UPGRADING) {
      int end = indexOf(data, 0, limit, HEADER_END);
      if (end < 0) {
        keep(data, 0, limit);
        return;
      }
      String status = new String(data, 0, Math.min(end, 12), StandardCharsets.US_ASCII);
      if (!status.startsWith("HTTP/1.1 101")) {
        closeNow("upgrade refused: " + new String(data, 0, end, StandardCharsets.US_ASCII));
        return;
      }
      state = State.ENGINE_OPEN;
      offset = end + 4;
    }
    int consumed = WsFrames.parse(data, offset, limit, this);
    if (state == State.CLOSED) {
      return;
    }
    keep(data, consumed, limit);
  }

  /** Keeps {@code data[from, limit)} for the next read. */
  private void keep(byte[] data, int from, int limit) {
    int rest = limit - from;
    if (rest == 0) {
      pendingLength = 0;
      return;
    }
    if (data == pending) {
      System.arraycopy(pending, from, pending, 0, rest);
    } else {
      ensurePending(rest);
      System.arraycopy(data, from, pending, 0, rest);
    }
    pendingLength = rest;
  }

  private void append(byte[] data, int length) {
    ensurePending(pendingLength + length);
    System.arraycopy(data, 0, pending, pendingLength, length);
    pendingLength += length;
  }

  private void ensurePending(int capacity) {
    if (pending.length < capacity) {
      byte[] grown = new byte[Math.max(capacity, pending.length * 2)];
      System.arraycopy(pending, 0, grown, 0, pendingLength);
      pending = grown;
    }
  }

  @Override
  public void frame(boolean fin, int opcode, byte[] buffer, int offset, int length) {
    switch (opcode) {
      case WsFrames.OP_TEXT:
      case WsFrames.OP_BINARY:
        if (fin) {
          message(buffer, offset, length);
        } else {
          fragmentsLength = 0;
          appendFragment(buffer, offset, length);
        }
        break;
      case WsFrames.OP_CONTINUATION:
        appendFragment(buffer, offset, length);
        if (fin) {
          message(fragments, 0, fragmentsLength);
          fragmentsLength = 0;
        }
        break;
      case WsFrames.OP_PING:
        byte[] payload = new byte[length];
        System.arraycopy(buffer, offset, payload, 0, length);
        write(ByteBuffer.wrap(WsFrames.clientFrame(WsFrames.OP_PONG, payload)));
        break;
      case WsFrames.OP_CLOSE:
        write(ByteBuffer.wrap(WsFrames.clientFrame(WsFrames.OP_CLOSE, new byte[0])));
        closeNow("websocket close from the server");
        break;
      default:
        break;
    }
  }

  private void appendFragment(byte[] buffer, int offset, int length) {
    if (fragments == null || fragments.length < fragmentsLength + length) {
      byte[] grown = new byte[Math.max(1024, (fragmentsLength + length) * 2)];
      if (fragments != null) {
        System.arraycopy(fragments, 0, grown, 0, fragmentsLength);
      }
      fragments = grown;
    }
    System.arraycopy(buffer, offset, fragments, fragmentsLength, length);
    fragmentsLength += length;
  }

  /** One Engine.IO packet. */
  private void message(byte[] b, int offset, int length) {
    if (length == 0 || state == State.CLOSED) {
      return;
    }
    switch (b[offset]) {
      case '0': // open
        send(connectPacket);
        break;
      case '2': // ping
        write(ByteBuffer.wrap(PONG));
        break;
      case '4':
        socketIo(b, offset + 1, length - 1);
        break;
      case '1':
        closeNow("Engine.IO close");
        break;
      default: // noop, upgrade packets: nothing to do
        break;
    }
  }

  /** One Socket.IO packet of the {@code /realtime} namespace. */
  private void socketIo(byte[] b, int offset, int length) {
    if (length < 1 + NAMESPACE.length || !startsWith(b, offset + 1, NAMESPACE)) {
      return; // another namespace: none is used here
    }
    char type = (char) b[offset];
    int body = offset + 1 + NAMESPACE.length;
    int end = offset + length;
    switch (type) {
      case '0':
        String reply = new String(b, body, end - body, StandardCharsets.UTF_8);
        sid = stringField(reply, "sid");
        pid = stringField(reply, "pid");
        state = State.CONNECTED;
        connectedNanos = nowNanos;
        listener.connected(this);
        break;
      case '2':
        listener.event(this, b, body, end - body, nowNanos);
        break;
      case '3':
        ack(b, body, end);
        break;
      case '4':
        closeNow("connect_error " + new String(b, body, end - body, StandardCharsets.UTF_8));
        break;
      case '1':
        closeNow("disconnected by the server");
        break;
      default:
        break;
    }
  }

  private void ack(byte[] b, int from, int end) {
    long id = 0;
    int i = from;
    while (i < end && b[i] >= '0' && b[i] <= '9') {
      id = id * 10 + (b[i] - '0');
      i++;
    }
    PendingAck pendingAck = acks == null ? null : acks.remove(id);
    if (pendingAck != null) {
      pendingAck.handler.ack(
          new String(b, i, end - i, StandardCharsets.UTF_8), nowNanos - pendingAck.sentAt);
    }
  }

  /** Sends one Socket.IO packet as an Engine.IO message. */
  private void send(String socketIoPacket) {
    if (state != State.CLOSED) {
      write(ByteBuffer.wrap(WsFrames.text("4" + socketIoPacket)));
    }
  }

  private void write(ByteBuffer frame) {
    if (state == State.CLOSED) {
      return;
    }
    try {
      if (out.isEmpty() && state != State.CONNECTING && state != State.NEW) {
        channel.write(frame);
        if (!frame.hasRemaining()) {
          return;
        }
      }
      out.add(frame);
      if (state != State.CONNECTING && state != State.NEW) {
        key.interestOps(key.interestOps() | SelectionKey.OP_WRITE);
      }
    } catch (IOException e) {
      closeNow("write: " + e);
    }
  }

  private void flush() throws IOException {
    while (!out.isEmpty()) {
      ByteBuffer head = out.peek();
      channel.write(head);
      if (head.hasRemaining()) {
        return;
      }
      out.poll();
    }
    key.interestOps(SelectionKey.OP_READ);
  }

  private void closeNow(String reason) {
    if (state == State.CLOSED) {
      return;
    }
    state = State.CLOSED;
    out.clear();
    try {
      if (channel != null) {
        channel.close();
      }
    } catch (IOException e) {
      // closing anyway
    }
    listener.closed(this, reason);
  }

  public boolean isConnected() {
    return state == State.CONNECTED;
  }

  /** The string value of {@code "name":"..."} in a small JSON object, or null. */
  static String stringField(String json, String name) {
    String key = "\"" + name + "\":\"";
    int start = json.indexOf(key);
    if (start < 0) {
      return null;
    }
    start += key.length();
    int end = json.indexOf('"', start);
    return end < 0 ? null : json.substring(start, end);
  }

  private static boolean startsWith(byte[] b, int offset, byte[] prefix) {
    for (int i = 0; i < prefix.length; i++) {
      if (b[offset + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  static int indexOf(byte[] b, int from, int limit, byte[] needle) {
    outer:
    for (int i = from; i <= limit - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (b[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private record PendingAck(AckHandler handler, long sentAt) {}
}

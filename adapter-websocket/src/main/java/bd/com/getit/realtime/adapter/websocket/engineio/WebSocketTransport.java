package bd.com.getit.realtime.adapter.websocket.engineio;

import jakarta.websocket.Session;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * The websocket transport over a {@link WebSocketConnection} (this adapter's Grizzly layer or
 * Tyrus): one packet per frame, written with asynchronous sends, one outstanding at a time, in
 * queue order. Control packets of the handshake and the upgrade probe go first, before the
 * session's queue. The frames are built here and written raw: a prepared message's frame is shared
 * by every socket, and the packets that piled up while a write was outstanding go out together in
 * one write. A socket with nothing outstanding is written by the thread that queued the packet when
 * that thread may ({@link DirectWrites}: a worker running a client event; and the handshake's and
 * probe's control packets); otherwise, and for every backlog, writes run on the server's writer
 * executor, never on a network thread.
 */
final class WebSocketTransport
    implements Transport, WebSocketConnection.Receiver, RawFrameWriter.Done {

  private static final System.Logger LOG = System.getLogger(WebSocketTransport.class.getName());

  /** At most this many bytes are gathered into one write (one packet may exceed it). */
  private static final int MAX_BATCH_BYTES = 64 * 1024;

  private static final int MAX_BATCH_PACKETS = 256;

  /**
   * A large fanout's sockets are handed to the writer pool this many per task: a few dozen tasks
   * for thousands of sockets rather than one task, and one wake-up of a pool thread, per socket.
   */
  static final int DRAIN_CHUNK = 64;

  private static final int NORMAL_CLOSURE = 1000;

  private final WebSocketConnection ws;
  private final Executor writer;
  private final RawFrameWriter raw;
  private final Compression deflate; // null unless the client negotiated permessage-deflate
  private final boolean contextAllowed; // the client did not ask for server_no_context_takeover
  // only while on a slow link; used by the one drain at a time, ended by a close
  private volatile ContextDeflater context;
  private final WireStats stats;
  private final EngineSession session;
  private final Object lock;
  private final ArrayDeque<EnginePacket> direct = new ArrayDeque<>(2);
  private boolean writing;
  // the one outstanding write's progress (the transport is its own Done: no object per write)
  private boolean writeReturned; // guarded by lock
  private boolean writeCompleted; // guarded by lock
  private boolean drainQueued;
  private boolean closed;
  private boolean closeRequested;
  private boolean closePacketSent;

  WebSocketTransport(Session ws, EngineSession session, Executor writer) {
    this(new TyrusConnection(ws), session, writer, null, false, new WireStats());
  }

  /** With {@code raw} null, frames go through the standard {@code sendText}/{@code sendBinary}. */
  WebSocketTransport(Session ws, EngineSession session, Executor writer, RawFrameWriter raw) {
    this(new TyrusConnection(ws, raw), session, writer, null, false, new WireStats());
  }

  /**
   * @param deflate when the client negotiated permessage-deflate, what to compress; else null
   * @param contextAllowed whether frames may be compressed with context takeover while the socket
   *     is on a slow link ({@link ContextDeflater})
   * @param stats where the bytes written are counted
   */
  WebSocketTransport(
      WebSocketConnection ws,
      EngineSession session,
      Executor writer,
      Compression deflate,
      boolean contextAllowed,
      WireStats stats) {
    this.ws = Objects.requireNonNull(ws, "ws");
    this.writer = Objects.requireNonNull(writer, "writer");
    this.raw = ws.frames();
    // compressed frames are built here and written raw: without raw frames, none are compressed
    this.deflate = raw == null ? null : deflate;
    this.contextAllowed = this.deflate != null && contextAllowed;
    this.stats = Objects.requireNonNull(stats, "stats");
    this.session = Objects.requireNonNull(session, "session");
    this.lock = session.lock;
  }

  EngineSession session() {
    return session;
  }

  /** How this transport writes frames: raw (and to what), or null for the standard sends. */
  RawFrameWriter rawFrames() {
    return raw;
  }

  @Override
  public String name() {
    return EngineOptions.WEBSOCKET;
  }

  /**
   * Sends a packet ahead of the session queue (open, probe pong), written by the calling thread
   * when the socket is idle: a probe's pong must not wait behind a hop to the writer pool, or it
   * can reach the client after the poll the client sends next (the upgrade then fails). The write
   * is Grizzly's asynchronous one, so even a network thread does not block on it.
   */
  void sendDirect(EnginePacket packet) {
    synchronized (lock) {
      if (closed) {
        return;
      }
      direct.add(packet);
    }
    flush(true);
  }

  @Override
  public void onText(String frame) {
    EnginePacket packet;
    try {
      packet = EngineCodec.decodeFrame(frame, session.options().maxPayload());
    } catch (EngineParseException e) {
      session.onTransportError(this, "parse error");
      return;
    }
    session.onPacket(this, packet);
  }

  @Override
  public void onBinary(byte[] frame) {
    EnginePacket packet;
    try {
      packet = EngineCodec.decodeBinaryFrame(frame, session.options().maxPayload());
    } catch (EngineParseException e) {
      session.onTransportError(this, "parse error");
      return;
    }
    session.onPacket(this, packet);
  }

  /** The websocket closed under us. */
  @Override
  public void onClosed() {
    synchronized (lock) {
      closed = true;
    }
    endContext();
    session.onTransportError(this, "transport close");
  }

  @Override
  public void onError(Throwable error) {
    LOG.log(Level.DEBUG, "websocket error", error);
    session.onTransportError(this, "transport error");
  }

  /**
   * Starts a drain unless one is queued or a write is outstanding: on the calling thread when it
   * may write directly ({@link DirectWrites}: a worker running a client event, never a network
   * thread), else on the writer pool.
   */
  @Override
  public void flush() {
    DirectWrites.Mode mode = DirectWrites.current();
    if (claimFlush()) {
      flushClaimed(mode);
    }
  }

  private void flush(boolean here) {
    if (!claimFlush()) {
      return;
    }
    if (here) {
      drain();
    } else {
      writer.execute(this::drain);
    }
  }

  private boolean claimFlush() {
    synchronized (lock) {
      return claimFlushLocked();
    }
  }

  /** Claims the drain unless one is queued or a write is outstanding; the caller holds the lock. */
  @Override
  public boolean claimFlushLocked() {
    if (drainQueued || writing || closed) {
      return false;
    }
    drainQueued = true;
    return true;
  }

  /**
   * Runs the claimed drain: here when {@code mode} may write directly, at the end of its large
   * fanout when one runs, else on the writer pool.
   */
  @Override
  public void flushClaimed(DirectWrites.Mode mode) {
    if (mode.allowed()) {
      drain();
    } else if (!mode.collect(this)) {
      writer.execute(this::drain);
    }
  }

  /**
   * Runs the drains of sockets collected during a large fanout ({@link DirectWrites#deferred}) on
   * their writer pools, {@link #DRAIN_CHUNK} sockets per task; each socket already counts its drain
   * as queued, so nothing else starts one meanwhile and its frames keep their order.
   */
  static void drainLater(WebSocketTransport[] pending) {
    int from = 0;
    while (from < pending.length) {
      Executor pool = pending[from].writer;
      int to = from + 1;
      while (to < pending.length && to - from < DRAIN_CHUNK && pending[to].writer == pool) {
        to++;
      }
      WebSocketTransport[] chunk = Arrays.copyOfRange(pending, from, to);
      pool.execute(() -> drainEach(chunk));
      from = to;
    }
  }

  private static void drainEach(WebSocketTransport[] chunk) {
    for (WebSocketTransport transport : chunk) {
      try {
        transport.drain();
      } catch (RuntimeException e) {
        // one broken socket must not leave the rest of its chunk without their drains
        LOG.log(Level.WARNING, "websocket drain failed", e);
      }
    }
  }

  /**
   * Writes what is queued, a batch at a time, until the queue is empty or a write is pending. The
   * fanout's case, one packet on an idle socket, takes the lock twice (the poll; the write's
   * return, which also finds the queue empty) and allocates nothing here.
   */
  private void drain() {
    ArrayList<EnginePacket> batch = null; // made for a backlog only, reused by every round
    while (true) {
      EnginePacket single;
      boolean finish = false;
      synchronized (lock) {
        drainQueued = false;
        if (writing || closed) {
          return;
        }
        boolean active = session.isActiveLocked(this);
        single = direct.poll();
        if (single == null && active) {
          single = session.pollOneLocked();
        }
        int max = raw == null ? 1 : MAX_BATCH_PACKETS;
        boolean more = !direct.isEmpty() || (active && session.hasQueuedLocked());
        if (single != null && max > 1 && more) {
          if (batch == null) {
            batch = new ArrayList<>(4);
          }
          batch.clear();
          // grown once to the backlog's size, not doubled again and again while it is polled
          batch.ensureCapacity(
              Math.min(max, 1 + direct.size() + (active ? session.queuedCountLocked() : 0)));
          batch.add(single);
          long bytes = single.weight();
          // the control packets first, as the first one was, then the session's queue
          while (batch.size() < max && bytes < MAX_BATCH_BYTES && !direct.isEmpty()) {
            EnginePacket packet = direct.poll();
            batch.add(packet);
            bytes += packet.weight();
          }
          if (active) {
            session.pollIntoLocked(batch, max, bytes, MAX_BATCH_BYTES);
          }
          single = null;
        } else if (single == null && active && closeRequested) {
          if (!closePacketSent) {
            closePacketSent = true;
            single = EnginePacket.CLOSE;
          } else {
            closed = true;
            finish = true;
          }
        }
        if (single == null && (batch == null || batch.isEmpty()) && !finish) {
          return;
        }
        writing = !finish;
        writeReturned = false;
        writeCompleted = false;
      }
      if (finish) {
        // report the orderly reason first: closing the socket reports "transport close" else
        session.terminate(session.closingReason(), false);
        closeSocket();
        return;
      }
      if (single != null) {
        write(single);
      } else {
        write(batch);
        batch.clear(); // write() is done with the packets when it returns
      }
      synchronized (lock) {
        writeReturned = true;
        if (!writeCompleted) {
          return; // the completion continues the drain
        }
        writing = false;
        if (!hasMoreLocked()) {
          return; // the next send claims its own drain: nothing is outstanding any more
        }
      }
    }
  }

  /**
   * Whether the next round of a drain would write or close something; the caller holds the lock.
   */
  private boolean hasMoreLocked() {
    if (closed || !direct.isEmpty()) {
      return !closed;
    }
    return session.isActiveLocked(this) && (session.hasQueuedLocked() || closeRequested);
  }

  /** One packet: the fanout's shared frame, wrapped, not copied. */
  private void write(EnginePacket packet) {
    try {
      if (raw != null) {
        raw.write(frame(packet), this);
        return;
      }
      writeStandard(packet);
    } catch (RuntimeException e) {
      done(e);
    }
  }

  private void write(List<EnginePacket> batch) {
    try {
      if (raw != null) {
        raw.write(frames(batch), this);
        return;
      }
      writeStandard(batch.get(0));
    } catch (RuntimeException e) {
      done(e);
    }
  }

  private void writeStandard(EnginePacket packet) {
    long weight = packet.weight();
    stats.recordWrite(name(), session.linkClass(), 1, 0, weight, weight);
    if (packet.isBinary()) {
      ws.sendBinary(ByteBuffer.wrap(packet.binary()), this);
    } else {
      ws.sendText(EngineCodec.encodeFrame(packet), this);
    }
  }

  /** One packet's frame; the prepared frame of a fanout is shared by every socket. */
  private ByteBuffer frame(EnginePacket packet) {
    LinkClass link = session.linkClass();
    ContextDeflater slowLink = contextDeflater(link);
    byte[] frame = slowLink == null ? null : WebSocketFrames.ofContext(packet, slowLink);
    if (frame == null) {
      frame = deflate == null ? WebSocketFrames.of(packet) : WebSocketFrames.of(packet, deflate);
    }
    boolean compressed = WebSocketFrames.isCompressed(frame);
    long plain = compressed ? WebSocketFrames.frameLength(packet.weight()) : frame.length;
    stats.recordWrite(name(), link, 1, compressed ? 1 : 0, plain, frame.length);
    return ByteBuffer.wrap(frame);
  }

  /** The batch's frames, back to back; one prepared frame is wrapped, not copied. */
  private ByteBuffer frames(List<EnginePacket> batch) {
    if (batch.size() == 1) {
      return frame(batch.get(0)); // one packet larger than a batch's bytes
    }
    LinkClass link = session.linkClass();
    ContextDeflater slowLink = contextDeflater(link);
    byte[][] frames = new byte[batch.size()][];
    int length = 0;
    long plain = 0;
    int compressed = 0;
    for (int i = 0; i < frames.length; i++) {
      EnginePacket packet = batch.get(i);
      byte[] frame = slowLink == null ? null : WebSocketFrames.ofContext(packet, slowLink);
      if (frame == null) {
        frame = deflate == null ? WebSocketFrames.of(packet) : WebSocketFrames.of(packet, deflate);
      }
      frames[i] = frame;
      length += frames[i].length;
      if (WebSocketFrames.isCompressed(frames[i])) {
        compressed++;
        plain += WebSocketFrames.frameLength(packet.weight());
      } else {
        plain += frames[i].length;
      }
    }
    stats.recordWrite(name(), link, frames.length, compressed, plain, length);
    if (frames.length == 1) {
      return ByteBuffer.wrap(frames[0]);
    }
    ByteBuffer out = ByteBuffer.allocate(length);
    for (byte[] frame : frames) {
      out.put(frame);
    }
    return out.flip();
  }

  /**
   * The socket's context deflater while it is on a slow link (2G, 3G) and its client allows context
   * takeover: opened when it gets there, ended when it leaves; null otherwise or when too many are
   * open. Called by the drain only.
   */
  private ContextDeflater contextDeflater(LinkClass link) {
    boolean slow = link == LinkClass.G2 || link == LinkClass.G3;
    if (slow && contextAllowed && context == null) {
      context = ContextDeflater.open();
    } else if (!slow && context != null) {
      context.end();
      context = null;
    }
    return context;
  }

  /** Frees the context deflater's native memory once the socket is done. */
  private void endContext() {
    ContextDeflater current;
    synchronized (lock) {
      current = context;
    }
    if (current != null) {
      current.end(); // a drain still using it gets null and sends shared frames
    }
  }

  @Override
  public void beginClose() {
    synchronized (lock) {
      closeRequested = true;
    }
    flush(false); // closing may report the close to the listener: never on the caller's stack
  }

  @Override
  public void abort(boolean clientInitiated) {
    synchronized (lock) {
      closed = true;
      direct.clear();
    }
    endContext();
    closeSocket();
  }

  private void closeSocket() {
    if (ws.isOpen()) {
      ws.close(NORMAL_CLOSURE, "");
    }
  }

  /**
   * Completion of the one outstanding write; continues the drain unless the writing thread still
   * runs it.
   */
  @Override
  public void done(Throwable failure) {
    if (failure != null) {
      synchronized (lock) {
        writeCompleted = true;
        writing = false;
        closed = true;
      }
      session.onTransportError(this, "transport error");
      return;
    }
    synchronized (lock) {
      writeCompleted = true;
      if (!writeReturned) {
        return; // completed inline: the drain goes on
      }
      writing = false;
    }
    flush();
  }
}

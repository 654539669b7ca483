package bd.com.getit.realtime.adapter.websocket.gateway;

import bd.com.getit.realtime.adapter.websocket.engineio.DirectWrites;
import bd.com.getit.realtime.adapter.websocket.engineio.EngineSocket;
import bd.com.getit.realtime.adapter.websocket.engineio.LinkClass;
import bd.com.getit.realtime.adapter.websocket.engineio.PreparedMessage;
import bd.com.getit.realtime.adapter.websocket.socketio.EncodeBuffer;
import bd.com.getit.realtime.adapter.websocket.socketio.SioSocket;
import bd.com.getit.realtime.adapter.websocket.socketio.SocketIoCodec;
import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.domain.Outbound;
import bd.com.getit.realtime.domain.Priority;
import bd.com.getit.realtime.domain.StreamOffset;
import bd.com.getit.realtime.domain.connection.Bandwidth;
import bd.com.getit.realtime.domain.connection.ConnectionQuality;
import bd.com.getit.realtime.domain.connection.LinkShaping;
import bd.com.getit.realtime.port.out.LocalDelivery;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Delivers the core's events to the {@code /realtime} sockets of this node: each event is encoded
 * once and the same text queued to every target, with a per-socket backpressure policy that sheds
 * what may be shed and disconnects a socket that cannot keep up, so memory stays bounded. Thread-
 * safe; never blocks.
 */
public final class SocketIoDelivery implements LocalDelivery {

  private static final System.Logger LOG = System.getLogger(SocketIoDelivery.class.getName());

  /**
   * When {@code low} events are shed: once a socket's send queue holds more than {@code
   * softBoundBytes}, or more than {@code slowSoftBoundBytes} for a socket on a reported slow link.
   * The hard bound is the Engine.IO send queue's own.
   */
  public record Limits(long softBoundBytes, long slowSoftBoundBytes) {
    public static final Limits DEFAULT = new Limits(256 * 1024, 32 * 1024);

    public Limits {
      if (softBoundBytes < 0 || slowSoftBoundBytes < 0) {
        throw new IllegalArgumentException("bounds are not negative");
      }
    }
  }

  /**
   * Up to this many targets, a worker thread writes each idle socket itself ({@link DirectWrites});
   * past it, the sockets are written by the writer pool.
   */
  static final int DIRECT_FANOUT = 32;

  /** {@code Link.backedUpSince} of a socket whose send queue is not backed up. */
  private static final long NOT_BACKED_UP = Long.MIN_VALUE;

  private final Limits limits;
  private final LinkShaper shaper;
  private final ConcurrentHashMap<ConnectionId, Link> links = new ConcurrentHashMap<>();
  private final ResolvedTargets resolved = new ResolvedTargets();
  private final AtomicLong shed = new AtomicLong();
  private final LongAdder[] shedByPriority = shedCounters();
  private final AtomicLong droppedVolatile = new AtomicLong();
  private final AtomicLong disconnected = new AtomicLong();

  public SocketIoDelivery() {
    this(Limits.DEFAULT);
  }

  public SocketIoDelivery(Limits limits) {
    this(limits, LinkShaping.DEFAULT);
  }

  /**
   * @param shaping how sockets on slow links are shaped: batching windows, pacing and what they may
   *     hold (PROTOCOL section 10.4)
   */
  public SocketIoDelivery(Limits limits, LinkShaping shaping) {
    this(limits, new LinkShaper(shaping, new ShapingStats()));
  }

  SocketIoDelivery(Limits limits, LinkShaper shaper) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.shaper = Objects.requireNonNull(shaper, "shaper");
  }

  /** What slow-link shaping did: events coalesced, shed, batched, overtaking. */
  public ShapingStats shapingStats() {
    return shaper.stats();
  }

  /** Makes a live socket a delivery target; called by the namespace once it is connected. */
  public void register(ConnectionId connection, SioSocket socket) {
    Objects.requireNonNull(connection, "connection");
    Objects.requireNonNull(socket, "socket");
    Link replaced = links.put(connection, new Link(socket));
    if (replaced != null) {
      replaced.gone = true;
    }
  }

  /** Forgets a socket that has left; unknown ids are ignored. */
  public void unregister(ConnectionId connection) {
    Link link = links.remove(Objects.requireNonNull(connection, "connection"));
    if (link != null) {
      link.gone = true;
      resolved.forget(); // resolved fanouts must not keep a gone socket reachable
    }
  }

  /** The registered socket of a connection, if it is on this node. */
  public Optional<SioSocket> socket(ConnectionId connection) {
    Link link = links.get(connection);
    return link == null ? Optional.empty() : Optional.of(link.socket);
  }

  /** How many sockets are registered. */
  public int size() {
    return links.size();
  }

  @Override
  public int deliver(Collection<ConnectionId> targets, Outbound outbound) {
    Objects.requireNonNull(targets, "targets");
    Objects.requireNonNull(outbound, "outbound");
    if (targets.size() > DIRECT_FANOUT) {
      // the writer pool writes a large fanout's sockets in parallel; this thread goes back to work
      return DirectWrites.deferred(() -> offerAll(targets, outbound));
    }
    return offerAll(targets, outbound);
  }

  private int offerAll(Collection<ConnectionId> targets, Outbound outbound) {
    PreparedMessage frame = null;
    int accepted = 0;
    Object[] known = targets.size() > DIRECT_FANOUT ? resolved.links(targets, links) : null;
    int i = 0;
    for (ConnectionId target : targets) {
      Link link = known == null ? null : (Link) known[i++];
      if (link == null || link.gone) {
        link = links.get(target); // registered after the resolution, or not resolved at all
        if (link == null) {
          continue;
        }
      }
      if (frame == null) {
        // Encoded lazily, once: events with no local target cost nothing.
        frame = encode(outbound);
      }
      try {
        if (offer(target, link, frame, outbound)) {
          accepted++;
        }
      } catch (RuntimeException e) {
        // One broken socket must not stop the fanout to the others.
        LOG.log(System.Logger.Level.WARNING, "delivery to " + target + " failed", e);
      }
    }
    return accepted;
  }

  /**
   * The event's frame, for every target: the packet is written into this thread's buffer and its
   * chars encoded once into the frame's bytes (no payload string, no packet string, no byte[] in
   * between).
   */
  static PreparedMessage encode(Outbound outbound) {
    StringBuilder out = EncodeBuffer.PACKETS.take();
    SocketIoCodec.openEvent(out, RealtimeNamespace.NAME, outbound.event());
    out.append(',');
    outbound.payload().writeJson(out);
    SocketIoCodec.closeEvent(out, outbound.offset().map(StreamOffset::value).orElse(null));
    PreparedMessage frame = PreparedMessage.of(out);
    EncodeBuffer.PACKETS.release(out);
    return frame;
  }

  private boolean offer(ConnectionId target, Link link, PreparedMessage frame, Outbound outbound) {
    SioSocket socket = link.socket;
    EngineSocket engine = socket.engine();
    if (!engine.isOpen()) {
      return false;
    }
    long queued = engine.queuedBytes();
    if (outbound.volatileEvent() && queued > 0) {
      droppedVolatile.incrementAndGet();
      return false;
    }
    if (!outbound.volatileEvent()) {
      ShapedQueue shaped = shapedQueue(link, queued);
      if (shaped != null && outbound.priority().sheddable() && queued > softBound(link)) {
        shed.incrementAndGet();
        return false;
      }
      while (shaped != null) {
        ShapedQueue.Result result =
            shaped.offer(frame, outbound.event(), channelOf(outbound), outbound.priority());
        switch (result) {
          case ACCEPTED:
            return true;
          case SHED:
            shed.incrementAndGet();
            return false;
          case OVERFLOW:
            return overflow(target, engine);
          case LEFT:
            ShapedQueue next = link.shaped;
            shaped = next == shaped ? null : next;
            break;
          default:
            throw new IllegalStateException(result.toString());
        }
      }
    }
    boolean low = outbound.priority().sheddable();
    if (low && queued > softBound(link)) {
      shed(outbound.priority());
      return false;
    }
    if (socket.sendEncoded(frame)) {
      return true;
    }
    if (outbound.volatileEvent()) {
      droppedVolatile.incrementAndGet();
      return false;
    }
    if (low) {
      shed(outbound.priority());
      return false;
    }
    return overflow(target, engine);
  }

  /**
   * The shaped queue of {@code link}, entering backed-up mode when its send queue has held at least
   * {@link LinkShaper#BACKED_UP_BYTES} for {@link LinkShaper#BACKED_UP_FOR}; null when the socket
   * is delivered to directly.
   */
  private ShapedQueue shapedQueue(Link link, long queued) {
    ShapedQueue shaped = link.shaped;
    if (shaped != null) {
      return shaped;
    }
    if (queued < LinkShaper.BACKED_UP_BYTES) {
      if (link.backedUpSince != NOT_BACKED_UP) {
        // read first: a volatile write per socket per fanout is a fence and dirties the link's
        // cache line, for a value that is almost never changed
        link.backedUpSince = NOT_BACKED_UP;
      }
      return null;
    }
    long now = shaper.nanoTime();
    long since = link.backedUpSince;
    if (since == NOT_BACKED_UP) {
      link.backedUpSince = now;
      return null;
    }
    if (now - since < LinkShaper.BACKED_UP_FOR.toNanos()) {
      return null;
    }
    synchronized (link) {
      if (link.shaped == null) {
        link.shaped = shaper.forBackedUp(link.socket, () -> left(link));
      }
      return link.shaped;
    }
  }

  /** A shaped queue was left: the link is shaped again if it still reports a slow network. */
  private void left(Link link) {
    synchronized (link) {
      Bandwidth bandwidth = link.bandwidth;
      link.backedUpSince = NOT_BACKED_UP;
      if (bandwidth != null && bandwidth.slow()) {
        link.shaped = shaper.forBandwidth(link.socket, bandwidth, () -> left(link));
      } else {
        link.shaped = null;
        link.socket
            .engine()
            .linkClass(bandwidth == null ? LinkClass.UNKNOWN : LinkShaper.linkClass(bandwidth));
      }
    }
  }

  /** The channel of a channel event (its envelope's {@code channel}); null for direct events. */
  private static String channelOf(Outbound outbound) {
    return outbound.payload() instanceof JsonValue.JsonObject envelope
        ? envelope.text("channel").orElse(null)
        : null;
  }

  private boolean overflow(ConnectionId target, EngineSocket engine) {
    // The hard bound refused an event that must not be dropped: this socket cannot keep up. The
    // transport is closed (a DISCONNECT packet could not be queued anyway), so the client
    // reconnects and recovers what it missed instead of growing this node's memory.
    disconnected.incrementAndGet();
    LOG.log(
        System.Logger.Level.INFO,
        () -> "closing " + target + ": send queue full (" + engine.queuedBytes() + " bytes)");
    engine.close();
    return false;
  }

  private long softBound(Link link) {
    return link.slow ? limits.slowSoftBoundBytes() : limits.softBoundBytes();
  }

  @Override
  public void disconnect(ConnectionId connection, String reason) {
    Link link = links.get(Objects.requireNonNull(connection, "connection"));
    if (link == null) {
      return;
    }
    LOG.log(System.Logger.Level.DEBUG, () -> "disconnecting " + connection + ": " + reason);
    link.socket.disconnect();
  }

  @Override
  public void adapt(ConnectionId connection, ConnectionQuality quality) {
    Objects.requireNonNull(quality, "quality");
    Link link = links.get(Objects.requireNonNull(connection, "connection"));
    if (link == null) {
      return;
    }
    Bandwidth bandwidth = quality.bandwidth();
    link.slow = bandwidth.slow();
    synchronized (link) {
      link.bandwidth = bandwidth;
      ShapedQueue shaped = link.shaped;
      if (shaped == null) {
        if (bandwidth.slow()) {
          link.shaped = shaper.forBandwidth(link.socket, bandwidth, () -> left(link));
        } else {
          link.socket.engine().linkClass(LinkShaper.linkClass(bandwidth));
        }
      } else if (shaped.backedUp() || shaped.linkClass() != LinkShaper.linkClass(bandwidth)) {
        // a backed-up socket keeps draining first; then left() shapes it for what it reported
        shaped.leave();
      }
    }
  }

  private static LongAdder[] shedCounters() {
    LongAdder[] counters = new LongAdder[Priority.values().length];
    for (int i = 0; i < counters.length; i++) {
      counters[i] = new LongAdder();
    }
    return counters;
  }

  private void shed(Priority priority) {
    shed.incrementAndGet();
    shedByPriority[priority.ordinal()].increment();
  }

  /** Events of {@code priority} shed (only the sheddable priorities ever are). */
  public long shedCount(Priority priority) {
    return shedByPriority[Objects.requireNonNull(priority, "priority").ordinal()].sum();
  }

  /** Low events shed because a send queue passed its soft bound or refused them. */
  public long shedCount() {
    return shed.get();
  }

  /** Volatile events dropped because something was already queued. */
  public long droppedVolatileCount() {
    return droppedVolatile.get();
  }

  /** Sockets closed because their send queue refused an event that may not be dropped. */
  public long disconnectedCount() {
    return disconnected.get();
  }

  /** One registered socket and what is known of its link. */
  private static final class Link {
    final SioSocket socket;
    volatile boolean slow;
    volatile Bandwidth bandwidth; // as last reported; null until then
    volatile ShapedQueue shaped; // null unless in slow-link mode
    // when its send queue was first seen backed up, in nanoseconds
    volatile long backedUpSince = NOT_BACKED_UP;
    // unregistered, or replaced by a later registration of its connection id
    volatile boolean gone;

    Link(SioSocket socket) {
      this.socket = socket;
    }
  }
}

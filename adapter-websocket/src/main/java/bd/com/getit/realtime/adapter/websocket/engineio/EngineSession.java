package bd.com.getit.realtime.adapter.websocket.engineio;

import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One Engine.IO session: its bounded send queue, the heartbeat, the upgrade from polling to
 * websocket and the close, whatever the transport. State is guarded by {@link #lock}; listener
 * callbacks run under the session's own monitor (no one else locks a session) so that they are
 * ordered and never concurrent, and never run while the state lock is held. An idle session keeps
 * no queue: it is made for the first packet and dropped once a backlog has drained.
 */
final class EngineSession implements EngineSocket, SendQueueBudget.Member {

  private static final System.Logger LOG = System.getLogger(EngineSession.class.getName());
  private static final long UPGRADE_CHECK_MILLIS = 100;
  static final long REFUSAL_WAIT_MILLIS = 200;

  /** Slots of a new send queue: a heartbeat or a small fanout, without growing. */
  private static final int QUEUE_SLOTS = 2;

  /** A queue that has held more packets than this is dropped once empty, to free its array. */
  static final int QUEUE_KEPT_UP_TO = 8;

  private enum State {
    OPEN,
    CLOSING,
    CLOSED
  }

  /** Guards the session state; transports use it for theirs too. */
  final Object lock = new Object();

  private final String id;
  private final String remoteAddress;
  private final Map<String, List<String>> query;
  private final Map<String, List<String>> headers;
  private final EngineOptions options;
  private final EngineListener listener;
  private final ScheduledExecutorService scheduler;
  private final Runnable onTerminated;
  private final SendQueueBudget budget;

  // guarded by lock: null until the first packet, and again once a backlog has drained
  private ArrayDeque<EnginePacket> queue;
  private int queuePeak; // guarded by lock: the most packets the current queue has held
  private volatile long queuedBytes;
  private volatile State state = State.OPEN;
  private volatile Transport transport;
  private WebSocketTransport candidate;
  private Object upgradeClaim; // guarded by lock: a websocket's hold on the upgrade before its 101
  private ScheduledFuture<?> upgradeTimer;
  private ScheduledFuture<?> upgradeCheck;
  private boolean probeAnswered; // guarded by lock: the candidate's probe got its pong
  private List<Runnable> afterProbe; // guarded by lock: refusals waiting for that pong
  private ScheduledFuture<?> pingTask;
  private ScheduledFuture<?> pongDeadline;
  private ScheduledFuture<?> closeTimer;
  private String closingReason;
  private boolean openReported; // guarded by this (the callback monitor)
  private boolean closeReported; // guarded by this (the callback monitor)
  private volatile Object attachment;
  private volatile LinkClass linkClass = LinkClass.UNKNOWN;

  EngineSession(
      String id,
      String remoteAddress,
      Map<String, List<String>> query,
      Map<String, List<String>> headers,
      EngineOptions options,
      EngineListener listener,
      ScheduledExecutorService scheduler,
      Runnable onTerminated) {
    this(
        id,
        remoteAddress,
        query,
        headers,
        options,
        listener,
        scheduler,
        onTerminated,
        SendQueueBudget.unlimited());
  }

  /** A session whose queued bytes count against the node's {@code budget}. */
  EngineSession(
      String id,
      String remoteAddress,
      Map<String, List<String>> query,
      Map<String, List<String>> headers,
      EngineOptions options,
      EngineListener listener,
      ScheduledExecutorService scheduler,
      Runnable onTerminated,
      SendQueueBudget budget) {
    this.id = Objects.requireNonNull(id, "id");
    this.remoteAddress = Objects.requireNonNull(remoteAddress, "remoteAddress");
    this.query = Map.copyOf(Objects.requireNonNull(query, "query"));
    this.headers = Map.copyOf(Objects.requireNonNull(headers, "headers"));
    this.options = Objects.requireNonNull(options, "options");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.onTerminated = Objects.requireNonNull(onTerminated, "onTerminated");
    this.budget = Objects.requireNonNull(budget, "budget");
  }

  /** Binds the first transport and starts the heartbeat. */
  void start(Transport first) {
    synchronized (lock) {
      transport = Objects.requireNonNull(first, "first");
      schedulePingLocked();
    }
    budget.register(this);
  }

  /**
   * Runs {@code writeOpenPacket}, then reports the session open; messages arriving meanwhile wait,
   * so the layer above sees open first.
   */
  void open(Runnable writeOpenPacket) {
    synchronized (this) {
      try {
        writeOpenPacket.run();
        if (!closeReported) {
          openReported = true;
          listener.onOpen(this);
        }
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "listener failed on open of " + id, e);
      }
    }
  }

  EngineOptions options() {
    return options;
  }

  @Override
  public void linkClass(LinkClass link) {
    linkClass = Objects.requireNonNull(link, "link");
  }

  /** The link class the layer above last reported; what the wire counters are kept under. */
  LinkClass linkClass() {
    return linkClass;
  }

  /** The transport packets are written to now. */
  Transport activeTransport() {
    return transport;
  }

  /** The polling transport when it is the active one, else null. */
  PollingTransport pollingTransport() {
    return transport instanceof PollingTransport polling ? polling : null;
  }

  // ---- EngineSocket

  @Override
  public String id() {
    return id;
  }

  @Override
  public String transport() {
    return transport.name();
  }

  @Override
  public String remoteAddress() {
    return remoteAddress;
  }

  @Override
  public Map<String, List<String>> query() {
    return query;
  }

  @Override
  public Map<String, List<String>> headers() {
    return headers;
  }

  @Override
  public boolean send(String text) {
    Objects.requireNonNull(text, "text");
    return enqueue(EnginePacket.message(text));
  }

  @Override
  public boolean send(PreparedMessage message) {
    Objects.requireNonNull(message, "message");
    return enqueue(message.packet()); // the same packet for every socket of a fanout
  }

  @Override
  public boolean send(byte[] binary) {
    Objects.requireNonNull(binary, "binary");
    return enqueue(EnginePacket.message(binary));
  }

  @Override
  public boolean sendAll(List<Object> packets) {
    List<EnginePacket> encoded = new ArrayList<>(packets.size());
    for (Object packet : packets) {
      if (packet instanceof String text) {
        encoded.add(EnginePacket.message(text));
      } else if (packet instanceof byte[] binary) {
        encoded.add(EnginePacket.message(binary));
      } else {
        throw new IllegalArgumentException("a String or a byte[] expected: " + packet);
      }
    }
    return enqueue(encoded);
  }

  @Override
  public long queuedBytes() {
    return queuedBytes;
  }

  @Override
  public void close() {
    closeOrderly("forced close");
  }

  @Override
  public boolean isOpen() {
    return state == State.OPEN;
  }

  @Override
  public void attach(Object attachment) {
    this.attachment = attachment;
  }

  @Override
  public <T> T attachment(Class<T> type) {
    Object value = attachment;
    return type.isInstance(value) ? type.cast(value) : null;
  }

  // ---- queue, used by the transports under the lock

  /** One packet: the fanout's case, without a list. */
  private boolean enqueue(EnginePacket packet) {
    return enqueue(packet, null, packet.weight());
  }

  private boolean enqueue(List<EnginePacket> packets) {
    long weight = 0;
    for (EnginePacket packet : packets) {
      weight += packet.weight();
    }
    return enqueue(null, packets, weight);
  }

  /** Queues {@code one}, or else {@code many}, weighing {@code weight} bytes together. */
  private boolean enqueue(EnginePacket one, List<EnginePacket> many, long weight) {
    if (state != State.OPEN || queuedBytes + weight > options.sendQueueBytes()) {
      return false; // checked again under the lock; this spares the budget a useless reclaim
    }
    // one look-up of the thread's mode per send: the budget (a large fanout's reserved chunk) and
    // where the drain runs (this thread, the fanout's end, or the writer pool)
    DirectWrites.Mode mode = DirectWrites.current();
    if (!mode.acquire(budget, weight)) {
      return false;
    }
    Transport target;
    boolean flush;
    synchronized (lock) {
      if (state != State.OPEN || queuedBytes + weight > options.sendQueueBytes()) {
        budget.release(weight);
        return false;
      }
      ArrayDeque<EnginePacket> queued = queueLocked();
      if (one != null) {
        queued.add(one);
      } else {
        queued.addAll(many);
      }
      queuePeak = Math.max(queuePeak, queued.size());
      queuedBytes += weight;
      target = transport;
      // decided under this lock: the transport's drain state shares it (one lock per send)
      flush = target.claimFlushLocked();
    }
    if (flush) {
      target.flushClaimed(mode);
    }
    return true;
  }

  private void enqueueControlLocked(EnginePacket packet) {
    ArrayDeque<EnginePacket> target = queueLocked();
    target.add(packet);
    queuePeak = Math.max(queuePeak, target.size());
    queuedBytes += packet.weight();
    budget.forceAcquire(packet.weight());
  }

  /** The send queue, made now if there is none; the caller holds the lock. */
  private ArrayDeque<EnginePacket> queueLocked() {
    ArrayDeque<EnginePacket> current = queue;
    if (current == null) {
      current = new ArrayDeque<>(QUEUE_SLOTS);
      queue = current;
      queuePeak = 0;
    }
    return current;
  }

  /**
   * Forgets a drained queue that once held a backlog (its array stays at the backlog's size); a
   * small one is kept, so a socket sent to one packet at a time does not make a queue each time.
   */
  private void releaseDrainedLocked() {
    if (queue != null && queue.isEmpty() && queuePeak > QUEUE_KEPT_UP_TO) {
      queue = null;
    }
  }

  /** Takes every queued packet; the caller holds the lock. */
  List<EnginePacket> pollAllLocked() {
    if (queue == null) {
      return new ArrayList<>(0);
    }
    List<EnginePacket> all = new ArrayList<>(queue);
    queue.clear();
    releaseDrainedLocked();
    budget.release(queuedBytes);
    queuedBytes = 0;
    return all;
  }

  /** Takes the first queued packet, or null; the caller holds the lock. */
  EnginePacket pollOneLocked() {
    if (queue == null) {
      return null;
    }
    EnginePacket packet = queue.poll();
    if (packet != null) {
      queuedBytes -= packet.weight();
      budget.release(packet.weight());
      releaseDrainedLocked();
    }
    return packet;
  }

  /**
   * Moves queued packets to the end of {@code batch} while it holds fewer than {@code maxPackets}
   * and {@code bytes} (what the batch weighs so far) is under {@code maxBytes}; the caller holds
   * the lock. The bytes taken go back to the budget in one release, not one per packet: a backlog's
   * batch would otherwise add to the node-wide counter, a line every writer shares, per packet.
   *
   * @return what the batch weighs now
   */
  long pollIntoLocked(List<EnginePacket> batch, int maxPackets, long bytes, long maxBytes) {
    if (queue == null) {
      return bytes;
    }
    long taken = 0;
    while (batch.size() < maxPackets && bytes + taken < maxBytes) {
      EnginePacket packet = queue.poll();
      if (packet == null) {
        break;
      }
      batch.add(packet);
      taken += packet.weight();
    }
    if (taken > 0) {
      queuedBytes -= taken;
      budget.release(taken);
      releaseDrainedLocked();
    }
    return bytes + taken;
  }

  /** How many packets are queued; the caller holds the lock. */
  int queuedCountLocked() {
    return queue == null ? 0 : queue.size();
  }

  boolean hasQueuedLocked() {
    return queue != null && !queue.isEmpty();
  }

  /** Whether a send queue is kept now: for the tests of its lifecycle. */
  boolean holdsQueueLocked() {
    return queue != null;
  }

  boolean isClosingLocked() {
    return state == State.CLOSING;
  }

  boolean isClosedLocked() {
    return state == State.CLOSED;
  }

  boolean isActiveLocked(Transport candidateTransport) {
    return transport == candidateTransport;
  }

  String closingReason() {
    synchronized (lock) {
      return closingReason;
    }
  }

  // ---- inbound packets

  /** A packet arrived on {@code from}, the active transport or the upgrade candidate. */
  void onPacket(Transport from, EnginePacket packet) {
    boolean fromCandidate;
    synchronized (lock) {
      if (state != State.OPEN) {
        return;
      }
      fromCandidate = from == candidate;
      if (!fromCandidate && from != transport) {
        return;
      }
    }
    if (fromCandidate) {
      onUpgradePacket((WebSocketTransport) from, packet);
      return;
    }
    switch (packet.type()) {
      case PONG:
        onPong();
        break;
      case PING:
        // protocol 4: the server pings, a client ping is an error
        terminate("transport error", false);
        break;
      case MESSAGE:
        deliver(packet);
        break;
      case CLOSE:
        terminate("transport close", true);
        break;
      default:
        // open, upgrade and noop mean nothing here, as for the reference server
        break;
    }
  }

  /** The transport failed: closes the session if it is the active one, else drops the candidate. */
  void onTransportError(Transport from, String reason) {
    boolean active;
    synchronized (lock) {
      active = from == transport;
    }
    if (active) {
      terminate(reason, false);
    } else if (from instanceof WebSocketTransport ws) {
      dropCandidate(ws);
    }
  }

  private void deliver(EnginePacket packet) {
    synchronized (this) {
      if (closeReported) {
        return;
      }
      try {
        if (packet.isBinary()) {
          listener.onBinary(this, packet.binary());
        } else {
          listener.onMessage(this, packet.text());
        }
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "listener failed on a message of " + id, e);
      }
    }
  }

  // ---- heartbeat

  private void schedulePingLocked() {
    pingTask =
        scheduler.schedule(this::ping, options.pingInterval().toMillis(), TimeUnit.MILLISECONDS);
  }

  private void ping() {
    Transport target;
    synchronized (lock) {
      if (state != State.OPEN) {
        return;
      }
      enqueueControlLocked(EnginePacket.PING);
      cancel(pongDeadline);
      pongDeadline =
          scheduler.schedule(
              () -> terminate("ping timeout", false),
              options.pingTimeout().toMillis(),
              TimeUnit.MILLISECONDS);
      target = transport;
    }
    target.flush();
  }

  private void onPong() {
    synchronized (lock) {
      if (state != State.OPEN) {
        return;
      }
      cancel(pongDeadline);
      pongDeadline = null;
      cancel(pingTask);
      schedulePingLocked();
    }
  }

  // ---- upgrade

  /** Offers a websocket to take over from polling; false when no upgrade is possible now. */
  boolean offerUpgrade(WebSocketTransport ws) {
    return offerUpgrade(ws, null);
  }

  /**
   * Offers a websocket that {@link #claimUpgrade claimed} the upgrade ({@code claim}, or null for
   * none); while a claim is held, only its holder can be the candidate.
   */
  boolean offerUpgrade(WebSocketTransport ws, Object claim) {
    synchronized (lock) {
      if (state != State.OPEN
          || candidate != null
          || (upgradeClaim != null && upgradeClaim != claim)
          || !EngineOptions.POLLING.equals(transport.name())) {
        return false;
      }
      upgradeClaim = null;
      candidate = ws;
      probeAnswered = false;
      upgradeTimer =
          scheduler.schedule(
              () -> dropCandidate(ws), options.upgradeTimeout().toMillis(), TimeUnit.MILLISECONDS);
      return true;
    }
  }

  /**
   * Holds the upgrade for a websocket whose 101 a container is about to write and whose transport
   * comes only after it (Tyrus: the configurator runs before the 101, the endpoint after). Once the
   * client has the 101 it may open a second websocket for this sid, handled on another thread; the
   * claim makes that second one the refused one, as with one thread in arrival order. Null when no
   * upgrade is possible now; a claim not taken up within the upgrade timeout lapses.
   */
  Object claimUpgrade() {
    Object claim = new Object();
    synchronized (lock) {
      if (state != State.OPEN
          || candidate != null
          || upgradeClaim != null
          || !EngineOptions.POLLING.equals(transport.name())) {
        return null;
      }
      upgradeClaim = claim;
      probeAnswered = false;
    }
    scheduler.schedule(
        () -> {
          synchronized (lock) {
            if (upgradeClaim == claim) {
              upgradeClaim = null;
            }
          }
        },
        options.upgradeTimeout().toMillis(),
        TimeUnit.MILLISECONDS);
    return claim;
  }

  private void onUpgradePacket(WebSocketTransport ws, EnginePacket packet) {
    if (packet.type() == PacketType.PING && "probe".equals(packet.text())) {
      synchronized (lock) {
        if (candidate != ws || state != State.OPEN) {
          return;
        }
      }
      // The pong first, written by this thread: the client polls right after its probe, and a pong
      // that reaches it after that poll's answer breaks the upgrade (the suites' upgrade tests).
      ws.sendDirect(EnginePacket.text(PacketType.PONG, "probe"));
      synchronized (lock) {
        probeAnswered = true;
      }
      releaseRefusals();
      synchronized (lock) {
        if (candidate != ws || state != State.OPEN) {
          return;
        }
        cancel(upgradeCheck);
        // as the reference server: every 100 ms, a waiting poll is ended with a noop
        upgradeCheck =
            scheduler.scheduleAtFixedRate(
                this::releasePollForUpgrade,
                UPGRADE_CHECK_MILLIS,
                UPGRADE_CHECK_MILLIS,
                TimeUnit.MILLISECONDS);
      }
    } else if (packet.type() == PacketType.UPGRADE) {
      Transport previous;
      synchronized (lock) {
        if (candidate != ws || state != State.OPEN) {
          return;
        }
        previous = transport;
        transport = ws;
        candidate = null;
        cancel(upgradeTimer);
        cancel(upgradeCheck);
      }
      if (previous instanceof PollingTransport polling) {
        polling.discard();
      }
      ws.flush();
    } else {
      dropCandidate(ws);
    }
  }

  private void releasePollForUpgrade() {
    PollingTransport polling = pollingTransport();
    if (polling != null) {
      polling.releaseForUpgrade();
    }
  }

  /**
   * Runs the refusal of a second websocket for this session after the upgrade candidate's probe is
   * answered (or {@link #REFUSAL_WAIT_MILLIS} at most): the client sent that probe before it opened
   * the second websocket, and as with the reference server (one thread, arrival order) the second
   * one's refusal must not reach it before the pong. Two connections are read by different threads
   * here, so the second can be handled first.
   */
  void refuseAfterProbe(Runnable refusal) {
    synchronized (lock) {
      if ((candidate != null || upgradeClaim != null) && !probeAnswered && state == State.OPEN) {
        if (afterProbe == null) {
          afterProbe = new ArrayList<>(1);
          scheduler.schedule(this::releaseRefusals, REFUSAL_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        }
        afterProbe.add(refusal);
        return;
      }
    }
    refusal.run();
  }

  private void releaseRefusals() {
    List<Runnable> waiting;
    synchronized (lock) {
      waiting = afterProbe;
      afterProbe = null;
    }
    if (waiting != null) {
      waiting.forEach(Runnable::run);
    }
  }

  private void dropCandidate(WebSocketTransport ws) {
    synchronized (lock) {
      if (candidate != ws) {
        return;
      }
      candidate = null;
      cancel(upgradeTimer);
      cancel(upgradeCheck);
    }
    ws.abort(false);
  }

  // ---- close

  /** Orderly close: queued packets, then a close packet, then {@code reason} is reported. */
  void closeOrderly(String reason) {
    Transport target;
    WebSocketTransport dropped;
    synchronized (lock) {
      if (state != State.OPEN) {
        return;
      }
      state = State.CLOSING;
      closingReason = reason;
      cancel(pingTask);
      cancel(pongDeadline);
      dropped = candidate;
      candidate = null;
      cancel(upgradeTimer);
      cancel(upgradeCheck);
      // a client that never polls again must not hold the session forever
      long grace = options.pingInterval().plus(options.pingTimeout()).toMillis();
      closeTimer = scheduler.schedule(() -> terminate(reason, false), grace, TimeUnit.MILLISECONDS);
      target = transport;
    }
    if (dropped != null) {
      dropped.abort(false);
    }
    target.beginClose();
  }

  /** Ends the session now and reports {@code reason}; later calls do nothing. */
  void terminate(String reason, boolean clientInitiated) {
    Transport target;
    WebSocketTransport dropped;
    synchronized (lock) {
      if (state == State.CLOSED) {
        return;
      }
      state = State.CLOSED;
      cancel(pingTask);
      cancel(pongDeadline);
      cancel(upgradeTimer);
      cancel(upgradeCheck);
      cancel(closeTimer);
      queue = null;
      budget.release(queuedBytes);
      queuedBytes = 0;
      target = transport;
      dropped = candidate;
      candidate = null;
      target.closedLocked(clientInitiated);
    }
    try {
      target.abort(clientInitiated);
      if (dropped != null) {
        dropped.abort(false);
      }
    } finally {
      budget.unregister(this);
      onTerminated.run();
      reportClose(reason);
    }
  }

  /**
   * The node's send queue budget is exhausted and this session is among the slowest: its queue is
   * dropped now (the bytes go back to the budget before this returns) and the session is closed
   * from the timer thread, so the budget's caller never runs the layer above. The client reconnects
   * and recovers what it missed, so no event of any priority is silently lost.
   */
  @Override
  public boolean evict() {
    synchronized (lock) {
      if (state == State.CLOSED) {
        return false;
      }
      state = State.CLOSING; // refuses new packets until terminated
      closingReason = SendQueueBudget.EVICTED;
      queue = null;
      budget.release(queuedBytes);
      queuedBytes = 0;
    }
    try {
      scheduler.execute(() -> terminate(SendQueueBudget.EVICTED, false));
    } catch (RejectedExecutionException shuttingDown) {
      terminate(SendQueueBudget.EVICTED, false); // the timers have stopped: no layer above waits
    }
    return true;
  }

  private void reportClose(String reason) {
    synchronized (this) {
      if (closeReported) {
        return;
      }
      closeReported = true;
      try {
        if (openReported) {
          listener.onClose(this, reason);
        }
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "listener failed on close of " + id, e);
      }
    }
  }

  private static void cancel(ScheduledFuture<?> future) {
    if (future != null) {
      future.cancel(false);
    }
  }

  @Override
  public String toString() {
    return "EngineSession[" + id + ", " + transport.name() + ", " + state + "]";
  }
}

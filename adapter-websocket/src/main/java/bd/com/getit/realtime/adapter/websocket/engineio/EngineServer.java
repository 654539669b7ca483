package bd.com.getit.realtime.adapter.websocket.engineio;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.grizzly.http.KeepAlive;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.HttpServerFilter;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.tyrus.container.grizzly.server.WebSocketAddOn;

/**
 * An Engine.IO protocol 4 server on a Grizzly {@link HttpServer}: long-polling through a Grizzly
 * handler and websocket through this adapter's own layer on Grizzly ({@link WebSocketUpgrade}) or
 * Tyrus ({@link EngineOptions#websocketLayer}), on the same port and path. Thread-safe. One timer
 * wheel drives every session's heartbeat and timeouts.
 */
public final class EngineServer {
  private static final System.Logger LOG = System.getLogger(EngineServer.class.getName());

  private static final int SID_BYTES = 15;
  private static final long CLIENT_CLOSE_GRACE_MILLIS = 500;

  private final EngineOptions options;
  private final EngineListener listener;
  private final SendQueueBudget budget;
  private final RemoteSessions remote;
  private final Map<String, EngineSession> sessions = new ConcurrentHashMap<>();
  private final ScheduledExecutorService scheduler;
  private final boolean ownsTimers;
  private final ForkJoinPool writers;
  private final Executor writer;
  private final SecureRandom random = new SecureRandom();
  private final Object drained = new Object();
  private final Set<String> recentClientCloses = ConcurrentHashMap.newKeySet();
  private final WireStats wireStats = new WireStats();
  // The query and the public headers every session keeps, one copy per distinct value.
  private final HandshakeMaps handshakeMaps = new HandshakeMaps();
  private final List<HttpIdleTimeout> idleTimeouts = new CopyOnWriteArrayList<>();
  private volatile boolean shuttingDown;

  public EngineServer(EngineOptions options, EngineListener listener) {
    this(options, listener, TimerWheel.standard("engine.io-timers"), true, RemoteSessions.NONE);
  }

  /**
   * @param timers where the sessions' heartbeats and timeouts run, shared with the layers above
   *     (one {@link TimerWheel} per node); its tasks here are short and never block; it stays
   *     running after {@link #shutdown}, for its owner to stop
   */
  public EngineServer(
      EngineOptions options, EngineListener listener, ScheduledExecutorService timers) {
    this(options, listener, timers, false, RemoteSessions.NONE);
  }

  /**
   * An engine of one node of a cluster, on shared {@code timers}: its session ids end with {@code
   * remote}'s suffix, and requests for sessions of other nodes go to {@code remote}.
   */
  public EngineServer(
      EngineOptions options,
      EngineListener listener,
      ScheduledExecutorService timers,
      RemoteSessions remote) {
    this(options, listener, timers, false, remote);
  }

  private EngineServer(
      EngineOptions options,
      EngineListener listener,
      ScheduledExecutorService timers,
      boolean ownsTimers,
      RemoteSessions remote) {
    this.options = Objects.requireNonNull(options, "options");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.budget = new SendQueueBudget(options.sendQueueBudgetBytes());
    this.remote = Objects.requireNonNull(remote, "remote");
    this.scheduler = Objects.requireNonNull(timers, "timers");
    this.ownsTimers = ownsTimers;
    // Websocket writes run here, never on the selector thread that produced them (a fanout to
    // thousands of sockets would stall its reads). A fork-join pool takes a fanout's thousands of
    // submissions without a shared lock; its queue stays bounded because a socket has at most one
    // drain queued (WebSocketTransport), so it never holds more tasks than there are sockets.
    int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
    AtomicInteger count = new AtomicInteger();
    this.writers =
        new ForkJoinPool(
            threads,
            pool -> {
              ForkJoinWorkerThread thread =
                  ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
              thread.setName("engine.io-writer-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            },
            null,
            true);
    this.writer =
        task -> {
          try {
            writers.execute(task);
          } catch (RejectedExecutionException e) {
            task.run(); // shut down: the caller writes
          }
        };
  }

  /** Starts a Grizzly server on {@code host:port} (0 picks a free port) serving only Engine.IO. */
  public static HttpServer standalone(
      String host, int port, EngineOptions options, EngineListener listener) throws IOException {
    return new EngineServer(options, listener).startStandalone(host, port);
  }

  /** Starts a Grizzly server on {@code host:port} serving only this engine. */
  public HttpServer startStandalone(String host, int port) throws IOException {
    HttpServer http = new HttpServer();
    http.addListener(new NetworkListener("engine.io", host, port));
    install(http);
    http.start();
    return http;
  }

  /**
   * Registers the polling handler and the websocket layer on {@code server}, which must not be
   * started yet: filters and Tyrus add-ons registered after start are not in the chain.
   */
  public void install(HttpServer server) {
    Objects.requireNonNull(server, "server");
    if (server.isStarted()) {
      throw new IllegalStateException("install the engine before starting the server");
    }
    if (server.getListeners().isEmpty()) {
      throw new IllegalStateException("the server has no network listener");
    }
    server.getServerConfiguration().addHttpHandler(new PollingHandler(this), options.path());
    int idleSeconds =
        (int) options.pingInterval().plus(options.pingTimeout()).multipliedBy(2).toSeconds() + 30;
    for (NetworkListener networkListener : server.getListeners()) {
      KeepAlive keepAlive = networkListener.getKeepAlive();
      int current = keepAlive.getIdleTimeoutInSeconds();
      if (current >= 0 && current < idleSeconds) {
        // polls and relayed websockets share this idle timeout: let the heartbeat decide liveness
        keepAlive.setIdleTimeoutInSeconds(idleSeconds);
      }
      // Grizzly's own idle-timeout filter would visit every websocket once a second
      HttpIdleTimeout.install(networkListener, scheduler, idleTimeouts::add);
    }
    switch (options.websocketLayer()) {
      case GRIZZLY -> installOwnWebSockets(server);
      case TYRUS -> installTyrus(server);
    }
  }

  /** This adapter's own websocket layer: its upgrade filter and its reads, no container. */
  private void installOwnWebSockets(HttpServer server) {
    WebSocketReads reads = new WebSocketReads();
    WebSocketUpgrade upgrade = new WebSocketUpgrade(this);
    for (NetworkListener networkListener : server.getListeners()) {
      // just ahead of Grizzly's HTTP codec, so that the frames of an upgraded connection skip it
      networkListener.registerAddOn(
          (listener, chain) ->
              chain.add(
                  chain.indexOfType(org.glassfish.grizzly.http.HttpServerFilter.class), reads));
      // right after the codec, ahead of the HTTP handlers
      networkListener.registerAddOn(
          (listener, chain) -> chain.add(chain.indexOfType(HttpServerFilter.class), upgrade));
    }
  }

  /** Tyrus, behind the guard that refuses bad upgrades as the reference server does. */
  private void installTyrus(HttpServer server) {
    EngineWebSocketContainer container =
        new EngineWebSocketContainer(Math.max(options.maxPayload() + 64, 8192));
    try {
      container.register(
          ServerEndpointConfig.Builder.create(EngineEndpoint.class, options.path())
              .configurator(new HandshakeCapture(this))
              .build());
    } catch (DeploymentException e) {
      throw new IllegalStateException("cannot register the websocket endpoint", e);
    }
    UpgradedFrames frames = new UpgradedFrames(this::upgraded);
    UpgradeGuard guard = new UpgradeGuard(this, frames);
    StrayFrames stray = new StrayFrames();
    for (NetworkListener networkListener : server.getListeners()) {
      // just ahead of Grizzly's HTTP codec, so that the frames of an upgraded connection skip it
      networkListener.registerAddOn(
          (listener, chain) ->
              chain.add(
                  chain.indexOfType(org.glassfish.grizzly.http.HttpServerFilter.class), frames));
      // the guard goes in first, so that Tyrus's filter lands between it and the HTTP handlers
      networkListener.registerAddOn(
          (listener, chain) -> chain.add(chain.indexOfType(HttpServerFilter.class), guard));
      networkListener.registerAddOn(new WebSocketAddOn(container, "/"));
      // registered after Tyrus's, so it lands between Tyrus's filter and the HTTP handlers
      networkListener.registerAddOn(
          (listener, chain) -> chain.add(chain.indexOfType(HttpServerFilter.class), stray));
    }
  }

  /** How many sessions are open now. */
  public int sessions() {
    return sessions.size();
  }

  /**
   * Closes every session with a close packet, waits at most {@code timeout} for them to end, then
   * ends the rest and stops the timers. New handshakes are refused meanwhile.
   */
  public void shutdown(Duration timeout) {
    shutdown(timeout, DrainPace.AT_ONCE);
  }

  /**
   * As {@link #shutdown(Duration)}, closing the sessions in batches at {@code pace}; the batches
   * end in time to leave the last ones a quarter of {@code timeout} (at most 2 s) to flush.
   */
  public void shutdown(Duration timeout, DrainPace pace) {
    shuttingDown = true;
    long started = System.nanoTime();
    long reserve = Math.min(timeout.toNanos() / 4, TimeUnit.SECONDS.toNanos(2));
    List<EngineSession> open = new ArrayList<>(sessions.values());
    int batches =
        pace.close(
            open,
            started + timeout.toNanos() - reserve,
            System::nanoTime,
            DrainPace.Pause.SLEEP,
            session -> session.closeOrderly("server shutting down"));
    long closing = System.nanoTime();
    long deadline = started + timeout.toNanos();
    synchronized (drained) {
      long left;
      while (!sessions.isEmpty() && (left = deadline - System.nanoTime()) > 0) {
        try {
          TimeUnit.NANOSECONDS.timedWait(drained, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    int left = sessions.size();
    LOG.log(
        System.Logger.Level.INFO,
        "drain: told {0} sessions to reconnect elsewhere in {1} batches over {2} ms; all but {3}"
            + " closed after {4} ms",
        open.size(),
        batches,
        (closing - started) / 1_000_000,
        left,
        (System.nanoTime() - started) / 1_000_000);
    for (EngineSession session : new ArrayList<>(sessions.values())) {
      session.terminate("server shutting down", false);
    }
    idleTimeouts.forEach(HttpIdleTimeout::stop);
    if (ownsTimers) {
      scheduler.shutdownNow();
    }
    writers.shutdown();
  }

  /** The send queue budget of this node's sessions: its use is a metric. */
  public SendQueueBudget sendQueueBudget() {
    return budget;
  }

  EngineOptions options() {
    return options;
  }

  /**
   * Payload bytes written to clients since start by {@code transport} ({@link
   * EngineOptions#WEBSOCKET} or {@link EngineOptions#POLLING}), after compression where it applied:
   * websocket frame payloads, polling response bodies; frame and HTTP headers are not counted.
   */
  public long bytesWritten(String transport) {
    switch (Objects.requireNonNull(transport, "transport")) {
      case EngineOptions.WEBSOCKET:
      case EngineOptions.POLLING:
        long sum = 0;
        for (LinkClass link : LinkClass.values()) {
          sum += wireStats.get(transport, link, WireStats.Counter.BYTES_WIRE);
        }
        return sum;
      default:
        throw new IllegalArgumentException("unknown transport " + transport);
    }
  }

  /**
   * The pool that writes websockets, for watching it (executor metrics); never submit to it: its
   * queue is bounded only by the one drain each socket may have queued.
   */
  public ExecutorService writerPool() {
    return writers;
  }

  /** What this server's transports wrote, per transport and link class. */
  public WireStats wireStats() {
    return wireStats;
  }

  /** Where websocket transports write; once shut down, on the caller's thread. */
  Executor writers() {
    return writer;
  }

  /**
   * The upgraded {@code connection} serves an Engine.IO session from now on, whose heartbeat closes
   * it when the client goes silent: the plain HTTP idle timeout no longer watches it.
   */
  void upgraded(org.glassfish.grizzly.Connection<?> connection) {
    for (HttpIdleTimeout idle : idleTimeouts) {
      idle.forget(connection);
    }
  }

  /** How many plain HTTP connections the idle timeout watches now (for tests). */
  int idleWatched() {
    int sum = 0;
    for (HttpIdleTimeout idle : idleTimeouts) {
      sum += idle.watched();
    }
    return sum;
  }

  EngineSession session(String sid) {
    return sessions.get(sid);
  }

  /** Where requests for sessions of other nodes go. */
  RemoteSessions remote() {
    return remote;
  }

  /** Whether {@code sid} names a session of another node, which serves the request. */
  boolean isRemote(String sid, java.util.function.UnaryOperator<String> header) {
    return sid != null && !sessions.containsKey(sid) && remote.isRemote(sid, header);
  }

  /** The polling transport of session {@code sid}, or null when it is gone or upgraded. */
  PollingTransport pollingTransport(String sid) {
    EngineSession session = sessions.get(sid);
    return session == null ? null : session.pollingTransport();
  }

  /**
   * Checks a request as the reference server does, in its order.
   *
   * @return the error to answer, or null when the request may proceed
   */
  EngineError verify(
      String method, Map<String, List<String>> query, boolean upgrade, String origin) {
    String transport = QueryString.first(query, "transport");
    if (transport == null || !options.transports().contains(transport)) {
      return EngineError.UNKNOWN_TRANSPORT;
    }
    if (origin != null && !validHeaderValue(origin)) {
      return EngineError.BAD_REQUEST;
    }
    String sid = QueryString.first(query, "sid");
    if (sid != null) {
      EngineSession session = sessions.get(sid);
      if (session == null) {
        return EngineError.UNKNOWN_SID;
      }
      if (upgrade
          ? !EngineOptions.WEBSOCKET.equals(transport)
          : !transport.equals(session.transport())) {
        return EngineError.BAD_REQUEST;
      }
      return null;
    }
    if (!"GET".equals(method)) {
      return EngineError.BAD_HANDSHAKE_METHOD;
    }
    if (EngineOptions.WEBSOCKET.equals(transport) != upgrade) {
      return EngineError.BAD_REQUEST;
    }
    if (!"4".equals(QueryString.first(query, "EIO"))) {
      return EngineError.UNSUPPORTED_PROTOCOL_VERSION;
    }
    if (shuttingDown) {
      return EngineError.FORBIDDEN;
    }
    return null;
  }

  /** Opens a session on long-polling: the handshake GET is answered with the open packet. */
  void handshakePolling(Request request, Response response, Map<String, List<String>> query) {
    EngineSession session = newSession(request.getRemoteAddr(), query, headersOf(request));
    String sid = session.id();
    PollingTransport polling =
        new PollingTransport(session, () -> rememberClientClose(sid), wireStats);
    session.start(polling);
    sessions.put(session.id(), session);
    session.open(() -> polling.answerHandshake(response, openPacket(session, true)));
  }

  /** Opens a session directly on websocket: the open packet is the first frame. */
  void startWebSocketSession(EngineSession session, WebSocketTransport transport) {
    session.start(transport);
    sessions.put(session.id(), session);
    session.open(
        () -> transport.sendDirect(EnginePacket.text(PacketType.OPEN, openPacket(session, false))));
  }

  EngineSession newSession(
      String remoteAddress, Map<String, List<String>> query, Map<String, List<String>> headers) {
    String id = newId();
    return new EngineSession(
        id,
        remoteAddress == null ? "" : remoteAddress,
        handshakeMaps.query(query),
        handshakeMaps.headers(headers),
        options,
        listener,
        scheduler,
        () -> removed(id),
        budget);
  }

  /**
   * The client closed its polling session by a POST while no poll was waiting. Requests on two
   * connections race; a poll sent alongside that POST but handled just after it is answered as if
   * it had been waiting (with a noop), once, within a short grace time.
   */
  private void rememberClientClose(String sid) {
    // runs under the session's lock (PollingTransport.closedLocked): only non-blocking steps
    recentClientCloses.add(sid);
    try {
      scheduler.schedule(
          () -> {
            recentClientCloses.remove(sid);
          },
          CLIENT_CLOSE_GRACE_MILLIS,
          TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException shuttingDown) {
      recentClientCloses.remove(sid); // no timer would forget it; a stopping node answers no poll
    }
  }

  /** Whether a poll for {@code sid} is the one racing with the client's close (consumed once). */
  boolean takeRecentClientClose(String sid) {
    return sid != null && recentClientCloses.remove(sid);
  }

  private void removed(String sid) {
    sessions.remove(sid);
    synchronized (drained) {
      drained.notifyAll();
    }
  }

  private String openPacket(EngineSession session, boolean polling) {
    String upgrades =
        polling && options.transports().contains(EngineOptions.WEBSOCKET)
            ? "[\"websocket\"]"
            : "[]";
    return "{\"sid\":\""
        + session.id()
        + "\",\"upgrades\":"
        + upgrades
        + ",\"pingInterval\":"
        + options.pingInterval().toMillis()
        + ",\"pingTimeout\":"
        + options.pingTimeout().toMillis()
        + ",\"maxPayload\":"
        + options.maxPayload()
        + "}";
  }

  private String newId() {
    byte[] bytes = new byte[SID_BYTES];
    String id;
    do {
      random.nextBytes(bytes);
      id =
          java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)
              + remote.sidSuffix();
    } while (sessions.containsKey(id));
    return id;
  }

  private static Map<String, List<String>> headersOf(Request request) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : request.getHeaderNames()) {
      List<String> values = new ArrayList<>();
      request.getHeaders(name).forEach(values::add);
      headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values));
    }
    return headers;
  }

  /** Node's check for characters that are invalid in a header value. */
  private static boolean validHeaderValue(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!(c == '\t' || (c >= 0x20 && c <= 0x7e) || (c >= 0x80 && c <= 0xff))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "EngineServer[" + options.path() + ", " + sessions.size() + " sessions]";
  }
}

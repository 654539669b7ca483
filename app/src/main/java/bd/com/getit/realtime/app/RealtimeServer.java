package bd.com.getit.realtime.app;

import bd.com.getit.realtime.adapter.memory.MemoryAdapters;
import bd.com.getit.realtime.adapter.rest.RestApi;
import bd.com.getit.realtime.adapter.rest.RestOptions;
import bd.com.getit.realtime.adapter.rest.RestUseCases;
import bd.com.getit.realtime.adapter.websocket.engineio.EngineOptions;
import bd.com.getit.realtime.adapter.websocket.engineio.EngineServer;
import bd.com.getit.realtime.adapter.websocket.gateway.GatewayUseCases;
import bd.com.getit.realtime.adapter.websocket.gateway.RealtimeNamespace;
import bd.com.getit.realtime.adapter.websocket.gateway.SocketIoDelivery;
import bd.com.getit.realtime.adapter.websocket.socketio.SocketIoOptions;
import bd.com.getit.realtime.adapter.websocket.socketio.SocketIoServer;
import bd.com.getit.realtime.app.security.DevelopmentTokens;
import bd.com.getit.realtime.app.security.NimbusTokenVerifier;
import bd.com.getit.realtime.core.assembly.CoreConfig;
import bd.com.getit.realtime.core.assembly.RealtimeCore;
import bd.com.getit.realtime.domain.NodeId;
import bd.com.getit.realtime.domain.RateLimit;
import bd.com.getit.realtime.port.out.Clock;
import bd.com.getit.realtime.port.out.TokenVerifier;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.glassfish.grizzly.http.server.HttpHandlerRegistration;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpContainer;
import org.glassfish.jersey.server.ContainerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference server: the core on the memory adapters, the Socket.IO gateway, the REST API and
 * health checks on one Grizzly port. {@link #start} builds and starts everything; {@link #stop}
 * drains and closes in reverse order of creation.
 */
public final class RealtimeServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RealtimeServer.class);

  private final AppConfig config;
  private final Deque<AutoCloseable> closeables = new ArrayDeque<>();
  private final RealtimeCore core;
  private final EngineServer engine;
  private final HttpServer http;
  private final int port;
  private final Optional<DevelopmentTokens> devTokens;
  private final AtomicBoolean stopped = new AtomicBoolean();
  private final OpenConnections connections = new OpenConnections();
  private final Readiness readiness = new Readiness();
  private volatile boolean draining;

  private RealtimeServer(AppConfig config) throws IOException {
    this.config = config;
    Clock clock = Clock.system();
    MemoryAdapters memory = MemoryAdapters.create(clock);
    closeables.push(memory);

    devTokens =
        config.jwt().developmentMode() ? Optional.of(new DevelopmentTokens()) : Optional.empty();
    TokenVerifier verifier = tokenVerifier(config, devTokens);

    readiness.add("server", () -> !draining);
    ClusterStores cluster = ClusterStores.memory(memory);
    RecordStores records = RecordStores.memory(memory);

    SocketIoDelivery delivery = new SocketIoDelivery();
    core =
        RealtimeCore.builder()
            .config(coreConfig(config))
            .clusterBus(cluster.bus())
            .connectionRegistry(cluster.registry())
            .presenceStore(cluster.presence())
            .rateLimitStore(cluster.rateLimits())
            .offlineQueue(cluster.offlineQueue())
            .recoveryStore(cluster.recovery())
            .deduplicationStore(cluster.deduplication())
            .eventLog(records.eventLog())
            .chatRepository(records.chat())
            .notificationRepository(records.notifications())
            .localDelivery(delivery)
            .tokenVerifier(verifier)
            .clock(clock)
            .idGenerator(new RandomIds())
            .build();
    core.start();
    closeables.push(core);

    ScheduledExecutorService timers =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "realtime-timers");
              t.setDaemon(true);
              return t;
            });
    closeables.push(timers::shutdownNow);
    // Devices idle for a while show as away (PROTOCOL: presence); the sweep is cheap and local.
    timers.scheduleAtFixedRate(core::sweepIdlePresence, 30, 30, TimeUnit.SECONDS);

    RealtimeNamespace namespace =
        new RealtimeNamespace(
            new GatewayUseCases(
                core.connections(),
                core.channels(),
                core.messaging().orElseThrow(),
                core.presence().orElseThrow(),
                core.chat().orElseThrow(),
                core.notifications().orElseThrow()),
            delivery);
    SocketIoServer socketIo =
        new SocketIoServer(
            SocketIoOptions.builder()
                .connectTimeout(config.connectTimeout())
                .recoveryEnabled(true)
                .build(),
            Map.of(RealtimeNamespace.NAME, namespace),
            timers);
    engine =
        new EngineServer(
            EngineOptions.builder()
                .path(config.socketIoPath())
                .pingInterval(config.pingInterval())
                .pingTimeout(config.pingTimeout())
                .maxPayload(config.maxPayload())
                .corsOrigins(config.corsOrigins())
                .build(),
            socketIo);

    http = new HttpServer();
    NetworkListener listener = new NetworkListener("realtime", config.host(), config.port());
    listener.registerAddOn(connections);
    http.addListener(listener);
    var routes = http.getServerConfiguration();
    routes.addHttpHandler(new HealthHandler(Map::of), "/health/live");
    routes.addHttpHandler(new HealthHandler(readiness::report), "/health/ready");
    devTokens.ifPresent(t -> routes.addHttpHandler(new DevTokenHandler(t), "/dev/token"));
    routes.addHttpHandler(
        ContainerFactory.createContainer(
            GrizzlyHttpContainer.class,
            RestApi.resourceConfig(
                new RestUseCases(
                    core.presence().orElseThrow(),
                    core.chat().orElseThrow(),
                    core.messaging().orElseThrow(),
                    core.notifications().orElseThrow(),
                    core.ingest(),
                    core.admin()),
                verifier,
                new RestOptions(config.corsOrigins(), RestOptions.DEFAULT_MAX_BODY_BYTES))),
        HttpHandlerRegistration.builder().contextPath(RestApi.BASE_PATH).urlPattern("/*").build());
    engine.install(http);
    http.start();
    port = listener.getPort();
  }

  private static CoreConfig coreConfig(AppConfig config) {
    CoreConfig.Builder core =
        CoreConfig.builder()
            .nodeId(NodeId.of(config.nodeId()))
            .allowGuests(config.allowGuests())
            .recoveryWindow(config.recoveryWindow())
            .maxConnectionsPerUser(config.limits().maxConnectionsPerUser())
            .newConnectionsPerAddressPerMinute(config.limits().newConnectionsPerAddressPerMinute())
            .maxChannelsPerConnection(config.limits().maxChannelsPerConnection());
    config
        .limits()
        .perMinute()
        .forEach((action, n) -> core.rateLimit(action, RateLimit.perMinute(n)));
    return core.build();
  }

  private static TokenVerifier tokenVerifier(AppConfig config, Optional<DevelopmentTokens> dev) {
    JwtSettings jwt = config.jwt();
    if (dev.isPresent()) {
      return dev.get().verifier(jwt.clockSkew());
    }
    if (jwt.secret().isPresent()) {
      return NimbusTokenVerifier.hmac(
          jwt.secret().get(), jwt.issuer(), jwt.audience(), jwt.requireExpiry(), jwt.clockSkew());
    }
    try {
      return NimbusTokenVerifier.publicKey(
          jwt.publicKeyPem().orElseThrow(),
          jwt.issuer(),
          jwt.audience(),
          jwt.requireExpiry(),
          jwt.clockSkew());
    } catch (IllegalArgumentException e) {
      throw new ConfigException("REALTIME_JWT_PUBLIC_KEY", e.getMessage());
    }
  }

  /** Builds and starts a server; port 0 picks a free port ({@link #port()} tells which). */
  public static RealtimeServer start(AppConfig config) throws IOException {
    RealtimeServer server = new RealtimeServer(config);
    if (server.devTokens.isPresent()) {
      LOG.warn(
          "DEVELOPMENT MODE: no REALTIME_JWT_SECRET or REALTIME_JWT_PUBLIC_KEY set; a secret was"
              + " generated and GET /dev/token?user=<id>&roles=<roles> issues tokens. Not for"
              + " production.");
    }
    LOG.info(
        "Realtime listening on http://{}:{} (Socket.IO path {}, namespace {})",
        config.host(),
        server.port(),
        config.socketIoPath(),
        RealtimeNamespace.NAME);
    return server;
  }

  /** The port listened on (the actual one when configured as 0). */
  public int port() {
    return port;
  }

  public RealtimeCore core() {
    return core;
  }

  public AppConfig config() {
    return config;
  }

  /**
   * Graceful stop: readiness goes down, every client is told to reconnect (an Engine.IO close, so
   * clients reconnect elsewhere), send queues drain within the grace time, then everything closes.
   */
  public void stop() {
    if (!stopped.compareAndSet(false, true)) {
      return;
    }
    draining = true;
    engine.shutdown(config.shutdownGrace());
    connections.closeAll(Duration.ofSeconds(2));
    http.shutdownNow();
    while (!closeables.isEmpty()) {
      try {
        closeables.pop().close();
      } catch (Exception e) {
        LOG.warn("closing failed", e);
      }
    }
  }

  @Override
  public void close() {
    stop();
  }

  static void awaitForever() throws InterruptedException {
    new java.util.concurrent.CountDownLatch(1).await();
  }
}

package bd.com.getit.realtime.app;

import bd.com.getit.realtime.adapter.kafka.KafkaEventConsumer;
import bd.com.getit.realtime.adapter.kafka.KafkaOutboundEvents;
import bd.com.getit.realtime.adapter.kafka.KafkaOutboundOptions;
import bd.com.getit.realtime.adapter.memory.MemoryAdapters;
import bd.com.getit.realtime.adapter.mongo.MongoOptions;
import bd.com.getit.realtime.adapter.mongo.MongoStores;
import bd.com.getit.realtime.adapter.redis.RedisAdapters;
import bd.com.getit.realtime.adapter.redis.RedisOptions;
import bd.com.getit.realtime.adapter.rest.RestApi;
import bd.com.getit.realtime.adapter.rest.RestOptions;
import bd.com.getit.realtime.adapter.rest.RestUseCases;
import bd.com.getit.realtime.adapter.websocket.engineio.EngineOptions;
import bd.com.getit.realtime.adapter.websocket.engineio.EngineServer;
import bd.com.getit.realtime.adapter.websocket.engineio.RemoteSessions;
import bd.com.getit.realtime.adapter.websocket.engineio.TimerWheel;
import bd.com.getit.realtime.adapter.websocket.forward.ForwardOptions;
import bd.com.getit.realtime.adapter.websocket.forward.SessionForwarder;
import bd.com.getit.realtime.adapter.websocket.gateway.ClientAddressResolver;
import bd.com.getit.realtime.adapter.websocket.gateway.GatewayUseCases;
import bd.com.getit.realtime.adapter.websocket.gateway.RealtimeNamespace;
import bd.com.getit.realtime.adapter.websocket.gateway.SocketIoDelivery;
import bd.com.getit.realtime.adapter.websocket.socketio.ClientWorkers;
import bd.com.getit.realtime.adapter.websocket.socketio.SocketIoOptions;
import bd.com.getit.realtime.adapter.websocket.socketio.SocketIoServer;
import bd.com.getit.realtime.app.security.DevelopmentTokens;
import bd.com.getit.realtime.app.security.NimbusTokenVerifier;
import bd.com.getit.realtime.core.assembly.CoreConfig;
import bd.com.getit.realtime.core.assembly.RealtimeCore;
import bd.com.getit.realtime.domain.NodeAddress;
import bd.com.getit.realtime.domain.NodeId;
import bd.com.getit.realtime.domain.RateLimit;
import bd.com.getit.realtime.port.out.Clock;
import bd.com.getit.realtime.port.out.OutboundEvents;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.glassfish.grizzly.http.server.HttpHandlerRegistration;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpContainer;
import org.glassfish.jersey.server.ContainerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference server: the core on the memory, Redis or MongoDB adapters, the Socket.IO gateway,
 * the REST API and health checks on one Grizzly port. {@link #start} builds and starts everything;
 * {@link #stop} drains and closes in reverse order of creation.
 */
public final class RealtimeServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RealtimeServer.class);
  private static final long MONGO_START_TIMEOUT_SECONDS = 30;

  /** A JWKS is fetched at most twice in this interval (nimbus's rate limit). */
  private static final Duration JWKS_MIN_REFETCH_INTERVAL = Duration.ofSeconds(30);

  /** How long start-up waits for the first JWKS before it starts anyway (not ready meanwhile). */
  private static final Duration JWKS_FIRST_LOAD = Duration.ofSeconds(5);

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
  private final ServerMetrics metrics;
  private final BuildInfo build = BuildInfo.current();
  private final Optional<RedisAdapters> redis;
  private final Optional<SessionForwarder> forwarder;
  private volatile NodeAddress address; // set once listening: what the other nodes forward to
  private volatile boolean draining;

  private RealtimeServer(AppConfig config) throws IOException {
    this.config = config;
    // Whole milliseconds: what JavaScript clients and MongoDB dates hold, so a time a client
    // sends back (a history `before` cursor) matches the stored one exactly.
    Clock clock = () -> Instant.now().truncatedTo(ChronoUnit.MILLIS);
    MemoryAdapters memory = MemoryAdapters.create(clock);
    closeables.push(memory);

    devTokens =
        config.jwt().developmentMode() ? Optional.of(new DevelopmentTokens()) : Optional.empty();
    NimbusTokenVerifier verifier = tokenVerifier(config, devTokens);
    closeables.push(verifier);

    readiness.add("server", () -> !draining);
    if (config.jwt().jwksUrl().isPresent()) {
      readiness.add("jwks", verifier::ready);
    }
    redis = config.redis().map(r -> RedisAdapters.create(redisOptions(r), clock));
    redis.ifPresent(
        r -> {
          closeables.push(r);
          readiness.add("redis", r::up);
        });
    // With a shared cluster, a request for a session of another node is served by that node, so a
    // load balancer need not be sticky (PROTOCOL 10.5).
    forwarder =
        redis.map(r -> SessionForwarder.create(NodeId.of(config.nodeId()), forwardOptions(config)));
    forwarder.ifPresent(closeables::push);
    ClusterStores cluster =
        redis.map(ClusterStores::redis).orElseGet(() -> ClusterStores.memory(memory));
    // MongoDB is the store of record when configured; without it, a cluster keeps its chat,
    // notifications and event log in Redis, so that no node holds them in its own memory.
    RecordStores records =
        config
            .mongo()
            .map(this::mongoStores)
            .orElseGet(
                () -> redis.map(RecordStores::redis).orElseGet(() -> RecordStores.memory(memory)));

    SocketIoDelivery delivery = new SocketIoDelivery();
    OutboundEvents outbound = outboundEvents(config);
    RealtimeCore.Builder coreBuilder =
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
            .connectionLog(records.connectionLog())
            .presenceArchive(records.presenceArchive())
            .auctionStore(cluster.auctions())
            .localDelivery(delivery)
            .tokenVerifier(verifier)
            .clock(clock)
            .idGenerator(new RandomIds())
            .outboundEvents(outbound);
    redis.ifPresent(
        r ->
            coreBuilder.clusterMembership(
                r.membership(),
                config.redis().get().nodeTimeout(),
                config.redis().get().heartbeatSilence()));
    core = coreBuilder.build();
    core.start();
    closeables.push(core);
    // Pushed after the core: closed before it, so the last handled events are committed.
    Optional<KafkaEventConsumer> kafkaConsumer =
        config.kafka().map(settings -> settings.startConsumer(core.ingest()));
    kafkaConsumer.ifPresent(
        kafka -> {
          closeables.push(kafka);
          readiness.add("kafka", kafka::isRunning);
        });

    ScheduledThreadPoolExecutor timers =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "realtime-timers");
              t.setDaemon(true);
              return t;
            });
    closeables.push(timers::shutdownNow);
    // Devices idle for a while show as away (PROTOCOL: presence); the sweep is cheap and local.
    timers.scheduleAtFixedRate(core::sweepIdlePresence, 30, 30, TimeUnit.SECONDS);
    // Heartbeat every second (so a silent node is known dead within seconds), and cleanup after
    // nodes whose heartbeat lapsed.
    config
        .redis()
        .ifPresent(
            r -> {
              long every = r.heartbeatInterval().toMillis();
              timers.scheduleAtFixedRate(this::maintainCluster, 0, every, TimeUnit.MILLISECONDS);
            });
    // Live connections' recovery sessions outlive a crash of this node: renewed thrice per window.
    long renewEvery = Math.max(100, config.recoveryWindow().toMillis() / 3);
    timers.scheduleAtFixedRate(
        this::refreshRecoverySessions, renewEvery, renewEvery, TimeUnit.MILLISECONDS);

    // The timers of every connection (header deadline, heartbeat, connect and ack timeouts) in one
    // wheel: thousands of them, mostly cancelled, none blocking. The node's periodic chores above
    // may block on Redis and keep their own thread.
    TimerWheel connectionTimers = TimerWheel.standard("realtime-connection-timers");
    closeables.push(connectionTimers::shutdownNow);

    RealtimeNamespace namespace =
        new RealtimeNamespace(
            new GatewayUseCases(
                core.connections(),
                core.channels(),
                core.messaging().orElseThrow(),
                core.presence().orElseThrow(),
                core.chat().orElseThrow(),
                core.notifications().orElseThrow(),
                core.auctions()),
            delivery,
            ClientAddressResolver.trusting(config.trustedProxies()));
    // Client events run here, off the selector threads; closed after the engine stops reading.
    ClientWorkers workers = ClientWorkers.defaults();
    closeables.push(workers);
    SocketIoServer socketIo =
        new SocketIoServer(
            SocketIoOptions.builder()
                .connectTimeout(config.connectTimeout())
                .recoveryEnabled(true)
                .build(),
            Map.of(RealtimeNamespace.NAME, namespace),
            connectionTimers,
            workers);
    engine =
        new EngineServer(
            EngineOptions.builder()
                .path(config.socketIoPath())
                .pingInterval(config.pingInterval())
                .pingTimeout(config.pingTimeout())
                .maxPayload(config.maxPayload())
                .corsOrigins(config.corsOrigins())
                .build(),
            socketIo,
            connectionTimers,
            forwarder.<RemoteSessions>map(f -> f).orElse(RemoteSessions.NONE));

    http = new HttpServer();
    NetworkListener listener = new NetworkListener("realtime", config.host(), config.port());
    listener.registerAddOn(connections);
    listener.registerAddOn(new HeaderDeadline(config.handshakeTimeout(), connectionTimers));
    http.addListener(listener);
    var routes = http.getServerConfiguration();
    routes.addHttpHandler(new HealthHandler(Map::of), "/health/live");
    routes.addHttpHandler(new HealthHandler(readiness::report), "/health/ready");
    routes.addHttpHandler(new InfoHandler(build, clock.now(), config.nodeId()), "/info");
    metrics = new ServerMetrics(engine, delivery, core.deliveryMeter());
    closeables.push(metrics);
    io.micrometer.core.instrument.Gauge.builder(
            "realtime.client.events.waiting", workers, ClientWorkers::queuedCount)
        .description("Client messages waiting for or running on the client workers")
        .register(metrics.registry());
    io.micrometer.core.instrument.FunctionCounter.builder(
            "realtime.client.events.refused", workers, ClientWorkers::refusedCount)
        .description("Client events answered busy (RATE_LIMITED) or shed: the workers were full")
        .register(metrics.registry());
    kafkaConsumer.ifPresent(
        consumer ->
            io.micrometer.core.instrument.Gauge.builder(
                    "realtime.kafka.consumer.lag", consumer, KafkaEventConsumer::lag)
                .description("Records of the assigned partitions not yet handled")
                .register(metrics.registry()));
    redis.ifPresent(
        r -> {
          io.micrometer.core.instrument.Gauge.builder(
                  "realtime.cluster.bus.outbox", r, RedisAdapters::busOutbox)
              .description("Publications kept for the other nodes while Redis is unreachable")
              .register(metrics.registry());
          io.micrometer.core.instrument.FunctionCounter.builder(
                  "realtime.cluster.bus.dropped", r, RedisAdapters::busDropped)
              .description("Publications that reached only this node: the outbox was full")
              .register(metrics.registry());
        });
    forwarder.ifPresent(
        f -> {
          io.micrometer.core.instrument.Gauge.builder(
                  "realtime.forward.polls.in_flight", f, SessionForwarder::pollsInFlight)
              .description("Polling requests forwarded to their session's node, not yet answered")
              .register(metrics.registry());
          io.micrometer.core.instrument.Gauge.builder(
                  "realtime.forward.websockets", f, SessionForwarder::relays)
              .description("Websockets relayed to their session's node")
              .register(metrics.registry());
        });
    routes.addHttpHandler(metrics.handler(), "/metrics");
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
                    core.admin(),
                    core.auctions()),
                verifier,
                new RestOptions(config.corsOrigins(), RestOptions.DEFAULT_MAX_BODY_BYTES))),
        HttpHandlerRegistration.builder().contextPath(RestApi.BASE_PATH).urlPattern("/*").build());
    engine.install(http);
    http.start();
    port = listener.getPort();
    if (forwarder.isPresent()) {
      address =
          new NodeAddress(
              NodeId.of(config.nodeId()), config.forwarding().nodeUrl(config.host(), port));
      advertise();
    }
  }

  private static ForwardOptions forwardOptions(AppConfig config) {
    return new ForwardOptions(
        config.forwarding().maxInFlight(),
        // an owner holds a poll for at most the ping interval, then answers with a ping
        config.pingInterval().plus(config.pingTimeout()).plusSeconds(5),
        Duration.ofSeconds(2),
        config.maxPayload(),
        64);
  }

  /** Tells the other nodes where this one is, and learns where they are (with the heartbeat). */
  private void advertise() {
    NodeAddress self = address;
    if (self == null || redis.isEmpty() || forwarder.isEmpty()) {
      return;
    }
    var directory = redis.get().nodeDirectory();
    directory
        .advertise(self, config.redis().orElseThrow().nodeTimeout())
        .thenCompose(done -> directory.addresses())
        .whenComplete(
            (live, failure) -> {
              if (failure != null) {
                LOG.warn("advertising this node's address failed: {}", failure.toString());
              } else {
                forwarder.get().updatePeers(live);
              }
            });
  }

  private static RedisOptions redisOptions(RedisSettings settings) {
    return RedisOptions.of(settings.url())
        .withPoolSize(settings.poolSize())
        .withKeyPrefix(settings.keyPrefix())
        .withStream(settings.streamMaxLen(), RedisOptions.of(settings.url()).busRetention())
        .withRecordLimits(
            settings.chatHistoryMax(),
            settings.chatTtl(),
            settings.notificationsMax(),
            settings.notificationsTtl())
        .withEventRetention(settings.eventRetention())
        .withTls(settings.tls());
  }

  private void maintainCluster() {
    // A scheduled task that throws is never run again: keep the heartbeat going whatever happens.
    try {
      core.maintainCluster();
      advertise();
    } catch (RuntimeException e) {
      LOG.warn("cluster maintenance failed", e);
    }
  }

  /**
   * Connects to MongoDB and creates its indexes before any traffic; fails the start if it can't.
   */
  private RecordStores mongoStores(MongoSettings settings) {
    MongoStores mongo;
    try {
      mongo =
          MongoStores.open(
              new MongoOptions(
                  settings.uri(),
                  settings.database(),
                  settings.eventRetention(),
                  settings.connectionRetention()));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("REALTIME_MONGO_URI", e.getMessage());
    }
    closeables.push(mongo);
    try {
      mongo
          .createIndexes()
          .toCompletableFuture()
          .get(MONGO_START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating the MongoDB indexes", e);
    } catch (ExecutionException | TimeoutException e) {
      mongo.close();
      throw new IllegalStateException(
          "MongoDB (REALTIME_MONGO_URI) unusable: could not create its indexes within "
              + MONGO_START_TIMEOUT_SECONDS
              + " s: "
              + (e.getCause() == null ? e : e.getCause()).getMessage(),
          e);
    }
    readiness.add("mongo", mongo::connected);
    return RecordStores.mongo(mongo);
  }

  /** Kafka's producer when outbound events are on; pushed before the core, closed after it. */
  private OutboundEvents outboundEvents(AppConfig config) {
    Optional<KafkaOutboundOptions> options = config.kafka().flatMap(KafkaSettings::outboundOptions);
    if (options.isEmpty()) {
      return OutboundEvents.NONE;
    }
    KafkaOutboundEvents kafka =
        KafkaSettings.clientOf(() -> KafkaOutboundEvents.start(options.get()));
    closeables.push(kafka);
    return kafka;
  }

  private void refreshRecoverySessions() {
    try {
      core.refreshRecoverySessions();
    } catch (RuntimeException e) {
      LOG.warn("renewing recovery sessions failed", e);
    }
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
    config.kafka().ifPresent(kafka -> core.dedupWindow(kafka.dedupWindow()));
    config
        .limits()
        .perMinute()
        .forEach((action, n) -> core.rateLimit(action, RateLimit.perMinute(n)));
    return core.build();
  }

  private static NimbusTokenVerifier tokenVerifier(
      AppConfig config, Optional<DevelopmentTokens> dev) {
    JwtSettings jwt = config.jwt();
    if (dev.isPresent()) {
      return dev.get().verifier(jwt.clockSkew());
    }
    if (jwt.secret().isPresent()) {
      return NimbusTokenVerifier.hmac(
          jwt.secret().get(), jwt.issuer(), jwt.audience(), jwt.requireExpiry(), jwt.clockSkew());
    }
    if (jwt.jwksUrl().isPresent()) {
      try {
        return NimbusTokenVerifier.jwks(
            jwt.jwksUrl().get().toURL(),
            jwt.jwksCacheTtl(),
            JWKS_MIN_REFETCH_INTERVAL,
            JWKS_FIRST_LOAD,
            jwt.issuer(),
            jwt.audience(),
            jwt.requireExpiry(),
            jwt.clockSkew());
      } catch (java.net.MalformedURLException | IllegalArgumentException e) {
        throw new ConfigException(
            "REALTIME_JWT_JWKS_URL", "is not a usable URL: " + e.getMessage());
      }
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
          "DEVELOPMENT MODE: no REALTIME_JWT_SECRET, _PUBLIC_KEY or _JWKS_URL set; a secret was"
              + " generated and GET /dev/token?user=<id>&roles=<roles> issues tokens. Not for"
              + " production.");
    }
    LOG.info(
        "Realtime {} ({}) node {} listening on http://{}:{} (Socket.IO path {}, namespace {})",
        server.build.version(),
        server.build.commit(),
        config.nodeId(),
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
    NodeAddress self = address;
    address = null; // no more advertising: the other nodes stop forwarding here
    if (self != null) {
      redis.ifPresent(r -> r.nodeDirectory().withdraw(self.node()));
    }
    engine.shutdown(config.shutdownGrace());
    connections.closeAll(Duration.ofSeconds(2));
    http.shutdownNow();
    try {
      core.leaveCluster().toCompletableFuture().get(2, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.warn("leaving the cluster failed: {}", e.toString());
    }
    closeAll();
  }

  /**
   * Stops at once, as a crash would, for tests of node failure: the cluster stores are cut off
   * first, so the node neither unregisters its connections nor leaves the cluster; the other nodes
   * must clean up after it.
   */
  public void halt() {
    if (!stopped.compareAndSet(false, true)) {
      return;
    }
    draining = true;
    redis.ifPresent(RedisAdapters::close);
    connections.closeAll(Duration.ofMillis(100));
    http.shutdownNow();
    closeAll();
  }

  private void closeAll() {
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

package bd.com.getit.realtime.app;

import bd.com.getit.realtime.adapter.kafka.KafkaEventConsumer;
import bd.com.getit.realtime.adapter.kafka.KafkaOutboundEvents;
import bd.com.getit.realtime.adapter.memory.InMemoryAnnouncementStore;
import bd.com.getit.realtime.adapter.redis.RedisAdapters;
import bd.com.getit.realtime.adapter.websocket.engineio.EngineServer;
import bd.com.getit.realtime.adapter.websocket.engineio.RemoteSessions;
import bd.com.getit.realtime.adapter.websocket.gateway.RealtimeNamespace;
import bd.com.getit.realtime.adapter.websocket.gateway.SocketIoDelivery;
import bd.com.getit.realtime.app.security.DevelopmentTokens;
import bd.com.getit.realtime.app.templates.IcuNotificationTemplates;
import bd.com.getit.realtime.app.templates.TemplateException;
import bd.com.getit.realtime.core.assembly.CoreConfig;
import bd.com.getit.realtime.core.assembly.OutboundPorts;
import bd.com.getit.realtime.core.assembly.RealtimeCore;
import bd.com.getit.realtime.domain.NodeId;
import bd.com.getit.realtime.domain.RateLimit;
import bd.com.getit.realtime.domain.cluster.NodeAddress;
import bd.com.getit.realtime.port.out.AnnouncementStore;
import bd.com.getit.realtime.port.out.Clock;
import bd.com.getit.realtime.port.out.NotificationTemplates;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference server: the core on the adapters the settings choose ({@link ServerAdapters}), the
 * Socket.IO gateway ({@link SocketIoGateway}), and the REST API, health and metrics ({@link
 * HttpRoutes}) on one Grizzly port; the node's periodic work runs in {@link ServerMaintenance}.
 * {@link #start} builds and starts everything; {@link #stop} drains and closes in reverse order of
 * creation.
 */
public final class RealtimeServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RealtimeServer.class);

  private final AppConfig config;
  private final Closeables closeables = new Closeables();
  private final RealtimeCore core;
  private final ServerMaintenance maintenance;
  private final EngineServer engine;
  private final HttpServer http;
  private final Optional<HttpServer> management;
  private final int port;
  private final int managementPort;
  private final Optional<DevelopmentTokens> devTokens;
  private final Optional<RedisAdapters> redis;
  private final AtomicBoolean stopped = new AtomicBoolean();
  private final OpenConnections connections = new OpenConnections();
  private final Readiness readiness = new Readiness();
  private final BuildInfo build = BuildInfo.current();
  private volatile boolean draining;

  private RealtimeServer(AppConfig config) throws IOException {
    this.config = config;
    // Whole milliseconds: what JavaScript clients and MongoDB dates hold, so a time a client
    // sends back (a history `before` cursor) matches the stored one exactly.
    Clock clock = () -> Instant.now().truncatedTo(ChronoUnit.MILLIS);
    readiness.add("server", () -> !draining);
    // Checked before anything is opened: a template that does not render stops the start at once.
    NotificationTemplates templates = templates(config);
    // First, so the clients the adapters open (MongoDB) report to it; closed last.
    ServerMetrics metrics = closeables.push(new ServerMetrics());
    ServerAdapters adapters = ServerAdapters.select(config, clock, closeables, readiness, metrics);
    devTokens = adapters.devTokens();
    redis = adapters.redis();

    SocketIoDelivery delivery =
        new SocketIoDelivery(SocketIoDelivery.Limits.DEFAULT, config.mobile().shaping());
    // Announcements are shown to later sockets on every node: kept in Redis when there is one.
    AnnouncementStore announcements =
        redis
            .<AnnouncementStore>map(RedisAdapters::announcementStore)
            .orElseGet(InMemoryAnnouncementStore::new);
    core =
        RealtimeCore.builder()
            .config(coreConfig(config))
            .stores(adapters.stores())
            .records(adapters.records())
            .cluster(adapters.cluster())
            .outbound(new OutboundPorts(delivery, adapters.outbound()))
            .auctionStore(adapters.auctions())
            .notificationTemplates(templates)
            .announcements(announcements)
            .tokenVerifier(adapters.verifier())
            .clock(clock)
            .idGenerator(new RandomIds())
            .build();
    maintenance =
        closeables.push(new ServerMaintenance(core, redis, adapters.forwarder(), config.redis()));
    // Pushed after the core: closed before it, so the last handled events are committed.
    Optional<KafkaEventConsumer> kafkaConsumer =
        config
            .kafka()
            .map(settings -> settings.startConsumer(metrics.timed(core.ingest(), "kafka")));
    kafkaConsumer.ifPresent(
        kafka -> {
          closeables.push(kafka);
          readiness.add("kafka", kafka::isRunning);
        });

    SocketIoGateway gateway =
        SocketIoGateway.create(
            config,
            core,
            delivery,
            adapters.forwarder().<RemoteSessions>map(f -> f).orElse(RemoteSessions.NONE),
            closeables);
    engine = gateway.engine();

    http = new HttpServer();
    NetworkListener listener = new NetworkListener("realtime", config.host(), config.port());
    listener.registerAddOn(connections);
    listener.registerAddOn(
        new HeaderDeadline(config.handshakeTimeout(), gateway.connectionTimers()));
    http.addListener(listener);
    metrics.watch(engine, delivery, core.deliveryMeter());
    metrics.watch(gateway.counters());
    metrics.watch(gateway.workers());
    if (adapters.outbound() instanceof KafkaOutboundEvents outbound) {
      metrics.watch(outbound);
    }
    kafkaConsumer.ifPresent(metrics::watch);
    redis.ifPresent(metrics::watch);
    adapters.forwarder().ifPresent(metrics::watch);
    HttpRoutes.install(
        http.getServerConfiguration(),
        config,
        core,
        adapters.verifier(),
        readiness,
        metrics,
        devTokens,
        clock.now());
    engine.install(http);
    management =
        config
            .operations()
            .managementPort()
            .map(
                p -> {
                  HttpServer m = new HttpServer();
                  m.addListener(
                      new NetworkListener("management", config.operations().managementHost(), p));
                  HttpRoutes.installManagement(
                      m.getServerConfiguration(), config, readiness, metrics, clock.now());
                  return m;
                });
    http.start();
    port = listener.getPort();
    if (management.isPresent()) {
      try {
        management.get().start();
      } catch (IOException e) {
        http.shutdownNow();
        throw e;
      }
      managementPort = management.get().getListener("management").getPort();
    } else {
      managementPort = port;
    }
    if (adapters.forwarder().isPresent()) {
      maintenance.advertiseAt(
          new NodeAddress(
              NodeId.of(config.nodeId()), config.forwarding().nodeUrl(config.host(), port)));
    }
  }

  /** The templates, checked now: one that does not render stops the start, naming it. */
  private static NotificationTemplates templates(AppConfig config) {
    try {
      return IcuNotificationTemplates.load(config.notificationTemplatesDir());
    } catch (TemplateException e) {
      throw new ConfigException("REALTIME_NOTIFICATION_TEMPLATES_DIR", e.getMessage());
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
            .maxChannelsPerConnection(config.limits().maxChannelsPerConnection())
            .spamRules(config.limits().spam())
            .chatRules(config.chat().rules());
    config.kafka().ifPresent(kafka -> core.dedupWindow(kafka.dedupWindow()));
    config
        .limits()
        .perMinute()
        .forEach((action, n) -> core.rateLimit(action, RateLimit.perMinute(n)));
    return core.build();
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
        "Realtime {} ({}) node {} listening on http://{}:{} (Socket.IO path {}, namespace {}){}",
        server.build.version(),
        server.build.commit(),
        config.nodeId(),
        config.host(),
        server.port(),
        config.socketIoPath(),
        RealtimeNamespace.NAME,
        server.management.isPresent()
            ? "; metrics and health on http://"
                + config.operations().managementHost()
                + ":"
                + server.managementPort()
            : "");
    return server;
  }

  /** The port listened on (the actual one when configured as 0). */
  public int port() {
    return port;
  }

  /** The port serving {@code /metrics}: the management port when configured, else {@link #port}. */
  public int managementPort() {
    return managementPort;
  }

  public RealtimeCore core() {
    return core;
  }

  public AppConfig config() {
    return config;
  }

  /**
   * Graceful stop: readiness goes down, every client is told to reconnect (an Engine.IO close, so
   * clients reconnect elsewhere; in batches, {@link DrainSettings}), send queues drain within the
   * grace time, then everything closes.
   */
  public void stop() {
    if (!stopped.compareAndSet(false, true)) {
      return;
    }
    draining = true;
    maintenance.withdraw(); // the other nodes stop forwarding here
    engine.shutdown(config.drain().grace(), config.drain().pace());
    connections.closeAll(Duration.ofSeconds(2));
    http.shutdownNow();
    management.ifPresent(HttpServer::shutdownNow);
    maintenance.leave();
    closeables.closeAll();
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
    maintenance.halt();
    redis.ifPresent(RedisAdapters::close);
    connections.closeAll(Duration.ofMillis(100));
    http.shutdownNow();
    management.ifPresent(HttpServer::shutdownNow);
    closeables.closeAll();
  }

  @Override
  public void close() {
    stop();
  }

  static void awaitForever() throws InterruptedException {
    new java.util.concurrent.CountDownLatch(1).await();
  }
}

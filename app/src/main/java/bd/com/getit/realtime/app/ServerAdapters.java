package bd.com.getit.realtime.app;

import bd.com.getit.realtime.adapter.kafka.KafkaOutboundEvents;
import bd.com.getit.realtime.adapter.kafka.KafkaOutboundOptions;
import bd.com.getit.realtime.adapter.memory.MemoryAdapters;
import bd.com.getit.realtime.adapter.mongo.MongoOptions;
import bd.com.getit.realtime.adapter.mongo.MongoStores;
import bd.com.getit.realtime.adapter.redis.RedisAdapters;
import bd.com.getit.realtime.adapter.redis.RedisOptions;
import bd.com.getit.realtime.adapter.websocket.forward.ForwardOptions;
import bd.com.getit.realtime.adapter.websocket.forward.SessionForwarder;
import bd.com.getit.realtime.app.security.DevelopmentTokens;
import bd.com.getit.realtime.app.security.NimbusTokenVerifier;
import bd.com.getit.realtime.core.assembly.ClusterPorts;
import bd.com.getit.realtime.core.assembly.RecordStores;
import bd.com.getit.realtime.core.assembly.StateStores;
import bd.com.getit.realtime.domain.NodeId;
import bd.com.getit.realtime.port.out.AuctionStore;
import bd.com.getit.realtime.port.out.Clock;
import bd.com.getit.realtime.port.out.OutboundEvents;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Which adapter serves each driven port, chosen from the settings: the live state and the bus on
 * Redis when configured, else in memory; the records on MongoDB when configured, else on Redis,
 * else in memory; outbound events on Kafka when configured; tokens checked by nimbus. Every client
 * it opens is pushed on the server's {@link Closeables} and its health check on {@link Readiness}.
 *
 * @param forwarder with a shared cluster, requests for sessions of other nodes are served by that
 *     node, so a load balancer need not be sticky (PROTOCOL 10.5)
 */
record ServerAdapters(
    NimbusTokenVerifier verifier,
    Optional<DevelopmentTokens> devTokens,
    StateStores stores,
    RecordStores records,
    ClusterPorts cluster,
    AuctionStore auctions,
    OutboundEvents outbound,
    Optional<RedisAdapters> redis,
    Optional<SessionForwarder> forwarder) {

  private static final long MONGO_START_TIMEOUT_SECONDS = 30;

  /** A JWKS is fetched at most twice in this interval (nimbus's rate limit). */
  private static final Duration JWKS_MIN_REFETCH_INTERVAL = Duration.ofSeconds(30);

  /** How long start-up waits for the first JWKS before it starts anyway (not ready meanwhile). */
  private static final Duration JWKS_FIRST_LOAD = Duration.ofSeconds(5);

  static ServerAdapters select(
      AppConfig config, Clock clock, Closeables closeables, Readiness readiness) {
    MemoryAdapters memory = closeables.push(MemoryAdapters.create(clock));

    Optional<DevelopmentTokens> devTokens =
        config.jwt().developmentMode() ? Optional.of(new DevelopmentTokens()) : Optional.empty();
    NimbusTokenVerifier verifier = closeables.push(tokenVerifier(config, devTokens));
    if (config.jwt().jwksUrl().isPresent()) {
      readiness.add("jwks", verifier::ready);
    }

    Optional<RedisAdapters> redis =
        config.redis().map(r -> RedisAdapters.create(redisOptions(r), clock));
    redis.ifPresent(
        r -> {
          closeables.push(r);
          readiness.add("redis", r::up);
        });
    Optional<SessionForwarder> forwarder =
        redis.map(r -> SessionForwarder.create(NodeId.of(config.nodeId()), forwardOptions(config)));
    forwarder.ifPresent(closeables::push);

    StateStores stores =
        redis
            .map(
                r ->
                    new StateStores(
                        r.connectionRegistry(),
                        r.presenceStore(),
                        r.rateLimitStore(),
                        r.offlineQueue(),
                        r.recoveryStore(),
                        r.deduplicationStore(),
                        r.spamLedger()))
            .orElseGet(
                () ->
                    new StateStores(
                        memory.connectionRegistry(),
                        memory.presenceStore(),
                        memory.rateLimitStore(),
                        memory.offlineQueue(),
                        memory.recoveryStore(),
                        memory.deduplicationStore(),
                        memory.spamLedger()));
    ClusterPorts cluster =
        redis
            .map(
                r -> {
                  RedisSettings settings = config.redis().orElseThrow();
                  // Heartbeat every second, so a silent node is known dead within seconds.
                  return ClusterPorts.of(r.clusterBus(), r.membership(), settings.nodeTimeout())
                      .withHeartbeat(settings.heartbeatInterval(), settings.heartbeatSilence());
                })
            .orElseGet(() -> ClusterPorts.single(memory.clusterBus()));
    AuctionStore auctions = redis.map(RedisAdapters::auctionStore).orElse(memory.auctionStore());
    // MongoDB is the store of record when configured; without it, a cluster keeps its chat,
    // notifications and event log in Redis, so that no node holds them in its own memory.
    RecordStores records =
        config
            .mongo()
            .map(settings -> mongoRecords(settings, closeables, readiness))
            .orElseGet(
                () ->
                    redis
                        .map(
                            r ->
                                RecordStores.of(
                                    r.chatRepository(), r.notificationRepository(), r.eventLog()))
                        .orElseGet(
                            () ->
                                RecordStores.of(
                                    memory.chatRepository(),
                                    memory.notificationRepository(),
                                    memory.eventLog())));
    OutboundEvents outbound = outboundEvents(config, closeables);
    return new ServerAdapters(
        verifier, devTokens, stores, records, cluster, auctions, outbound, redis, forwarder);
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

  /**
   * Connects to MongoDB and creates its indexes before any traffic; fails the start if it can't.
   */
  private static RecordStores mongoRecords(
      MongoSettings settings, Closeables closeables, Readiness readiness) {
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
    return new RecordStores(
        mongo.chatRepository(),
        mongo.notificationRepository(),
        mongo.eventLog(),
        mongo.connectionLog(),
        mongo.presenceArchive());
  }

  /** Kafka's producer when outbound events are on; pushed before the core, closed after it. */
  private static OutboundEvents outboundEvents(AppConfig config, Closeables closeables) {
    Optional<KafkaOutboundOptions> options = config.kafka().flatMap(KafkaSettings::outboundOptions);
    if (options.isEmpty()) {
      return OutboundEvents.NONE;
    }
    return closeables.push(KafkaSettings.clientOf(() -> KafkaOutboundEvents.start(options.get())));
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
}

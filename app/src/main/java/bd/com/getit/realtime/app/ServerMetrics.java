package bd.com.getit.realtime.app;

import bd.com.getit.realtime.adapter.kafka.KafkaEventConsumer;
import bd.com.getit.realtime.adapter.kafka.KafkaOutboundEvents;
import bd.com.getit.realtime.adapter.redis.RedisAdapters;
import bd.com.getit.realtime.adapter.websocket.engineio.EngineOptions;
import bd.com.getit.realtime.adapter.websocket.engineio.EngineServer;
import bd.com.getit.realtime.adapter.websocket.engineio.SendQueueBudget;
import bd.com.getit.realtime.adapter.websocket.forward.SessionForwarder;
import bd.com.getit.realtime.adapter.websocket.gateway.DisconnectReason;
import bd.com.getit.realtime.adapter.websocket.gateway.GatewayCounters;
import bd.com.getit.realtime.adapter.websocket.gateway.SocketIoDelivery;
import bd.com.getit.realtime.adapter.websocket.socketio.ClientWorkers;
import bd.com.getit.realtime.core.admin.DeliveryMeter;
import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.Priority;
import bd.com.getit.realtime.port.in.EventIngestUseCase;
import com.mongodb.MongoClientSettings;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.commonspool2.CommonsObjectPool2Metrics;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.ExecutorServiceMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.binder.mongodb.MongoMetricsCommandListener;
import io.micrometer.core.instrument.binder.mongodb.MongoMetricsConnectionPoolListener;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * The node's metrics in the Prometheus text format at {@code GET /metrics} (docs/operations.md,
 * "Metrics"): sockets, deliveries, refusals, shedding and latency from the gateway and the core,
 * the clients' (Kafka, MongoDB, the Redis pool) and executors' own, and the JVM's. Counters are
 * read at scrape time from the {@code LongAdder}s the adapters keep; the two latency timers are
 * resolved once here, so recording one is a few atomic adds into fixed buckets, with no tags to
 * look up and nothing allocated.
 */
final class ServerMetrics implements AutoCloseable {
  /**
   * The histogram's buckets, in seconds: from a local fanout (a millisecond, the clock's grain) to
   * a delivery stuck behind a Redis outage.
   */
  private static final Duration[] LATENCY_BUCKETS = {
    Duration.ofMillis(1),
    Duration.ofMillis(2),
    Duration.ofMillis(5),
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofMillis(2500),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10)
  };

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final List<AutoCloseable> binders = new ArrayList<>();

  ServerMetrics() {
    registry.config().commonTags("application", "realtime");
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    JvmGcMetrics gc = new JvmGcMetrics();
    gc.bindTo(registry);
    binders.add(gc);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  /** The registry, for tests and the embedding server's own meters. */
  PrometheusMeterRegistry registry() {
    return registry;
  }

  /** A timer of latencies in seconds with the histogram buckets above. */
  Timer latencyTimer(String name, String description, Tags tags) {
    return Timer.builder(name)
        .description(description)
        .tags(tags)
        .serviceLevelObjectives(LATENCY_BUCKETS)
        .register(registry);
  }

  /** The gateway's sockets, deliveries and shedding, and the core's delivery latency. */
  void watch(EngineServer engine, SocketIoDelivery delivery, DeliveryMeter meter) {
    Gauge.builder("realtime.engine.sessions", engine, EngineServer::sessions)
        .description("Engine.IO sessions open on this node (any transport)")
        .register(registry);
    Gauge.builder("realtime.sockets", delivery, SocketIoDelivery::size)
        .description("Socket.IO sockets connected to /realtime on this node")
        .register(registry);
    FunctionCounter.builder("realtime.deliveries", meter, DeliveryMeter::total)
        .description("Events handed to sockets' send queues on this node")
        .register(registry);
    Gauge.builder("realtime.delivery.latency.average", meter, DeliveryMeter::averageLatencyMs)
        .description("Mean milliseconds from publication to send queue, last minute")
        .baseUnit("milliseconds")
        .register(registry);
    Timer latency =
        latencyTimer(
            "realtime.delivery.latency",
            "Seconds from an event's publication to this node's send queues, one sample per event"
                + " routed to local sockets",
            Tags.empty());
    meter.observeLatency(nanos -> latency.record(nanos, TimeUnit.NANOSECONDS));
    for (Priority priority : Priority.values()) {
      FunctionCounter.builder("realtime.delivery.shed", delivery, d -> d.shedCount(priority))
          .description("Events dropped for slow sockets, by priority")
          .tag("priority", priority.name().toLowerCase(Locale.ROOT))
          .register(registry);
    }
    FunctionCounter.builder(
            "realtime.delivery.volatile.dropped", delivery, SocketIoDelivery::droppedVolatileCount)
        .description("Volatile events (typing) dropped for busy sockets")
        .register(registry);
    FunctionCounter.builder(
            "realtime.delivery.disconnected", delivery, SocketIoDelivery::disconnectedCount)
        .description("Sockets disconnected because their send queue passed its bound")
        .register(registry);
    MobileMetrics.bind(registry, engine.wireStats(), delivery.shapingStats());
    for (String transport : List.of(EngineOptions.WEBSOCKET, EngineOptions.POLLING)) {
      FunctionCounter.builder("realtime.transport.written", engine, e -> e.bytesWritten(transport))
          .description(
              "Payload bytes written to clients, after compression: websocket frame payloads,"
                  + " polling response bodies")
          .baseUnit("bytes")
          .tag("transport", transport)
          .register(registry);
    }
    bindExecutor(engine.writerPool(), "engine.io-writers");
    SendQueueBudget budget = engine.sendQueueBudget();
    Gauge.builder("realtime.send_queue.budget.used", budget, SendQueueBudget::usedBytes)
        .description("Bytes queued for sending, all sockets of this node together")
        .baseUnit("bytes")
        .register(registry);
    Gauge.builder("realtime.send_queue.budget.limit", budget, SendQueueBudget::limitBytes)
        .description("The most bytes the send queues of this node may hold together")
        .baseUnit("bytes")
        .register(registry);
    FunctionCounter.builder(
            "realtime.send_queue.budget.evicted", budget, SendQueueBudget::evictedCount)
        .description("Sockets closed, slowest first, because the send queue budget was exhausted")
        .register(registry);
  }

  /** Connections, disconnections by reason, refusals by code and by rate-limited action. */
  void watch(GatewayCounters counters) {
    FunctionCounter.builder("realtime.connections", counters, GatewayCounters::connections)
        .description("Sockets that connected to /realtime on this node")
        .register(registry);
    for (DisconnectReason reason : DisconnectReason.values()) {
      FunctionCounter.builder("realtime.disconnections", counters, c -> c.disconnections(reason))
          .description("Sockets that left /realtime on this node, by Socket.IO reason")
          .tag("reason", reason.label())
          .register(registry);
    }
    for (ErrorCode code : ErrorCode.values()) {
      FunctionCounter.builder("realtime.refusals", counters, c -> c.refusals(code))
          .description("CONNECTs and client events answered with an error, by error code")
          .tag("code", code.name())
          .register(registry);
    }
    for (String action : GatewayCounters.RATE_LIMITED_ACTIONS) {
      FunctionCounter.builder("realtime.rate_limited", counters, c -> c.rateLimited(action))
          .description("CONNECTs and client events refused RATE_LIMITED, by action")
          .tag("action", action)
          .register(registry);
    }
  }

  /** Wraps the ingest use case to time it: from the call to the event handed to routing. */
  EventIngestUseCase timed(EventIngestUseCase ingest, String source) {
    Timer timer =
        latencyTimer(
            "realtime.ingest.latency",
            "Seconds from an event's ingest (REST or Kafka) to its publication on the cluster bus",
            Tags.of("source", source));
    return command -> {
      long start = System.nanoTime();
      return ingest
          .ingest(command)
          .whenComplete(
              (ingested, failure) -> {
                if (failure == null) {
                  timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                }
              });
    };
  }

  /** The client workers' queue and refusals. */
  void watch(ClientWorkers workers) {
    Gauge.builder("realtime.client.events.waiting", workers, ClientWorkers::queuedCount)
        .description("Client messages waiting for or running on the client workers")
        .register(registry);
    FunctionCounter.builder("realtime.client.events.refused", workers, ClientWorkers::refusedCount)
        .description("Client events answered busy (RATE_LIMITED) or shed: the workers were full")
        .register(registry);
    workers.pool().ifPresent(pool -> bindExecutor(pool, "socket.io-workers"));
  }

  private void bindExecutor(java.util.concurrent.ExecutorService pool, String name) {
    new ExecutorServiceMetrics(pool, name, Tags.empty()).bindTo(registry);
  }

  /** The Kafka consumer's lag and its client metrics. */
  void watch(KafkaEventConsumer consumer) {
    Gauge.builder("realtime.kafka.consumer.lag", consumer, KafkaEventConsumer::lag)
        .description("Records of the assigned partitions not yet handled")
        .register(registry);
    KafkaClientMetrics client = new KafkaClientMetrics(consumer.clientForMetrics());
    client.bindTo(registry);
    binders.add(client);
  }

  /** The outbound producer's client metrics. */
  void watch(KafkaOutboundEvents outbound) {
    KafkaClientMetrics client = new KafkaClientMetrics(outbound.clientForMetrics());
    client.bindTo(registry);
    binders.add(client);
  }

  /** The MongoDB driver's command timings and connection pool, added to its settings. */
  Consumer<MongoClientSettings.Builder> mongoListeners() {
    return builder ->
        builder
            .addCommandListener(new MongoMetricsCommandListener(registry))
            .applyToConnectionPoolSettings(
                pool ->
                    pool.addConnectionPoolListener(
                        new MongoMetricsConnectionPoolListener(registry)));
  }

  /**
   * The Redis bus's outbox while Redis is unreachable, how far its reader is behind, and the Jedis
   * connection pool.
   */
  void watch(RedisAdapters redis) {
    Gauge.builder("realtime.cluster.bus.outbox", redis, RedisAdapters::busOutbox)
        .description("Publications kept for the other nodes while Redis is unreachable")
        .register(registry);
    FunctionCounter.builder("realtime.cluster.bus.dropped", redis, RedisAdapters::busDropped)
        .description("Publications that reached only this node: the outbox was full")
        .register(registry);
    Gauge.builder("realtime.cluster.bus.lag", redis, r -> r.busLagMillis() / 1_000.0)
        .description("Age of the last cluster bus record when this node read it; 0 when caught up")
        .baseUnit("seconds")
        .register(registry);
    // The commons-pool2 pools of this JVM, read over JMX: the Jedis pool is "realtime-redis". Bound
    // once the pool exists, so the binder's first query finds it.
    CommonsObjectPool2Metrics pools = new CommonsObjectPool2Metrics();
    pools.bindTo(registry);
    binders.add(pools);
  }

  /** Requests forwarded to their session's node. */
  void watch(SessionForwarder forwarder) {
    Gauge.builder("realtime.forward.polls.in_flight", forwarder, SessionForwarder::pollsInFlight)
        .description("Polling requests forwarded to their session's node, not yet answered")
        .register(registry);
    Gauge.builder("realtime.forward.websockets", forwarder, SessionForwarder::relays)
        .description("Websockets relayed to their session's node")
        .register(registry);
  }

  /** The Prometheus text of every meter. */
  String scrape() {
    return registry.scrape();
  }

  HttpHandler handler() {
    return new HttpHandler() {
      @Override
      public void service(Request request, Response response) throws IOException {
        String method = request.getMethod().getMethodString();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
          response.setStatus(405);
          response.setHeader("Allow", "GET, HEAD");
          return;
        }
        response.setContentType("text/plain; version=0.0.4; charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(registry.scrape());
      }
    };
  }

  @Override
  public void close() {
    for (AutoCloseable binder : binders) {
      try {
        binder.close();
      } catch (Exception e) {
        // closing a binder only stops its polling; nothing to report
      }
    }
    registry.close();
  }
}

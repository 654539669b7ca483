package bd.com.getit.realtime.app;

import bd.com.getit.realtime.adapter.kafka.KafkaEventConsumer;
import bd.com.getit.realtime.adapter.redis.RedisAdapters;
import bd.com.getit.realtime.adapter.websocket.engineio.EngineServer;
import bd.com.getit.realtime.adapter.websocket.forward.SessionForwarder;
import bd.com.getit.realtime.adapter.websocket.gateway.SocketIoDelivery;
import bd.com.getit.realtime.adapter.websocket.socketio.ClientWorkers;
import bd.com.getit.realtime.core.admin.DeliveryMeter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * The node's metrics in the Prometheus text format at {@code GET /metrics}: sockets, deliveries,
 * shedding and latency from the gateway and the core, and the JVM's own. Every value is read at
 * scrape time from counters the server keeps anyway, so the hot path pays nothing for it.
 */
final class ServerMetrics implements AutoCloseable {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();

  ServerMetrics(EngineServer engine, SocketIoDelivery delivery, DeliveryMeter meter) {
    registry.config().commonTags("application", "realtime");
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);

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
    FunctionCounter.builder("realtime.delivery.shed", delivery, SocketIoDelivery::shedCount)
        .description("Low-priority events dropped for slow sockets")
        .register(registry);
    FunctionCounter.builder(
            "realtime.delivery.volatile.dropped", delivery, SocketIoDelivery::droppedVolatileCount)
        .description("Volatile events (typing) dropped for busy sockets")
        .register(registry);
    FunctionCounter.builder(
            "realtime.delivery.disconnected", delivery, SocketIoDelivery::disconnectedCount)
        .description("Sockets disconnected because their send queue passed its bound")
        .register(registry);
  }

  /** The client workers' queue and refusals. */
  void watch(ClientWorkers workers) {
    Gauge.builder("realtime.client.events.waiting", workers, ClientWorkers::queuedCount)
        .description("Client messages waiting for or running on the client workers")
        .register(registry);
    FunctionCounter.builder("realtime.client.events.refused", workers, ClientWorkers::refusedCount)
        .description("Client events answered busy (RATE_LIMITED) or shed: the workers were full")
        .register(registry);
  }

  /** The Kafka consumer's lag. */
  void watch(KafkaEventConsumer consumer) {
    Gauge.builder("realtime.kafka.consumer.lag", consumer, KafkaEventConsumer::lag)
        .description("Records of the assigned partitions not yet handled")
        .register(registry);
  }

  /** The Redis bus's outbox while Redis is unreachable. */
  void watch(RedisAdapters redis) {
    Gauge.builder("realtime.cluster.bus.outbox", redis, RedisAdapters::busOutbox)
        .description("Publications kept for the other nodes while Redis is unreachable")
        .register(registry);
    FunctionCounter.builder("realtime.cluster.bus.dropped", redis, RedisAdapters::busDropped)
        .description("Publications that reached only this node: the outbox was full")
        .register(registry);
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

  /**
   * The registry, for the dashboard's JSON view of the same meters ({@link AdminMetricsHandler}).
   */
  MeterRegistry registry() {
    return registry;
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
    gc.close();
    registry.close();
  }
}

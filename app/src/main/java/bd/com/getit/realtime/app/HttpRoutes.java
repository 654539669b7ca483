package bd.com.getit.realtime.app;

import bd.com.getit.realtime.adapter.rest.RestApi;
import bd.com.getit.realtime.adapter.rest.RestOptions;
import bd.com.getit.realtime.adapter.rest.RestUseCases;
import bd.com.getit.realtime.app.security.DevelopmentTokens;
import bd.com.getit.realtime.core.assembly.RealtimeCore;
import bd.com.getit.realtime.port.in.EventIngestUseCase;
import bd.com.getit.realtime.port.out.TokenVerifier;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.glassfish.grizzly.http.server.HttpHandlerRegistration;
import org.glassfish.grizzly.http.server.ServerConfiguration;

/**
 * The server's HTTP routes besides the Socket.IO path: health ({@code /health/live}, {@code
 * /health/ready}), {@code /info}, {@code /metrics} (unless on the management port), the development
 * token issuer ({@code /dev/token}, in development mode only) and the REST API under {@link
 * RestApi#BASE_PATH}.
 */
final class HttpRoutes {
  private HttpRoutes() {}

  /**
   * The management routes, health, {@code /info} and {@code /metrics}: on the main port, or on the
   * management port when one is configured (then the main port keeps health and info, for load
   * balancers, but not the metrics).
   */
  static void installManagement(
      ServerConfiguration routes,
      AppConfig config,
      Readiness readiness,
      ServerMetrics metrics,
      Instant startedAt) {
    routes.addHttpHandler(new HealthHandler(Map::of), "/health/live");
    routes.addHttpHandler(new HealthHandler(readiness::report), "/health/ready");
    routes.addHttpHandler(
        new InfoHandler(BuildInfo.current(), startedAt, config.nodeId()), "/info");
    routes.addHttpHandler(metrics.handler(), "/metrics");
  }

  /** Adds the routes to a server that is not started yet. */
  static void install(
      ServerConfiguration routes,
      AppConfig config,
      RealtimeCore core,
      TokenVerifier verifier,
      Readiness readiness,
      ServerMetrics metrics,
      Optional<DevelopmentTokens> devTokens,
      Instant startedAt) {
    EventIngestUseCase ingest = metrics.timed(core.ingest(), "rest");
    routes.addHttpHandler(new HealthHandler(Map::of), "/health/live");
    routes.addHttpHandler(new HealthHandler(readiness::report), "/health/ready");
    routes.addHttpHandler(
        new InfoHandler(BuildInfo.current(), startedAt, config.nodeId()), "/info");
    if (config.operations().managementPort().isEmpty()) {
      routes.addHttpHandler(metrics.handler(), "/metrics");
    }
    devTokens.ifPresent(t -> routes.addHttpHandler(new DevTokenHandler(t), "/dev/token"));
    // the dashboard, Swagger UI, the WebJars and the development demo
    BrowserRoutes.install(routes, config, verifier, metrics.registry(), devTokens.isPresent());
    routes.addHttpHandler(
        new AccessLog(
            RestApi.httpHandler(
                new RestUseCases(
                    core.presence(),
                    core.chat(),
                    core.messaging(),
                    core.notifications(),
                    ingest,
                    core.admin(),
                    core.auctions(),
                    core.announcements()),
                verifier,
                new RestOptions(config.corsOrigins(), RestOptions.DEFAULT_MAX_BODY_BYTES)),
            config.operations().accessLog()),
        HttpHandlerRegistration.builder().contextPath(RestApi.BASE_PATH).urlPattern("/*").build());
  }
}

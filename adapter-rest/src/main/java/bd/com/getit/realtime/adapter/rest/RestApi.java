package bd.com.getit.realtime.adapter.rest;

import bd.com.getit.realtime.port.out.TokenVerifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpContainer;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * Builds the Jersey application of the REST API, to be mounted at {@link #BASE_PATH} of the
 * server's one port. Resources return {@code CompletionStage}s: Jersey suspends the request and
 * resumes it when the use case completes, so no request thread waits on a store.
 */
public final class RestApi {
  /** Where the application is mounted (PROTOCOL section 9). */
  public static final String BASE_PATH = "/api/v1/realtime";

  private RestApi() {}

  /**
   * The REST API as a Grizzly handler, to be added at {@link #BASE_PATH}: {@code POST /events}
   * served directly for speed ({@link PublishRoute}), everything else by the Jersey application of
   * {@link #resourceConfig}.
   */
  public static HttpHandler httpHandler(
      RestUseCases useCases, TokenVerifier verifier, RestOptions options) {
    Objects.requireNonNull(useCases, "useCases");
    Objects.requireNonNull(verifier, "verifier");
    Objects.requireNonNull(options, "options");
    return new RestHttpHandler(
        new PublishRoute(useCases.ingest(), new BearerAuth(verifier), options.maxBodyBytes()),
        () ->
            ContainerFactory.createContainer(
                GrizzlyHttpContainer.class, resourceConfig(useCases, verifier, options)));
  }

  /** The Jersey application: resources, filters, error mappers and the OpenAPI document. */
  public static ResourceConfig resourceConfig(
      RestUseCases useCases, TokenVerifier verifier, RestOptions options) {
    Objects.requireNonNull(useCases, "useCases");
    Objects.requireNonNull(verifier, "verifier");
    Objects.requireNonNull(options, "options");
    RestMapper mapper = new RestMapperImpl();
    List<Object> resources =
        new ArrayList<>(
            List.of(
                new PresenceResource(useCases.presence(), mapper),
                new ChatResource(useCases.chat(), useCases.messaging(), mapper),
                new NotificationResource(useCases.notifications(), mapper),
                new EventResource(useCases.ingest()),
                new AdminResource(useCases.admin(), useCases.announcements(), mapper),
                new AnnouncementResource(useCases.announcements(), mapper)));
    useCases.auctions().ifPresent(auctions -> resources.add(new AuctionResource(auctions)));
    ResourceConfig config = new ResourceConfig();
    config.setApplicationName("realtime-rest");
    config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
    // errors are our problem+json entities, never the container's HTML error page
    config.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
    config.property(ServerProperties.BV_SEND_ERROR_IN_RESPONSE, false);
    config.register(JacksonFeature.withoutExceptionMappers());
    config.register(new JsonMapper());
    config.register(new CorsFilter(options));
    config.register(new BodyLimitFilter(options.maxBodyBytes()));
    config.register(new AuthFilter(verifier));
    config.register(new FailureMapper());
    config.register(new FailureMapper.Validation());
    resources.forEach(config::register);
    config.register(new OpenApiResource(resourceClasses(resources)));
    return config;
  }

  private static List<Class<?>> resourceClasses(List<Object> resources) {
    return resources.stream().<Class<?>>map(Object::getClass).toList();
  }
}

package bd.com.getit.realtime.adapter.rest;

import static bd.com.getit.realtime.adapter.rest.RestApiFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import bd.com.getit.realtime.domain.EventId;
import bd.com.getit.realtime.port.in.AdminUseCase;
import bd.com.getit.realtime.port.in.AnnouncementUseCase;
import bd.com.getit.realtime.port.in.ChatUseCase;
import bd.com.getit.realtime.port.in.EventIngestUseCase;
import bd.com.getit.realtime.port.in.EventIngestUseCase.Ingested;
import bd.com.getit.realtime.port.in.MessagingUseCase;
import bd.com.getit.realtime.port.in.NotificationUseCase;
import bd.com.getit.realtime.port.in.PresenceUseCase;
import bd.com.getit.realtime.testsupport.HttpTestClient;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpHandlerRegistration;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpContainer;
import org.glassfish.jersey.server.ContainerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The REST handler builds Jersey's application on the first request that needs it, once however
 * many such requests arrive together; publishes served by the publish route never build it.
 */
class RestHttpHandlerTest {
  private final EventIngestUseCase ingest = mock(EventIngestUseCase.class);
  private final AtomicInteger builds = new AtomicInteger();
  private final AtomicInteger destroyed = new AtomicInteger();
  private HttpServer server;
  private HttpTestClient http;

  @BeforeEach
  void start() throws IOException {
    RestUseCases useCases =
        new RestUseCases(
            mock(PresenceUseCase.class),
            mock(ChatUseCase.class),
            mock(MessagingUseCase.class),
            mock(NotificationUseCase.class),
            ingest,
            mock(AdminUseCase.class),
            mock(AnnouncementUseCase.class));
    RestApiFixture.FixedTokens tokens = new RestApiFixture.FixedTokens();
    RestOptions options = new RestOptions(List.of(), 2_000);
    RestHttpHandler handler =
        new RestHttpHandler(
            new PublishRoute(ingest, new BearerAuth(tokens), options.maxBodyBytes()),
            () -> {
              builds.incrementAndGet();
              GrizzlyHttpContainer jersey =
                  ContainerFactory.createContainer(
                      GrizzlyHttpContainer.class,
                      RestApi.resourceConfig(useCases, tokens, options));
              return new HttpHandler() {
                @Override
                public void service(Request request, Response response) throws Exception {
                  jersey.service(request, response);
                }

                @Override
                public void start() {
                  jersey.start();
                }

                @Override
                public void destroy() {
                  destroyed.incrementAndGet();
                  jersey.destroy();
                }
              };
            });
    server = new HttpServer();
    NetworkListener listener = new NetworkListener("rest", "127.0.0.1", 0);
    server.addListener(listener);
    server
        .getServerConfiguration()
        .addHttpHandler(
            handler,
            HttpHandlerRegistration.builder()
                .contextPath(RestApi.BASE_PATH)
                .urlPattern("/*")
                .build());
    server.start();
    http = new HttpTestClient("http://127.0.0.1:" + listener.getPort() + RestApi.BASE_PATH);
  }

  @AfterEach
  void stop() {
    server.shutdownNow();
  }

  @Test
  void aPlainPublishIsServedWithoutBuildingJersey() {
    when(ingest.ingest(any()))
        .thenReturn(CompletableFuture.completedFuture(new Ingested(EventId.of("e-1"), false)));

    HttpTestClient.Reply r =
        http.post(
            "/events",
            ADMIN,
            "{\"id\":\"e-1\",\"event\":\"price_drop\",\"channel\":\"product:42\"}");

    assertThat(r.status()).as(r.body()).isEqualTo(202);
    assertThat(builds).hasValue(0);
  }

  @Test
  void concurrentFirstRequestsBuildJerseyOnceAndAllAreAnswered() throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(8);
    try {
      List<Future<HttpTestClient.Reply>> replies =
          clients.invokeAll(Collections.nCopies(8, () -> http.get("/openapi.json", null)));
      for (Future<HttpTestClient.Reply> reply : replies) {
        assertThat(reply.get().status()).as(reply.get().body()).isEqualTo(200);
        assertThat(reply.get().body()).contains("\"openapi\"");
      }
    } finally {
      clients.shutdownNow();
    }

    assertThat(http.get("/presence/u1", null).status()).isEqualTo(401);
    assertThat(builds).hasValue(1);
  }

  @Test
  void stoppingDestroysJerseyOnlyIfItWasBuilt() {
    server.shutdownNow();

    assertThat(builds).hasValue(0);
    assertThat(destroyed).hasValue(0);
  }

  @Test
  void stoppingDestroysTheBuiltJersey() {
    assertThat(http.get("/presence/u1", null).status()).isEqualTo(401);

    server.shutdownNow();

    assertThat(destroyed).hasValue(1);
  }
}

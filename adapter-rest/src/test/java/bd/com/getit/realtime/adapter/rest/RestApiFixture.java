package bd.com.getit.realtime.adapter.rest;

import static org.mockito.Mockito.mock;

import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.Principal;
import bd.com.getit.realtime.domain.RealtimeException;
import bd.com.getit.realtime.domain.Role;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.port.in.AdminUseCase;
import bd.com.getit.realtime.port.in.AnnouncementUseCase;
import bd.com.getit.realtime.port.in.ChatUseCase;
import bd.com.getit.realtime.port.in.EventIngestUseCase;
import bd.com.getit.realtime.port.in.MessagingUseCase;
import bd.com.getit.realtime.port.in.NotificationUseCase;
import bd.com.getit.realtime.port.in.PresenceUseCase;
import bd.com.getit.realtime.port.out.TokenVerifier;
import bd.com.getit.realtime.testsupport.HttpTestClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.glassfish.grizzly.http.server.HttpHandlerRegistration;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * The REST API on an in-process Grizzly server on a free loopback port, over mocked use cases and a
 * token verifier that knows a few fixed tokens.
 */
final class RestApiFixture implements AutoCloseable {
  private static final ObjectMapper READER = new ObjectMapper();

  /** A reply's body as JSON; a body that is not JSON fails the test, naming it. */
  static JsonNode json(HttpTestClient.Reply r) {
    try {
      return READER.readTree(r.body());
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + r.body(), e);
    }
  }

  static final String CUSTOMER = "token-customer";
  static final String ADMIN = "token-admin";
  static final String EXPIRED = "token-expired";

  final PresenceUseCase presence = mock(PresenceUseCase.class);
  final ChatUseCase chat = mock(ChatUseCase.class);
  final MessagingUseCase messaging = mock(MessagingUseCase.class);
  final NotificationUseCase notifications = mock(NotificationUseCase.class);
  final EventIngestUseCase ingest = mock(EventIngestUseCase.class);
  final AdminUseCase admin = mock(AdminUseCase.class);
  final AnnouncementUseCase announcements = mock(AnnouncementUseCase.class);
  final ResourceConfig config;
  final HttpServer server;
  final HttpTestClient http;

  RestApiFixture(List<String> corsOrigins, int maxBodyBytes) {
    RestUseCases useCases =
        new RestUseCases(presence, chat, messaging, notifications, ingest, admin, announcements);
    RestOptions options = new RestOptions(corsOrigins, maxBodyBytes);
    config = RestApi.resourceConfig(useCases, new FixedTokens(), options);
    // mounted as the server mounts it: the publish route in front of Jersey
    server = new HttpServer();
    NetworkListener listener = new NetworkListener("rest", "127.0.0.1", 0);
    server.addListener(listener);
    server
        .getServerConfiguration()
        .addHttpHandler(
            RestApi.httpHandler(useCases, new FixedTokens(), options),
            HttpHandlerRegistration.builder()
                .contextPath(RestApi.BASE_PATH)
                .urlPattern("/*")
                .build());
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int port = listener.getPort();
    http = new HttpTestClient("http://127.0.0.1:" + port + RestApi.BASE_PATH);
    buildJersey(port);
  }

  /**
   * Jersey's application is built by the first request that needs it: made here, with time to spare
   * on a loaded machine, so that no test's own request waits for the build.
   */
  private static void buildJersey(int port) {
    try {
      HttpResponse<Void> built =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(
                              "http://127.0.0.1:" + port + RestApi.BASE_PATH + "/presence/warm-up"))
                      .timeout(Duration.ofMinutes(2))
                      .build(),
                  HttpResponse.BodyHandlers.discarding());
      if (built.statusCode() != 401) {
        throw new IllegalStateException("Jersey answered " + built.statusCode() + ", not 401");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static Principal customer() {
    return Principal.of(UserId.of("u1"), Set.of(Role.CUSTOMER));
  }

  static Principal admin() {
    return Principal.of(UserId.of("root"), Set.of(Role.ADMIN));
  }

  @Override
  public void close() {
    server.shutdownNow();
  }

  static final class FixedTokens implements TokenVerifier {
    @Override
    public Principal verify(String token) {
      switch (token) {
        case CUSTOMER:
          return customer();
        case ADMIN:
          return admin();
        case EXPIRED:
          throw new RealtimeException(ErrorCode.AUTH_EXPIRED, "the token has expired");
        default:
          throw new RealtimeException(ErrorCode.AUTH_INVALID, "bad signature");
      }
    }

    @Override
    public boolean allowsSubscription(String token, UserId user, ChannelName channel) {
      return false;
    }
  }
}

package bd.com.getit.realtime.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;
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
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.mockito.stubbing.Answer;

/**
 * Fuzz target for the REST request bodies, through the whole Jersey pipeline in process (body
 * limit, authentication, Jackson with the API's mapper, Bean Validation, the resource's mapping to
 * a command, the failure mappers), without a network. The first byte of the input picks the
 * endpoint, the rest is the JSON body. Every use case refuses what reaches it (a command was built
 * from the body, which is what is fuzzed here), so a sound API answers every input with a 2xx, 4xx
 * or 404, never a 5xx: a 5xx is an unhandled exception and a finding. Seeds in {@code
 * RestBodyFuzzTestInputs/body/}.
 */
class RestBodyFuzzTest {

  private static final String TOKEN = "token-admin";
  private static final URI BASE = URI.create("http://localhost" + RestApi.BASE_PATH + "/");
  private static final List<String[]> ENDPOINTS =
      List.of(
          new String[] {"PUT", "presence"},
          new String[] {"POST", "chat/rooms"},
          new String[] {"POST", "chat/rooms/r1/join"},
          new String[] {"POST", "chat/rooms/r1/messages"},
          new String[] {"POST", "notifications"},
          new String[] {"POST", "events"},
          new String[] {"POST", "admin/announcements"});
  private static final Answer<Object> REFUSE =
      invocation -> {
        throw new RealtimeException(ErrorCode.NOT_FOUND, "refused by the fuzz fixture");
      };
  private static final ApplicationHandler API =
      new ApplicationHandler(
          RestApi.resourceConfig(
              new RestUseCases(
                  mock(PresenceUseCase.class, REFUSE),
                  mock(ChatUseCase.class, REFUSE),
                  mock(MessagingUseCase.class, REFUSE),
                  mock(NotificationUseCase.class, REFUSE),
                  mock(EventIngestUseCase.class, REFUSE),
                  mock(AdminUseCase.class, REFUSE),
                  mock(AnnouncementUseCase.class, REFUSE)),
              new AdminToken(),
              new RestOptions(List.of(), 64 * 1024)));

  @FuzzTest(maxDuration = "3m")
  void body(byte[] input) throws Exception {
    if (input.length == 0) {
      return;
    }
    String[] endpoint = ENDPOINTS.get(Byte.toUnsignedInt(input[0]) % ENDPOINTS.size());
    byte[] body = Arrays.copyOfRange(input, 1, input.length);
    ContainerRequest request =
        new ContainerRequest(
            BASE,
            BASE.resolve(endpoint[1]),
            endpoint[0],
            null,
            new MapPropertiesDelegate(),
            API.getConfiguration());
    request.header("Authorization", "Bearer " + TOKEN);
    request.header("Content-Type", "application/json");
    request.header("Content-Length", Integer.toString(body.length));
    request.setEntityStream(new ByteArrayInputStream(body));
    ContainerResponse response = API.apply(request).get();
    assertThat(response.getStatus())
        .as("%s %s answered %s", endpoint[0], endpoint[1], response.getEntity())
        .isBetween(200, 499);
  }

  /** One admin caller: the target is the body, not authentication. */
  private static final class AdminToken implements TokenVerifier {
    @Override
    public Principal verify(String token) {
      if (!TOKEN.equals(token)) {
        throw new RealtimeException(ErrorCode.AUTH_INVALID, "bad signature");
      }
      return Principal.of(UserId.of("root"), Set.of(Role.ADMIN));
    }

    @Override
    public boolean allowsSubscription(String token, UserId user, ChannelName channel) {
      return false;
    }
  }
}

package bd.com.getit.realtime.adapter.websocket.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;

import bd.com.getit.realtime.adapter.websocket.socketio.ConnectDecision;
import bd.com.getit.realtime.adapter.websocket.socketio.Handshake;
import bd.com.getit.realtime.adapter.websocket.socketio.NamespaceHandler.Ack;
import bd.com.getit.realtime.domain.Caller;
import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.Principal;
import bd.com.getit.realtime.domain.Role;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.json.JsonTrees;
import bd.com.getit.realtime.port.in.AuctionUseCase;
import bd.com.getit.realtime.port.in.ChannelUseCase;
import bd.com.getit.realtime.port.in.ChatUseCase;
import bd.com.getit.realtime.port.in.ConnectionUseCase;
import bd.com.getit.realtime.port.in.ConnectionUseCase.ConnectCommand;
import bd.com.getit.realtime.port.in.ConnectionUseCase.Session;
import bd.com.getit.realtime.port.in.MessagingUseCase;
import bd.com.getit.realtime.port.in.NotificationUseCase;
import bd.com.getit.realtime.port.in.PresenceUseCase;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** The namespace wired to mocked use cases, a real delivery registry and predictable ids. */
final class GatewayFixture {

  static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .setNodeFactory(JsonTrees.NODES);

  static final Principal CUSTOMER = Principal.of(UserId.of("u1"), Set.of(Role.CUSTOMER));

  final ConnectionUseCase connection = mock(ConnectionUseCase.class);
  final ChannelUseCase channels = mock(ChannelUseCase.class);
  final MessagingUseCase messaging = mock(MessagingUseCase.class);
  final PresenceUseCase presence = mock(PresenceUseCase.class);
  final ChatUseCase chat = mock(ChatUseCase.class);
  final NotificationUseCase notifications = mock(NotificationUseCase.class);
  final AuctionUseCase auctions = mock(AuctionUseCase.class);
  final SocketIoDelivery delivery = new SocketIoDelivery();
  final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final AtomicInteger nextId = new AtomicInteger();
  final RealtimeNamespace namespace;

  GatewayFixture() {
    this(true);
  }

  /** {@code withAuctions} false: a core without an auction store. */
  GatewayFixture(boolean withAuctions) {
    namespace =
        new RealtimeNamespace(
            new GatewayUseCases(
                connection,
                channels,
                messaging,
                presence,
                chat,
                notifications,
                withAuctions ? Optional.of(auctions) : Optional.empty()),
            delivery,
            () -> "conn-" + nextId.incrementAndGet(),
            clock,
            Duration.ofSeconds(60));
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  static ObjectNode object(String text) {
    return (ObjectNode) json(text);
  }

  static Handshake handshake(
      String auth, Map<String, List<String>> headers, Map<String, List<String>> query) {
    return new Handshake(
        "eio-1",
        RealtimeNamespace.NAME,
        object(auth),
        query,
        headers,
        "203.0.113.7",
        "websocket",
        Optional.empty(),
        Optional.empty());
  }

  static Handshake recovering(String pid, String offset) {
    return new Handshake(
        "eio-1",
        RealtimeNamespace.NAME,
        object("{}"),
        Map.of(),
        Map.of(),
        "203.0.113.7",
        "polling",
        Optional.ofNullable(pid),
        Optional.ofNullable(offset));
  }

  /** Lets every CONNECT in as {@code principal}, echoing the command's connection id. */
  void acceptAs(Principal principal) {
    // doAnswer/doReturn: re-stubbing must not call the mock (a second connectCustomer does).
    doAnswer(
            call -> {
              ConnectCommand command = call.getArgument(0);
              return CompletableFuture.completedFuture(
                  new Session(
                      command.connection(),
                      principal,
                      List.of(),
                      "pid-" + command.connection().value(),
                      command.recovery().isPresent()));
            })
        .when(connection)
        .connect(any());
    doReturn(CompletableFuture.completedFuture(null)).when(connection).activate(any());
    doReturn(CompletableFuture.completedFuture(null)).when(connection).disconnect(any());
  }

  /** Connects a customer socket through authorize and onConnect. */
  FakeSioSocket connectCustomer() {
    acceptAs(CUSTOMER);
    ConnectDecision decision =
        namespace.authorize(handshake("{}", Map.of(), Map.of())).toCompletableFuture().join();
    assertThat(decision.accepted()).isTrue();
    FakeSioSocket socket = new FakeSioSocket(decision.socketId());
    namespace.onConnect(socket);
    return socket;
  }

  static Caller callerOf(FakeSioSocket socket) {
    return Caller.of(CUSTOMER, ConnectionId.of(socket.id()));
  }

  /** An ack callback that records what it was sent. */
  static final class RecordingAck implements Ack {
    final List<List<JsonNode>> sent = new CopyOnWriteArrayList<>();

    @Override
    public void send(List<JsonNode> args) {
      sent.add(new ArrayList<>(args));
    }

    /** The only ack sent, as compact JSON. */
    String only() {
      assertThat(sent).hasSize(1);
      assertThat(sent.get(0)).hasSize(1);
      return sent.get(0).get(0).toString();
    }
  }
}

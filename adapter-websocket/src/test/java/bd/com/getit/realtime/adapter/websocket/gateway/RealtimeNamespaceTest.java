package bd.com.getit.realtime.adapter.websocket.gateway;

import static bd.com.getit.realtime.adapter.websocket.gateway.GatewayFixture.CUSTOMER;
import static bd.com.getit.realtime.adapter.websocket.gateway.GatewayFixture.handshake;
import static bd.com.getit.realtime.adapter.websocket.gateway.GatewayFixture.recovering;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import bd.com.getit.realtime.adapter.websocket.socketio.ConnectDecision;
import bd.com.getit.realtime.adapter.websocket.socketio.Handshake;
import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.RealtimeException;
import bd.com.getit.realtime.domain.StreamOffset;
import bd.com.getit.realtime.port.in.ConnectionUseCase.ConnectCommand;
import bd.com.getit.realtime.port.in.ConnectionUseCase.DisconnectCommand;
import bd.com.getit.realtime.port.in.ConnectionUseCase.Recovery;
import bd.com.getit.realtime.port.in.ConnectionUseCase.Session;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mockito.ArgumentCaptor;

/**
 * The namespace lifecycle: token precedence, recovery, CONNECT decisions, connect and disconnect.
 */
class RealtimeNamespaceTest {

  private final GatewayFixture gateway = new GatewayFixture();

  private ConnectCommand connectWith(Handshake handshake) {
    gateway.acceptAs(CUSTOMER);
    gateway.namespace.authorize(handshake).toCompletableFuture().join();
    ArgumentCaptor<ConnectCommand> command = ArgumentCaptor.forClass(ConnectCommand.class);
    verify(gateway.connection).connect(command.capture());
    return command.getValue();
  }

  private ConnectDecision rejectWith(Throwable failure) {
    when(gateway.connection.connect(any())).thenReturn(CompletableFuture.failedFuture(failure));
    return gateway
        .namespace
        .authorize(handshake("{\"token\":\"t\"}", Map.of(), Map.of()))
        .toCompletableFuture()
        .join();
  }

  @Test
  void theBusyReplyIsARateLimitedFailureWithARetryHint() {
    List<com.fasterxml.jackson.databind.JsonNode> reply = gateway.namespace.busyReply();

    assertThat(reply).hasSize(1);
    assertThat(reply.get(0).path("ok").asBoolean(true)).isFalse();
    assertThat(reply.get(0).path("error").path("code").asText()).isEqualTo("RATE_LIMITED");
    assertThat(reply.get(0).path("error").path("retry_after_ms").asLong())
        .isEqualTo(RealtimeNamespace.BUSY_RETRY_MS);
  }

  @Test
  void theAuthTokenComesFirst() {
    ConnectCommand command =
        connectWith(
            handshake(
                "{\"token\":\"from-auth\"}",
                Map.of("authorization", List.of("Bearer from-header")),
                Map.of("token", List.of("from-query"))));

    assertThat(command.token()).contains("from-auth");
  }

  @Test
  void theBearerHeaderComesBeforeTheQuery() {
    ConnectCommand command =
        connectWith(
            handshake(
                "{}",
                Map.of("authorization", List.of("bearer from-header")),
                Map.of("token", List.of("from-query"))));

    assertThat(command.token()).contains("from-header");
  }

  @Test
  void theQueryTokenIsTheLastResort() {
    ConnectCommand command =
        connectWith(
            handshake(
                "{\"token\":\"\"}",
                Map.of("authorization", List.of("Basic dXNlcjpwYXNz")),
                Map.of("token", List.of("from-query"))));

    assertThat(command.token()).contains("from-query");
  }

  @Test
  void noTokenAnywhereMeansAGuestAttempt() {
    ConnectCommand command = connectWith(handshake("{\"token\":42}", Map.of(), Map.of()));

    assertThat(command.token()).isEmpty();
  }

  @Test
  void passesTheClientAddressTransportAndAFreshId() {
    ConnectCommand command = connectWith(handshake("{}", Map.of(), Map.of()));

    assertThat(command.clientAddress()).isEqualTo("203.0.113.7");
    assertThat(command.transport()).isEqualTo("websocket");
    assertThat(command.connection()).isEqualTo(ConnectionId.of("conn-1"));
    assertThat(command.recovery()).isEmpty();
  }

  @Test
  void passesRecoveryThroughAndReportsIt() {
    gateway.acceptAs(CUSTOMER);

    ConnectDecision decision =
        gateway.namespace.authorize(recovering("old-pid", "17-3")).toCompletableFuture().join();

    ArgumentCaptor<ConnectCommand> command = ArgumentCaptor.forClass(ConnectCommand.class);
    verify(gateway.connection).connect(command.capture());
    assertThat(command.getValue().recovery())
        .contains(new Recovery("old-pid", new StreamOffset("17-3")));
    assertThat(decision.accepted()).isTrue();
    assertThat(decision.socketId()).isEqualTo("conn-1");
    assertThat(decision.pid()).contains("pid-conn-1");
    assertThat(decision.recovered()).isTrue();
  }

  @Test
  void aRecoveredSessionKeepsItsPreviousSocketId() {
    when(gateway.connection.connect(any()))
        .thenReturn(
            CompletableFuture.completedFuture(
                new Session(ConnectionId.of("old-socket"), CUSTOMER, List.of(), "old-pid", true)));
    when(gateway.connection.activate(any())).thenReturn(CompletableFuture.completedFuture(null));

    ConnectDecision decision =
        gateway.namespace.authorize(recovering("old-pid", "17-3")).toCompletableFuture().join();
    FakeSioSocket socket = new FakeSioSocket(decision.socketId());
    gateway.namespace.onConnect(socket);

    assertThat(decision)
        .isEqualTo(ConnectDecision.accept("old-socket", Optional.of("old-pid"), true));
    assertThat(gateway.delivery.socket(ConnectionId.of("old-socket"))).containsSame(socket);
    verify(gateway.connection).activate(ConnectionId.of("old-socket"));
  }

  @Test
  void aConnectCompletingWithoutASessionIsRejectedAsInternal() {
    when(gateway.connection.connect(any())).thenReturn(CompletableFuture.completedFuture(null));

    ConnectDecision decision =
        gateway
            .namespace
            .authorize(handshake("{}", Map.of(), Map.of()))
            .toCompletableFuture()
            .join();

    assertThat(decision.error().get("data").get("code").asText()).isEqualTo("INTERNAL");
  }

  @Test
  void ignoresAMalformedRecoveryOffset() {
    ConnectCommand command = connectWith(recovering("old-pid", "x".repeat(65)));

    assertThat(command.recovery()).isEmpty();
  }

  @Test
  void ignoresRecoveryWithoutAnOffset() {
    ConnectCommand command = connectWith(recovering("old-pid", null));

    assertThat(command.recovery()).isEmpty();
  }

  @Test
  void acceptsWithTheSessionPid() {
    gateway.acceptAs(CUSTOMER);

    ConnectDecision decision =
        gateway
            .namespace
            .authorize(handshake("{}", Map.of(), Map.of()))
            .toCompletableFuture()
            .join();

    assertThat(decision)
        .isEqualTo(ConnectDecision.accept("conn-1", Optional.of("pid-conn-1"), false));
  }

  @ParameterizedTest
  @EnumSource(
      value = ErrorCode.class,
      names = {"AUTH_INVALID", "AUTH_EXPIRED", "AUTH_REQUIRED"})
  void rejectsBadTokensAsUnauthorized(ErrorCode code) {
    ConnectDecision decision = rejectWith(new RealtimeException(code, "detail"));

    assertThat(decision.accepted()).isFalse();
    assertThat(decision.error().toString())
        .isEqualTo("{\"message\":\"unauthorized\",\"data\":{\"code\":\"" + code.name() + "\"}}");
  }

  @Test
  void rejectsOtherFailuresWithTheirEnglishMessage() {
    ConnectDecision decision =
        rejectWith(new RealtimeException(ErrorCode.CONNECTION_LIMIT, "10 live connections"));

    assertThat(decision.error().toString())
        .isEqualTo(
            "{\"message\":\"Too many connections\",\"data\":{\"code\":\"CONNECTION_LIMIT\"}}");
  }

  @Test
  void rejectsRateLimitedConnectsWithTheRetryDelay() {
    ConnectDecision decision =
        rejectWith(
            new java.util.concurrent.CompletionException(
                new RealtimeException(ErrorCode.RATE_LIMITED, null, 1500)));

    assertThat(decision.error().toString())
        .isEqualTo(
            "{\"message\":\"Too many requests, please slow down\","
                + "\"data\":{\"code\":\"RATE_LIMITED\",\"retry_after_ms\":1500}}");
  }

  @Test
  void rejectsConnectsOverTheAddressLimitWithTheRetryDelay() {
    ConnectDecision decision =
        rejectWith(
            new RealtimeException(
                ErrorCode.CONNECTION_LIMIT, "too many new connections from this address", 41_250));

    assertThat(decision.error().toString())
        .isEqualTo(
            "{\"message\":\"Too many connections\","
                + "\"data\":{\"code\":\"CONNECTION_LIMIT\",\"retry_after_ms\":41250}}");
  }

  @Test
  void rejectsUnexpectedFailuresAsInternal() {
    ConnectDecision decision = rejectWith(new IllegalStateException("redis is down at 10.0.0.5"));

    assertThat(decision.error().toString())
        .isEqualTo(
            "{\"message\":\"Something went wrong on our side\",\"data\":{\"code\":\"INTERNAL\"}}");
  }

  @Test
  void aConnectThatThrowsIsRejectedAsInternal() {
    when(gateway.connection.connect(any())).thenThrow(new IllegalStateException("boom"));

    ConnectDecision decision =
        gateway
            .namespace
            .authorize(handshake("{}", Map.of(), Map.of()))
            .toCompletableFuture()
            .join();

    assertThat(decision.accepted()).isFalse();
    assertThat(decision.error().get("data").get("code").asText()).isEqualTo("INTERNAL");
  }

  @Test
  void onConnectAttachesTheSessionRegistersAndActivates() {
    FakeSioSocket socket = gateway.connectCustomer();

    ConnectionId id = ConnectionId.of(socket.id());
    assertThat(RealtimeNamespace.session(socket))
        .hasValueSatisfying(s -> assertThat(s.principal()).isEqualTo(CUSTOMER));
    assertThat(gateway.delivery.socket(id)).containsSame(socket);
    verify(gateway.connection).activate(id);
  }

  @Test
  void aSocketThatWasNeverAcceptedIsDisconnected() {
    FakeSioSocket stranger = new FakeSioSocket("stranger");

    gateway.namespace.onConnect(stranger);

    assertThat(stranger.disconnects).hasValue(1);
    assertThat(gateway.delivery.size()).isZero();
    verify(gateway.connection, never()).activate(any());
  }

  @Test
  void aTransportLossIsRecoverable() {
    FakeSioSocket socket = gateway.connectCustomer();

    gateway.namespace.onDisconnect(socket, "transport close");

    assertThat(gateway.delivery.size()).isZero();
    verify(gateway.connection)
        .disconnect(new DisconnectCommand(ConnectionId.of(socket.id()), "transport close", true));
  }

  @Test
  void leavingOnPurposeIsNotRecoverable() {
    FakeSioSocket left = gateway.connectCustomer();
    FakeSioSocket kicked = gateway.connectCustomer();

    gateway.namespace.onDisconnect(left, "client namespace disconnect");
    gateway.namespace.onDisconnect(kicked, "server namespace disconnect");

    verify(gateway.connection)
        .disconnect(
            new DisconnectCommand(
                ConnectionId.of(left.id()), "client namespace disconnect", false));
    verify(gateway.connection)
        .disconnect(
            new DisconnectCommand(
                ConnectionId.of(kicked.id()), "server namespace disconnect", false));
  }

  @Test
  void aDisconnectOfAnUnknownSocketIsIgnored() {
    gateway.namespace.onDisconnect(new FakeSioSocket("stranger"), "transport close");

    verify(gateway.connection, never()).disconnect(any());
  }

  @Test
  void anAcceptedConnectWhoseSocketNeverCameIsEnded() {
    gateway.acceptAs(CUSTOMER);
    gateway.namespace.authorize(handshake("{}", Map.of(), Map.of())).toCompletableFuture().join();
    gateway.clock.advance(Duration.ofSeconds(61));

    gateway.namespace.authorize(handshake("{}", Map.of(), Map.of())).toCompletableFuture().join();
    FakeSioSocket late = new FakeSioSocket("conn-1");
    gateway.namespace.onConnect(late);

    verify(gateway.connection)
        .disconnect(new DisconnectCommand(ConnectionId.of("conn-1"), "transport close", false));
    assertThat(late.disconnects).hasValue(1);
  }

  @Test
  void aPendingConnectWithinTheTimeoutIsKept() {
    gateway.acceptAs(CUSTOMER);
    gateway.namespace.authorize(handshake("{}", Map.of(), Map.of())).toCompletableFuture().join();
    gateway.clock.advance(Duration.ofSeconds(59));

    gateway.namespace.authorize(handshake("{}", Map.of(), Map.of())).toCompletableFuture().join();
    FakeSioSocket socket = new FakeSioSocket("conn-1");
    gateway.namespace.onConnect(socket);

    verify(gateway.connection, never()).disconnect(any());
    assertThat(socket.disconnects).hasValue(0);
  }
}

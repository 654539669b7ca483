package bd.com.getit.realtime.adapter.websocket.socketio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.ArgumentMatchers.notNull;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

/** The Socket.IO server's behaviour on the wire, through a fake engine session. */
class SocketIoServerTest {

  private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(45_000);

  private final ManualScheduler scheduler = new ManualScheduler();
  private NamespaceHandler main;
  private NamespaceHandler custom;
  private SocketIoServer server;
  private FakeEngineSocket engine;

  @BeforeEach
  void setUp() {
    main = acceptingHandler("main-1", Optional.empty());
    custom = acceptingHandler("custom-1", Optional.empty());
    server = newServer(SocketIoOptions.defaults());
    engine = new FakeEngineSocket(server).open();
  }

  private SocketIoServer newServer(SocketIoOptions options) {
    return new SocketIoServer(
        options, Map.of("/", main, "/custom", custom), scheduler, ClientWorkersTest.callerRuns());
  }

  private static NamespaceHandler acceptingHandler(String socketId, Optional<String> pid) {
    NamespaceHandler handler = mock(NamespaceHandler.class);
    when(handler.authorize(any()))
        .thenReturn(
            CompletableFuture.completedFuture(ConnectDecision.accept(socketId, pid, false)));
    return handler;
  }

  private static JsonNode json(String text) {
    try {
      return SocketIoCodec.JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static SioSocket connectedSocket(NamespaceHandler handler) {
    ArgumentCaptor<SioSocket> socket = ArgumentCaptor.forClass(SioSocket.class);
    verify(handler).onConnect(socket.capture());
    return socket.getValue();
  }

  private static Handshake handshakeOf(NamespaceHandler handler) {
    ArgumentCaptor<Handshake> handshake = ArgumentCaptor.forClass(Handshake.class);
    verify(handler).authorize(handshake.capture());
    return handshake.getValue();
  }

  @SuppressWarnings("unchecked")
  private static List<JsonNode> argsOfEvent(NamespaceHandler handler, String event) {
    ArgumentCaptor<List<JsonNode>> args = ArgumentCaptor.forClass(List.class);
    verify(handler).onEvent(any(), eq(event), args.capture(), any());
    return args.getValue();
  }

  private static NamespaceHandler.Ack ackOfEvent(NamespaceHandler handler, String event) {
    ArgumentCaptor<NamespaceHandler.Ack> ack = ArgumentCaptor.forClass(NamespaceHandler.Ack.class);
    verify(handler).onEvent(any(), eq(event), anyList(), ack.capture());
    return ack.getValue();
  }

  // ------------------------------------------------------------------ connect

  @Test
  void connectsToTheMainNamespace() {
    engine.receive("0");

    assertThat(engine.texts()).containsExactly("0{\"sid\":\"main-1\"}");
    SioSocket socket = connectedSocket(main);
    assertThat(socket.id()).isEqualTo("main-1");
    assertThat(socket.namespace()).isEqualTo("/");
    assertThat(socket.engine()).isSameAs(engine);
    verifyNoInteractions(custom);
  }

  @Test
  void connectsToACustomNamespace() {
    engine.receive("0/custom,");

    assertThat(engine.texts()).containsExactly("0/custom,{\"sid\":\"custom-1\"}");
    assertThat(connectedSocket(custom).namespace()).isEqualTo("/custom");
    // the registered name, not the copy parsed from this packet, stays with the socket
    assertThat(connectedSocket(custom).namespace()).isSameAs("/custom");
  }

  @Test
  void sendsTheConnectReplyBeforeTheHandlerHearsOfTheSocket() {
    NamespaceHandler handler = acceptingHandler("s", Optional.empty());
    when(handler.authorize(any()))
        .thenReturn(
            CompletableFuture.completedFuture(
                ConnectDecision.accept("s", Optional.empty(), false)));
    org.mockito.Mockito.doAnswer(
            invocation -> {
              assertThat(engine.texts()).containsExactly("0/custom,{\"sid\":\"s\"}");
              return null;
            })
        .when(handler)
        .onConnect(any());
    server =
        new SocketIoServer(
            SocketIoOptions.defaults(),
            Map.of("/custom", handler),
            scheduler,
            ClientWorkersTest.callerRuns());
    engine = new FakeEngineSocket(server).open();

    engine.receive("0/custom,");

    verify(handler).onConnect(any());
  }

  @Test
  void refusesAnUnknownNamespaceAsNodeDoes() {
    engine.receive("0/random");

    assertThat(engine.texts()).containsExactly("4/random,{\"message\":\"Invalid namespace\"}");
    assertThat(engine.isOpen()).isTrue();
    verifyNoInteractions(main, custom);
  }

  @Test
  void passesTheAuthPayloadAndSessionDataToTheHandler() {
    AtomicReference<Handshake> duringConnect = new AtomicReference<>();
    doAnswer(
            call -> {
              duringConnect.set(call.<SioSocket>getArgument(0).handshake());
              return null;
            })
        .when(custom)
        .onConnect(any());
    engine.receive("0/custom,{\"token\":\"abc\",\"n\":1}");

    Handshake handshake = handshakeOf(custom);
    assertThat(handshake.auth()).isEqualTo(json("{\"token\":\"abc\",\"n\":1}"));
    assertThat(handshake.namespace()).isEqualTo("/custom");
    assertThat(handshake.engineId()).isEqualTo("engine-1");
    assertThat(handshake.remoteAddress()).isEqualTo("203.0.113.7");
    assertThat(handshake.transport()).isEqualTo("websocket");
    assertThat(handshake.query()).containsEntry("EIO", List.of("4"));
    assertThat(handshake.headers()).containsEntry("user-agent", List.of("test"));
    assertThat(handshake.recoveryPid()).isEmpty();
    assertThat(duringConnect.get()).isEqualTo(handshake);
    // a live socket does not keep its handshake (the auth holds the token) past onConnect
    assertThatThrownBy(() -> connectedSocket(custom).handshake())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("onConnect");
  }

  @Test
  void givesAnEmptyAuthObjectWhenTheConnectHasNoPayload() {
    engine.receive("0");

    assertThat(handshakeOf(main).auth()).isEqualTo(json("{}"));
  }

  @Test
  void readsTheRecoveryPidAndOffsetWhenRecoveryIsOn() {
    main = acceptingHandler("main-1", Optional.of("pid-2"));
    engine =
        new FakeEngineSocket(newServer(SocketIoOptions.builder().recoveryEnabled(true).build()));
    engine.open().receive("0{\"token\":\"t\",\"pid\":\"pid-1\",\"offset\":\"off-9\"}");

    Handshake handshake = handshakeOf(main);
    assertThat(handshake.recoveryPid()).contains("pid-1");
    assertThat(handshake.recoveryOffset()).contains("off-9");
    assertThat(handshake.auth().get("token").textValue()).isEqualTo("t");
    assertThat(engine.texts()).containsExactly("0{\"sid\":\"main-1\",\"pid\":\"pid-2\"}");
  }

  @Test
  void ignoresRecoveryKeysWhenRecoveryIsOff() {
    engine.receive("0{\"pid\":\"pid-1\",\"offset\":\"off-9\"}");

    Handshake handshake = handshakeOf(main);
    assertThat(handshake.recoveryPid()).isEmpty();
    assertThat(handshake.recoveryOffset()).isEmpty();
  }

  @Test
  void sendsTheHandlersRejectionAsConnectError() {
    when(custom.authorize(any()))
        .thenReturn(
            CompletableFuture.completedFuture(
                ConnectDecision.reject(
                    json("{\"message\":\"unauthorized\",\"data\":{\"code\":\"AUTH_INVALID\"}}"))));

    engine.receive("0/custom,{\"token\":\"bad\"}");

    assertThat(engine.texts())
        .containsExactly(
            "4/custom,{\"message\":\"unauthorized\",\"data\":{\"code\":\"AUTH_INVALID\"}}");
    verify(custom, never()).onConnect(any());
    assertThat(engine.isOpen()).isTrue();
  }

  @Test
  void answersAFailedAuthorizationWithConnectError() {
    when(custom.authorize(any())).thenThrow(new IllegalStateException("boom"));

    engine.receive("0/custom,");

    assertThat(engine.texts()).containsExactly("4/custom,{\"message\":\"Internal error\"}");
    verify(custom, never()).onConnect(any());
  }

  @Test
  void waitsForAnAsynchronousAuthorization() {
    CompletableFuture<ConnectDecision> decision = new CompletableFuture<>();
    when(custom.authorize(any())).thenReturn(decision);

    engine.receive("0/custom,");
    assertThat(engine.texts()).isEmpty();
    decision.complete(ConnectDecision.accept("late", Optional.empty(), false));

    assertThat(engine.texts()).containsExactly("0/custom,{\"sid\":\"late\"}");
    assertThat(connectedSocket(custom).id()).isEqualTo("late");
  }

  @Test
  void dropsAnAuthorizationThatCompletesAfterTheSessionClosed() {
    CompletableFuture<ConnectDecision> decision = new CompletableFuture<>();
    when(custom.authorize(any())).thenReturn(decision);

    engine.receive("0/custom,");
    engine.drop("transport close");
    decision.complete(ConnectDecision.accept("late", Optional.empty(), false));

    verify(custom, never()).onConnect(any());
    verify(custom, never()).onDisconnect(any(), anyString());
  }

  @Test
  void multiplexesNamespacesOnOneSession() {
    engine.receive("0").receive("0/custom,");
    engine.receive("2[\"a\",1]").receive("2/custom,[\"b\",2]");

    assertThat(argsOfEvent(main, "a")).containsExactly(json("1"));
    assertThat(argsOfEvent(custom, "b")).containsExactly(json("2"));
    verify(main, never()).onEvent(any(), eq("b"), anyList(), any());
  }

  // ------------------------------------------------------------------ connect timeout

  @Test
  void closesASessionThatJoinsNoNamespaceInTime() {
    scheduler.advance(CONNECT_TIMEOUT.minusMillis(1));
    assertThat(engine.isOpen()).isTrue();

    scheduler.advance(Duration.ofMillis(1));

    assertThat(engine.isOpen()).isFalse();
  }

  @Test
  void keepsASessionThatJoinedANamespace() {
    engine.receive("0");

    scheduler.advance(CONNECT_TIMEOUT.multipliedBy(2));

    assertThat(engine.isOpen()).isTrue();
    assertThat(scheduler.pending()).isZero();
  }

  @Test
  void aRejectedConnectDoesNotStopTheConnectTimer() {
    engine.receive("0/random");

    scheduler.advance(CONNECT_TIMEOUT);

    assertThat(engine.isOpen()).isFalse();
  }

  @Test
  void honoursAConfiguredConnectTimeout() {
    engine =
        new FakeEngineSocket(
                newServer(SocketIoOptions.builder().connectTimeout(Duration.ofSeconds(1)).build()))
            .open();

    scheduler.advance(Duration.ofSeconds(1));

    assertThat(engine.isOpen()).isFalse();
  }

  // ------------------------------------------------------------------ events and acks

  @Test
  void deliversAnEventWithoutAckAsNullAck() {
    engine.receive("0").receive("2[\"message\",1,\"2\",{\"3\":[true]}]");

    SioSocket socket = connectedSocket(main);
    verify(main)
        .onEvent(
            eq(socket),
            eq("message"),
            eq(List.of(json("1"), json("\"2\""), json("{\"3\":[true]}"))),
            isNull());
  }

  @Test
  void acknowledgesAClientEventWithItsIdOnce() {
    engine.receive("0/custom,").receive("2/custom,456[\"message-with-ack\",1]");
    engine.clearSent();
    NamespaceHandler.Ack ack = ackOfEvent(custom, "message-with-ack");

    ack.send(List.of(json("{\"ok\":true}")));
    ack.send(List.of(json("{\"ok\":false}")));

    assertThat(engine.texts()).containsExactly("3/custom,456[{\"ok\":true}]");
  }

  @Test
  void acknowledgesWithJsonTheHandlerWroteOnceAsTheTreeWouldBe() {
    engine.receive("0/custom,").receive("2/custom,456[\"message-with-ack\",1]");
    engine.clearSent();
    NamespaceHandler.Ack ack = ackOfEvent(custom, "message-with-ack");

    ack.sendJson(new StringBuilder("{\"ok\":true,\"id\":\"m-\u00e9\"}"));
    ack.send(List.of(json("{\"ok\":false}")));

    assertThat(engine.texts()).containsExactly("3/custom,456[{\"ok\":true,\"id\":\"m-\u00e9\"}]");
  }

  @Test
  void offersAPlainEventUndecodedToItsHandlerFirst() {
    when(custom.onEventText(any(), anyString(), anyInt(), any())).thenReturn(true);

    engine.receive("0/custom,").receive("2/custom,7[\"e\",{\"a\":1}]");

    verify(custom).onEventText(any(), eq("2/custom,7[\"e\",{\"a\":1}]"), eq(10), notNull());
    verify(custom, never()).onEvent(any(), any(), any(), any());
  }

  @Test
  void aPlainEventTheHandlerLeavesIsDecodedAsUsual() {
    engine.receive("0/custom,").receive("2/custom,[\"e\",{\"a\":1}]");

    verify(custom).onEventText(any(), eq("2/custom,[\"e\",{\"a\":1}]"), eq(9), isNull());
    verify(custom).onEvent(any(), eq("e"), eq(List.of(json("{\"a\":1}"))), isNull());
  }

  @Test
  void acknowledgesWithTheLargestAckId() {
    engine.receive("0").receive("29007199254740991[\"e\"]");
    engine.clearSent();

    ackOfEvent(main, "e").send(List.of());

    assertThat(engine.texts()).containsExactly("39007199254740991[]");
  }

  @Test
  void completesAServerEmitWhenTheClientAcknowledges() throws Exception {
    engine.receive("0/custom,");
    engine.clearSent();
    SioSocket socket = connectedSocket(custom);

    CompletableFuture<List<JsonNode>> first =
        socket.emitWithAck("question", List.of(json("1")), Duration.ofSeconds(5));
    CompletableFuture<List<JsonNode>> second =
        socket.emitWithAck("other", List.of(), Duration.ofSeconds(5));
    assertThat(engine.texts())
        .containsExactly("2/custom,0[\"question\",1]", "2/custom,1[\"other\"]");

    engine.receive("3/custom,1[\"b\"]").receive("3/custom,0[\"a\",2]");

    assertThat(first.get()).containsExactly(json("\"a\""), json("2"));
    assertThat(second.get()).containsExactly(json("\"b\""));
    assertThat(scheduler.pending()).as("timers cancelled").isZero();
  }

  @Test
  void ignoresAnAckWithAnUnknownId() {
    engine.receive("0").receive("35[\"x\"]");

    assertThat(engine.isOpen()).isTrue();
  }

  @Test
  void failsAServerEmitThatIsNotAcknowledgedInTime() {
    engine.receive("0");
    SioSocket socket = connectedSocket(main);

    CompletableFuture<List<JsonNode>> answer =
        socket.emitWithAck("question", List.of(), Duration.ofSeconds(5));
    scheduler.advance(Duration.ofSeconds(5));
    engine.receive("30[\"too late\"]");

    assertThat(answer)
        .failsWithin(Duration.ZERO)
        .withThrowableOfType(ExecutionException.class)
        .withCauseInstanceOf(TimeoutException.class);
  }

  @Test
  void boundsThePendingAcksOfASocket() {
    engine = new FakeEngineSocket(newServer(SocketIoOptions.builder().maxPendingAcks(2).build()));
    engine.open().receive("0");
    SioSocket socket = connectedSocket(main);

    socket.emitWithAck("a", List.of(), Duration.ofSeconds(5));
    socket.emitWithAck("b", List.of(), Duration.ofSeconds(5));
    CompletableFuture<List<JsonNode>> third =
        socket.emitWithAck("c", List.of(), Duration.ofSeconds(5));

    assertThat(third).isCompletedExceptionally();
    assertThat(engine.texts()).hasSize(3); // connect reply and two events
  }

  @Test
  void failsPendingAcksWhenTheSocketLeaves() {
    engine.receive("0");
    CompletableFuture<List<JsonNode>> answer =
        connectedSocket(main).emitWithAck("q", List.of(), Duration.ofSeconds(5));

    engine.drop("transport close");

    assertThat(answer)
        .failsWithin(Duration.ZERO)
        .withThrowableOfType(ExecutionException.class)
        .withCauseInstanceOf(IllegalStateException.class);
  }

  @Test
  void failsAnEmitWithAckThatTheSendQueueRefuses() {
    engine.receive("0");
    SioSocket socket = connectedSocket(main);
    engine.refuseSends();

    assertThat(socket.emitWithAck("q", List.of(), Duration.ofSeconds(5)))
        .isCompletedExceptionally();
    assertThat(socket.emit("q", List.of())).isFalse();
  }

  // ------------------------------------------------------------------ binary

  @Test
  void reassemblesABinaryEventWithTwoAttachments() {
    engine.receive("0/custom,");
    engine
        .receive(
            "52-/custom,[\"upload\",{\"_placeholder\":true,\"num\":0},"
                + "{\"meta\":{\"_placeholder\":true,\"num\":1}}]")
        .receive(new byte[] {1, 2, 3});
    verify(custom, never()).onEvent(any(), anyString(), anyList(), any());

    engine.receive(new byte[] {4, 5, 6});

    List<JsonNode> args = argsOfEvent(custom, "upload");
    assertThat(args.get(0).isBinary()).isTrue();
    assertThat(((BinaryNode) args.get(0)).binaryValue()).containsExactly(1, 2, 3);
    assertThat(((BinaryNode) args.get(1).get("meta")).binaryValue()).containsExactly(4, 5, 6);
  }

  @Test
  void sendsABinaryAckWithItsAttachmentsAtomically() {
    engine.receive("0").receive("51-789[\"up\",{\"_placeholder\":true,\"num\":0}]");
    engine.receive(new byte[] {7});
    engine.clearSent();

    ackOfEvent(main, "up").send(List.of(BinaryNode.valueOf(new byte[] {8, 9})));

    List<Object> sent = engine.sent();
    assertThat(sent).hasSize(2);
    assertThat(sent.get(0)).isEqualTo("61-789[{\"_placeholder\":true,\"num\":0}]");
    assertThat((byte[]) sent.get(1)).containsExactly(8, 9);
  }

  @Test
  void completesAServerEmitWithABinaryAck() throws Exception {
    engine.receive("0");
    CompletableFuture<List<JsonNode>> answer =
        connectedSocket(main).emitWithAck("q", List.of(), Duration.ofSeconds(5));

    engine.receive("61-0[{\"_placeholder\":true,\"num\":0}]").receive(new byte[] {5});

    assertThat(answer.get().get(0).binaryValue()).containsExactly(5);
  }

  @Test
  void emitsBinaryArgumentsAsABinaryEvent() {
    engine.receive("0/custom,");
    engine.clearSent();

    connectedSocket(custom)
        .emit("file", List.of(json("\"name\""), BinaryNode.valueOf(new byte[] {1})));

    List<Object> sent = engine.sent();
    assertThat(sent.get(0))
        .isEqualTo("51-/custom,[\"file\",\"name\",{\"_placeholder\":true,\"num\":0}]");
    assertThat((byte[]) sent.get(1)).containsExactly(1);
  }

  // ------------------------------------------------------------------ malformed and state

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "abc",
        "2{}",
        "2abc[\"message-with-ack\",1]",
        "29007199254740992[\"x\"]",
        "2[\"disconnect\"]",
        "0[]",
        "1{}",
        "511-[\"x\"]"
      })
  void closesTheSessionOnAMalformedPacket(String packet) {
    engine.receive("0");
    SioSocket socket = connectedSocket(main);

    engine.receive(packet);

    assertThat(engine.isOpen()).isFalse();
    verify(main).onDisconnect(socket, "forced close");
    verify(main, never()).onEvent(any(), anyString(), anyList(), any());
  }

  @Test
  void closesTheSessionOnAnUnexpectedAttachment() {
    engine.receive("0").receive(new byte[] {1});

    assertThat(engine.isOpen()).isFalse();
  }

  @Test
  void closesTheSessionOnTextWhileAttachmentsAreExpected() {
    engine.receive("0").receive("51-[\"x\",{\"_placeholder\":true,\"num\":0}]");

    engine.receive("2[\"y\"]");

    assertThat(engine.isOpen()).isFalse();
    verify(main, never()).onEvent(any(), anyString(), anyList(), any());
  }

  @Test
  void closesTheSessionOnAPacketForANamespaceNotJoined() {
    engine.receive("0");
    SioSocket socket = connectedSocket(main);

    engine.receive("2/custom,[\"x\"]");

    assertThat(engine.isOpen()).isFalse();
    verify(main).onDisconnect(socket, "forced server close");
    verify(main, times(1)).onDisconnect(any(), anyString());
    verifyNoInteractions(custom);
  }

  @Test
  void closesTheSessionOnASecondConnectToAJoinedNamespace() {
    engine.receive("0").receive("0");

    assertThat(engine.isOpen()).isFalse();
    verify(main, times(1)).authorize(any());
  }

  @Test
  void aHandlerFailureDoesNotEscapeToTheEngine() {
    doThrow(new IllegalStateException("handler bug"))
        .when(main)
        .onEvent(any(), anyString(), anyList(), any());
    engine.receive("0");

    engine.receive("2[\"x\"]").receive("2[\"y\"]");

    verify(main).onEvent(any(), eq("y"), anyList(), any());
    assertThat(engine.isOpen()).isTrue();
  }

  // ------------------------------------------------------------------ disconnect

  @Test
  void aClientNamespaceDisconnectEndsOnlyThatSocket() {
    engine.receive("0").receive("0/custom,");
    engine.clearSent();
    SioSocket socket = connectedSocket(custom);

    engine.receive("1/custom,");

    verify(custom).onDisconnect(socket, "client namespace disconnect");
    verify(main, never()).onDisconnect(any(), anyString());
    assertThat(engine.isOpen()).isTrue();
    assertThat(engine.texts()).isEmpty();
    assertThat(socket.emit("late", List.of())).isFalse();
    engine.receive("2[\"still\"]");
    verify(main).onEvent(any(), eq("still"), anyList(), any());
  }

  @Test
  void aClientMayJoinANamespaceAgainAfterLeavingIt() {
    engine.receive("0/custom,").receive("1/custom,").receive("0/custom,");

    verify(custom, times(2)).authorize(any());
    verify(custom, times(2)).onConnect(any());
  }

  @Test
  void aServerNamespaceDisconnectSendsDisconnect() {
    engine.receive("0/custom,");
    engine.clearSent();
    SioSocket socket = connectedSocket(custom);

    socket.disconnect();
    socket.disconnect();

    assertThat(engine.texts()).containsExactly("1/custom,");
    verify(custom, times(1)).onDisconnect(socket, "server namespace disconnect");
    assertThat(socket.sendEncoded("2/custom,[\"x\"]")).isFalse();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "transport close",
        "transport error",
        "ping timeout",
        "parse error",
        "forced close",
        "server shutting down"
      })
  void anEngineCloseEndsEverySocketWithTheEngineReason(String reason) {
    engine.receive("0").receive("0/custom,");
    SioSocket mainSocket = connectedSocket(main);
    SioSocket customSocket = connectedSocket(custom);

    engine.drop(reason);

    InOrder order = inOrder(main);
    order.verify(main).onConnect(mainSocket);
    order.verify(main).onDisconnect(mainSocket, reason);
    verify(custom).onDisconnect(customSocket, reason);
    assertThat(mainSocket.emit("late", List.of())).isFalse();
  }

  @Test
  void reportsTheForcedServerCloseOnlyOnce() {
    engine.receive("0").receive("2/nowhere,[\"x\"]");

    verify(main, times(1)).onDisconnect(any(), anyString());
  }

  // ------------------------------------------------------------------ sending

  @Test
  void sendsAPreEncodedEventWithItsRecoveryOffset() {
    engine.receive("0/custom,");
    engine.clearSent();
    String packet = SocketIoCodec.encodeEvent("/custom", "message", "{\"id\":\"m1\"}", "1700-3");

    assertThat(connectedSocket(custom).sendEncoded(packet)).isTrue();

    assertThat(engine.texts()).containsExactly("2/custom,[\"message\",{\"id\":\"m1\"},\"1700-3\"]");
  }

  @Test
  void emitsEventsInTheSocketsNamespace() {
    engine.receive("0/custom,");
    engine.clearSent();

    assertThat(connectedSocket(custom).emit("hello", List.of(json("{\"a\":[1]}")))).isTrue();

    assertThat(engine.texts()).containsExactly("2/custom,[\"hello\",{\"a\":[1]}]");
  }

  @Test
  void refusesToEmitAReservedEventName() {
    engine.receive("0");
    SioSocket socket = connectedSocket(main);
    engine.clearSent();

    assertThatThrownBy(() -> socket.emit("disconnect", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(engine.texts()).isEmpty();
  }

  @Test
  void keepsTheApplicationsAttachment() {
    engine.receive("0");
    SioSocket socket = connectedSocket(main);

    socket.attach("state");

    assertThat(socket.attachment(String.class)).isEqualTo("state");
    assertThat(socket.attachment(Integer.class)).isNull();
  }
}

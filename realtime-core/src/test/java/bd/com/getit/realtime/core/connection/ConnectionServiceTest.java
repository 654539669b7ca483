package bd.com.getit.realtime.core.connection;

import static bd.com.getit.realtime.core.testing.Fixtures.NODE;
import static bd.com.getit.realtime.core.testing.Fixtures.OTHER_NODE;
import static bd.com.getit.realtime.core.testing.Fixtures.channel;
import static bd.com.getit.realtime.core.testing.Fixtures.code;
import static bd.com.getit.realtime.core.testing.Fixtures.conn;
import static bd.com.getit.realtime.core.testing.Fixtures.customer;
import static bd.com.getit.realtime.core.testing.Fixtures.done;
import static bd.com.getit.realtime.core.testing.Fixtures.event;
import static bd.com.getit.realtime.core.testing.Fixtures.info;
import static bd.com.getit.realtime.core.testing.Fixtures.queued;
import static bd.com.getit.realtime.core.testing.Fixtures.withTtl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import bd.com.getit.realtime.adapter.memory.InMemoryConnectionRegistry;
import bd.com.getit.realtime.adapter.memory.InMemoryOfflineQueue;
import bd.com.getit.realtime.adapter.memory.InMemoryRateLimitStore;
import bd.com.getit.realtime.core.ConnectionListener;
import bd.com.getit.realtime.core.limits.ConnectionLimits;
import bd.com.getit.realtime.core.session.LocalSessions;
import bd.com.getit.realtime.core.testing.FakeBus;
import bd.com.getit.realtime.core.testing.RecordingDelivery;
import bd.com.getit.realtime.core.testing.RecordingRecoveryStore;
import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.Event;
import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.domain.Language;
import bd.com.getit.realtime.domain.Outbound;
import bd.com.getit.realtime.domain.Principal;
import bd.com.getit.realtime.domain.RealtimeException;
import bd.com.getit.realtime.domain.Role;
import bd.com.getit.realtime.domain.StreamOffset;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.cluster.ClusterMessage;
import bd.com.getit.realtime.domain.connection.ConnectionInfo;
import bd.com.getit.realtime.domain.connection.RecoverySession;
import bd.com.getit.realtime.port.in.ConnectionUseCase.ConnectCommand;
import bd.com.getit.realtime.port.in.ConnectionUseCase.DisconnectCommand;
import bd.com.getit.realtime.port.in.ConnectionUseCase.Recovery;
import bd.com.getit.realtime.port.in.ConnectionUseCase.Session;
import bd.com.getit.realtime.port.out.TokenVerifier;
import bd.com.getit.realtime.testkit.MutableClock;
import bd.com.getit.realtime.testkit.SequentialIds;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConnectionServiceTest {
  private final TokenVerifier tokens = mock(TokenVerifier.class);
  private final InMemoryConnectionRegistry registry = new InMemoryConnectionRegistry();
  private final InMemoryRateLimitStore rates = new InMemoryRateLimitStore();
  private final MutableClock clock = new MutableClock();
  private final RecordingRecoveryStore recovery = new RecordingRecoveryStore();
  private final LocalSessions sessions = new LocalSessions();
  private final RecordingDelivery delivery = new RecordingDelivery();
  private final FakeBus bus = new FakeBus();
  private final InMemoryOfflineQueue queue = new InMemoryOfflineQueue(clock);
  private final ConnectionListener listener = mock(ConnectionListener.class);
  private final Duration window = Duration.ofMinutes(2);

  private ConnectionService service(boolean guests, int maxPerUser) {
    return new ConnectionService(
        NODE,
        guests,
        window,
        new ConnectionService.Ports(
            tokens,
            new ConnectionLimits(registry, rates, clock, maxPerUser, 300),
            recovery,
            registry,
            sessions,
            delivery,
            bus,
            queue,
            new SequentialIds(),
            clock),
        List.of(listener));
  }

  private final ConnectionService service = service(true, 10);

  @BeforeEach
  void setUp() {
    when(tokens.verify("t-u1")).thenReturn(customer("u1"));
    when(tokens.verify("t-u2")).thenReturn(customer("u2"));
    when(listener.connected(any(), any())).thenReturn(CompletableFuture.completedFuture(null));
    when(listener.disconnected(any(), any())).thenReturn(CompletableFuture.completedFuture(null));
  }

  private static ConnectCommand connect(String id, String token) {
    return new ConnectCommand(
        ConnectionId.of(id), Optional.ofNullable(token), "10.0.0.1", "websocket", Optional.empty());
  }

  private static ConnectCommand reconnect(String id, String token, String pid, String offset) {
    return new ConnectCommand(
        ConnectionId.of(id),
        Optional.of(token),
        "10.0.0.1",
        "polling",
        Optional.of(new Recovery(pid, new StreamOffset(offset))));
  }

  @Test
  void aTokenMakesAnAuthenticatedSessionWithItsOwnChannels() {
    clock.advance(Duration.ofSeconds(5));
    Session s = done(service.connect(connect("c1", "t-u1")));
    assertThat(s.connection()).isEqualTo(conn("c1"));
    assertThat(s.principal()).isEqualTo(customer("u1"));
    assertThat(s.channels()).containsExactly(channel("user:u1"), ChannelName.ANNOUNCEMENTS);
    assertThat(s.pid()).isEqualTo("id-1");
    assertThat(s.recovered()).isFalse();
    ConnectionInfo registered = done(registry.find(conn("c1"))).orElseThrow();
    assertThat(registered)
        .isEqualTo(
            new ConnectionInfo(
                conn("c1"),
                UserId.of("u1"),
                NODE,
                "websocket",
                "10.0.0.1",
                clock.now(),
                Set.of(channel("user:u1"), ChannelName.ANNOUNCEMENTS)));
    assertThat(sessions.principalOf(conn("c1"))).contains(customer("u1"));
    assertThat(sessions.subscribers(channel("user:u1"))).containsExactly(conn("c1"));
    verify(listener).connected(customer("u1"), registered);
  }

  @Test
  void aBadTokenFailsWithItsCodeAndRegistersNothing() {
    when(tokens.verify("expired")).thenThrow(new RealtimeException(ErrorCode.AUTH_EXPIRED, "old"));
    assertThat(code(service.connect(connect("c1", "expired")))).isEqualTo(ErrorCode.AUTH_EXPIRED);
    assertThat(done(registry.all())).isEmpty();
    assertThat(sessions.size()).isZero();
    verifyNoInteractions(listener);
  }

  @Test
  void noTokenMakesAGuestWithOnlyTheAnnouncements() {
    Session s = done(service.connect(connect("c9", null)));
    assertThat(s.principal()).isEqualTo(Principal.guest(conn("c9")));
    assertThat(s.channels()).containsExactly(ChannelName.ANNOUNCEMENTS);
    verifyNoInteractions(tokens);
  }

  @Test
  void noTokenIsRefusedWhenGuestsAreOff() {
    assertThat(code(service(false, 10).connect(connect("c9", null))))
        .isEqualTo(ErrorCode.AUTH_REQUIRED);
    assertThat(done(registry.all())).isEmpty();
  }

  @Test
  void aUserIdThatIsNoChannelIdGetsNoOwnChannel() {
    when(tokens.verify("t-odd")).thenReturn(customer("odd:id"));
    assertThat(done(service.connect(connect("c1", "t-odd"))).channels())
        .containsExactly(ChannelName.ANNOUNCEMENTS);
  }

  @Test
  void theConnectionLimitRefusesTheConnection() {
    ConnectionService limited = service(true, 1);
    done(limited.connect(connect("c1", "t-u1")));
    assertThat(code(limited.connect(connect("c2", "t-u1")))).isEqualTo(ErrorCode.CONNECTION_LIMIT);
    assertThat(done(registry.all())).extracting(ConnectionInfo::id).containsExactly(conn("c1"));
    assertThat(sessions.principalOf(conn("c2"))).isEmpty();
  }

  @Test
  void aFailingListenerDoesNotFailTheConnection() {
    when(listener.connected(any(), any()))
        .thenReturn(CompletableFuture.failedFuture(new IllegalStateException("presence down")));
    assertThat(done(service.connect(connect("c1", "t-u1"))).connection()).isEqualTo(conn("c1"));
  }

  @Test
  void aReusedConnectionIdIsAConflictThatKeepsTheFirst() {
    done(service.connect(connect("c1", "t-u1")));
    assertThat(code(service.connect(connect("c1", "t-u2")))).isEqualTo(ErrorCode.CONFLICT);
    assertThat(done(registry.find(conn("c1"))).orElseThrow().user()).isEqualTo(UserId.of("u1"));
    assertThat(sessions.principalOf(conn("c1"))).contains(customer("u1"));
  }

  @Test
  void aFailedRegistrationLeavesNoLocalSession() {
    var failing = mock(bd.com.getit.realtime.port.out.ConnectionRegistry.class);
    when(failing.connectionsOf(any())).thenReturn(CompletableFuture.completedFuture(List.of()));
    when(failing.register(any()))
        .thenReturn(
            CompletableFuture.failedFuture(new RealtimeException(ErrorCode.INTERNAL, "down")));
    ConnectionService s =
        new ConnectionService(
            NODE,
            true,
            window,
            new ConnectionService.Ports(
                tokens,
                new ConnectionLimits(failing, rates, clock, 10, 300),
                recovery,
                failing,
                sessions,
                delivery,
                bus,
                queue,
                new SequentialIds(),
                clock),
            List.of(listener));
    assertThat(code(s.connect(connect("c1", "t-u1")))).isEqualTo(ErrorCode.INTERNAL);
    assertThat(sessions.size()).isZero();
    assertThat(code(s.activate(conn("c1")))).isEqualTo(ErrorCode.NOT_FOUND);
    verifyNoInteractions(listener);
  }

  @Test
  void aThrowingDeliveryFailsActivateWithoutThrowing() {
    var throwing = mock(bd.com.getit.realtime.port.out.LocalDelivery.class);
    when(throwing.deliver(any(), any())).thenThrow(new IllegalStateException("gateway bug"));
    ConnectionService s =
        new ConnectionService(
            NODE,
            true,
            window,
            new ConnectionService.Ports(
                tokens,
                new ConnectionLimits(registry, rates, clock, 10, 300),
                recovery,
                registry,
                sessions,
                throwing,
                bus,
                queue,
                new SequentialIds(),
                clock),
            List.of(listener));
    done(s.connect(connect("c1", "t-u1")));
    assertThat(s.activate(conn("c1")).toCompletableFuture()).isCompletedExceptionally();
  }

  @Test
  void recoveryRestoresTheChannelsOfTheSameUser() {
    recovery.save(
        new RecoverySession(
            "pid-1", conn("old"), UserId.of("u1"), Set.of(channel("product:1")), clock.now()),
        window);
    Session s = done(service.connect(reconnect("c2", "t-u1", "pid-1", "3-0")));
    assertThat(s.recovered()).isTrue();
    assertThat(s.pid()).isEqualTo("pid-1");
    // Socket.IO keeps the socket id of a recovered session.
    assertThat(s.connection()).isEqualTo(conn("old"));
    assertThat(s.channels()).containsExactly(channel("product:1"));
    assertThat(sessions.subscribers(channel("product:1"))).containsExactly(conn("old"));
    assertThat(done(registry.find(conn("old"))).orElseThrow().transport()).isEqualTo("polling");
    assertThat(done(registry.find(conn("c2")))).isEmpty();
    assertThat(recovery.sessions).isEmpty();
  }

  @Test
  void anotherUsersSessionIsNotRecovered() {
    recovery.save(
        new RecoverySession(
            "pid-1", conn("old"), UserId.of("u1"), Set.of(channel("product:1")), clock.now()),
        window);
    Session s = done(service.connect(reconnect("c2", "t-u2", "pid-1", "3-0")));
    assertThat(s.recovered()).isFalse();
    assertThat(s.pid()).isNotEqualTo("pid-1");
    assertThat(s.channels()).containsExactly(channel("user:u2"), ChannelName.ANNOUNCEMENTS);
  }

  @Test
  void anUnknownPidStartsAFreshSession() {
    Session s = done(service.connect(reconnect("c2", "t-u1", "gone", "3-0")));
    assertThat(s.recovered()).isFalse();
    assertThat(s.channels()).containsExactly(channel("user:u1"), ChannelName.ANNOUNCEMENTS);
  }

  @Test
  void activateSendsAuthenticatedThenOfflineSync() {
    clock.advance(Duration.ofMillis(1500));
    done(service.connect(connect("c1", "t-u1")));
    done(service.activate(conn("c1")));
    assertThat(delivery.eventsTo(conn("c1"))).containsExactly("authenticated", "offline_sync");
    Outbound auth = delivery.to(conn("c1")).get(0);
    assertThat(auth.offset()).isEmpty();
    assertThat(auth.payload())
        .isEqualTo(
            JsonValue.JsonObject.builder()
                .put("user_id", "u1")
                .put("socket_id", "c1")
                .put("roles", JsonValue.JsonArray.ofStrings(List.of("customer")))
                .put("guest", false)
                .put("locale", "en")
                .put("server_time", "2026-01-01T00:00:01.500Z")
                .put(
                    "channels",
                    JsonValue.JsonArray.ofStrings(List.of("system:announcements", "user:u1")))
                .build());
    assertThat(delivery.to(conn("c1")).get(1).payload())
        .isEqualTo(JsonValue.JsonObject.builder().put("delivered", 0).build());
  }

  @Test
  void activateDrainsTheOfflineQueueBeforeOfflineSync() {
    Event n = event("n1", "notification", "user:u1");
    Event m = event("m1", "message", "user:u1");
    queue.enqueue(UserId.of("u1"), n);
    queue.enqueue(UserId.of("u1"), m);
    queue.enqueue(
        UserId.of("u1"), withTtl(event("x", "notification", "user:u1"), Duration.ofSeconds(1)));
    clock.advance(Duration.ofMinutes(1));
    done(service.connect(connect("c1", "t-u1")));
    done(service.activate(conn("c1")));
    assertThat(delivery.eventsTo(conn("c1")))
        .containsExactly("authenticated", "notification", "message", "offline_sync");
    List<Outbound> out = delivery.to(conn("c1"));
    assertThat(out.get(1).payload()).isEqualTo(n.envelope());
    assertThat(out.get(2).payload()).isEqualTo(m.data());
    assertThat(out.get(1).offset()).isEmpty();
    assertThat(out.get(3).payload())
        .isEqualTo(JsonValue.JsonObject.builder().put("delivered", 2).build());
    assertThat(queued(queue, UserId.of("u1"), clock.now())).isEmpty();
  }

  @Test
  void eventsTheSocketDidNotAcceptGoBackToTheQueue() {
    queue.enqueue(UserId.of("u1"), event("n1", "notification", "user:u1"));
    done(service.connect(connect("c1", "t-u1")));
    delivery.closed.add(conn("c1"));
    done(service.activate(conn("c1")));
    assertThat(queued(queue, UserId.of("u1"), clock.now())).hasSize(1);
    assertThat(delivery.to(conn("c1")).get(2).payload())
        .isEqualTo(JsonValue.JsonObject.builder().put("delivered", 0).build());
  }

  @Test
  void guestsGetAuthenticatedOnly() {
    done(service.connect(connect("g1", null)));
    done(service.activate(conn("g1")));
    assertThat(delivery.eventsTo(conn("g1"))).containsExactly("authenticated");
    JsonValue.JsonObject auth = (JsonValue.JsonObject) delivery.to(conn("g1")).get(0).payload();
    assertThat(auth.get("guest")).contains(JsonValue.JsonBool.TRUE);
    assertThat(auth.get("roles")).contains(JsonValue.JsonArray.ofStrings(List.of("guest")));
  }

  @Test
  void aRecoveredSessionGetsItsMissedChannelEventsInOrder() {
    bus.publish(NODE, new ClusterMessage.PublishedEvent(event("e1", "product_x", "product:1")));
    bus.publish(NODE, new ClusterMessage.PublishedEvent(event("e2", "product_x", "product:1")));
    bus.publish(NODE, new ClusterMessage.PublishedEvent(event("e3", "product_x", "product:2")));
    bus.publish(NODE, new ClusterMessage.PublishedEvent(event("e4", "typing", "product:1")));
    // A command on the bus between the events: not a channel event, so never replayed.
    bus.publish(OTHER_NODE, new ClusterMessage.DisconnectCommand(conn("c9")));
    bus.publish(
        NODE,
        new ClusterMessage.PublishedEvent(
            event("e5", "order_status_update", "order:o1", "user:u1")));
    bus.publish(NODE, new ClusterMessage.PublishedEvent(event("e6", "product_y", "product:1")));
    recovery.save(
        new RecoverySession(
            "pid-1",
            conn("old"),
            UserId.of("u1"),
            Set.of(channel("product:1"), channel("user:u1")),
            clock.now()),
        window);
    done(service.connect(reconnect("c2", "t-u1", "pid-1", "1-0")));
    done(service.activate(conn("old")));
    assertThat(delivery.eventsTo(conn("old")))
        .containsExactly(
            "authenticated", "product_x", "order_status_update", "product_y", "offline_sync");
    List<Outbound> out = delivery.to(conn("old"));
    assertThat(out.get(1).offset()).contains(FakeBus.offset(2));
    assertThat(out.get(2).offset()).contains(FakeBus.offset(6));
    assertThat(out.get(3).offset()).contains(FakeBus.offset(7));
  }

  @Test
  void aTooOldOffsetIsNoRecovery() {
    bus.publish(NODE, new ClusterMessage.PublishedEvent(event("e1", "product_x", "product:1")));
    bus.truncatedBefore = Optional.of(FakeBus.offset(1));
    recovery.save(
        new RecoverySession(
            "pid-1", conn("old"), UserId.of("u1"), Set.of(channel("product:1")), clock.now()),
        window);
    Session s = done(service.connect(reconnect("c2", "t-u1", "pid-1", "1-0")));
    assertThat(s.recovered()).isFalse();
    assertThat(s.pid()).isNotEqualTo("pid-1");
    assertThat(s.channels()).containsExactly(channel("user:u1"), ChannelName.ANNOUNCEMENTS);
    done(service.activate(conn("c2")));
    assertThat(delivery.eventsTo(conn("c2"))).containsExactly("authenticated", "offline_sync");
  }

  @Test
  void anOffsetThatExpiresBetweenConnectAndActivateReplaysNothing() {
    bus.publish(NODE, new ClusterMessage.PublishedEvent(event("e1", "product_x", "product:1")));
    bus.publish(NODE, new ClusterMessage.PublishedEvent(event("e2", "product_x", "product:1")));
    recovery.save(
        new RecoverySession(
            "pid-1", conn("old"), UserId.of("u1"), Set.of(channel("product:1")), clock.now()),
        window);
    assertThat(done(service.connect(reconnect("c2", "t-u1", "pid-1", "1-0"))).recovered()).isTrue();
    bus.truncatedBefore = Optional.of(FakeBus.offset(2));
    done(service.activate(conn("old")));
    assertThat(delivery.eventsTo(conn("old"))).containsExactly("authenticated", "offline_sync");
  }

  @Test
  void activateOnceOnly() {
    done(service.connect(connect("c1", "t-u1")));
    done(service.activate(conn("c1")));
    done(service.activate(conn("c1")));
    assertThat(delivery.eventsTo(conn("c1"))).containsExactly("authenticated", "offline_sync");
  }

  @Test
  void activatingAnUnknownConnectionIsNotFound() {
    assertThat(code(service.activate(conn("nobody")))).isEqualTo(ErrorCode.NOT_FOUND);
  }

  @Test
  void disconnectUnregistersNotifiesAndKeepsARecoverySession() {
    done(service.connect(connect("c1", "t-u1")));
    sessions.join(conn("c1"), channel("product:1"), 100);
    clock.advance(Duration.ofSeconds(30));
    done(service.disconnect(new DisconnectCommand(conn("c1"), "transport close", true)));
    assertThat(sessions.principalOf(conn("c1"))).isEmpty();
    assertThat(sessions.indexedChannels()).isZero();
    assertThat(done(registry.all())).isEmpty();
    RecoverySession kept = recovery.sessions.get("id-1");
    assertThat(kept)
        .isEqualTo(
            new RecoverySession(
                "id-1",
                conn("c1"),
                UserId.of("u1"),
                Set.of(channel("user:u1"), ChannelName.ANNOUNCEMENTS, channel("product:1")),
                clock.now()));
    assertThat(recovery.windows.get("id-1")).isEqualTo(window);
    var order = inOrder(listener);
    order.verify(listener).connected(any(), any());
    order
        .verify(listener)
        .disconnected(
            customer("u1"), info("c1", "u1", "user:u1", "system:announcements", "product:1"));
  }

  @Test
  void aDeliberateDisconnectKeepsNoRecoverySession() {
    done(service.connect(connect("c1", "t-u1")));
    done(
        service.disconnect(
            new DisconnectCommand(conn("c1"), "client namespace disconnect", false)));
    assertThat(recovery.sessions).isEmpty();
    assertThat(done(registry.all())).isEmpty();
    verify(listener).disconnected(any(), any());
  }

  @Test
  void guestsKeepNoRecoverySession() {
    done(service.connect(connect("g1", null)));
    done(service.disconnect(new DisconnectCommand(conn("g1"), "transport close", true)));
    assertThat(recovery.sessions).isEmpty();
  }

  @Test
  void guestsAskingForRecoveryStartFresh() {
    recovery.save(
        new RecoverySession(
            "pid-1", conn("old"), UserId.of("u1"), Set.of(channel("product:1")), clock.now()),
        window);
    ConnectCommand cmd =
        new ConnectCommand(
            conn("g1"),
            Optional.empty(),
            "10.0.0.1",
            "websocket",
            Optional.of(new Recovery("pid-1", new StreamOffset("1-0"))));
    assertThat(done(service.connect(cmd)).recovered()).isFalse();
    assertThat(recovery.sessions).containsKey("pid-1");
  }

  @Test
  void disconnectingAnUnknownConnectionOnlyCleansTheRegistry() {
    registry.register(info("ghost", "u1"));
    done(service.disconnect(new DisconnectCommand(conn("ghost"), "x", true)));
    assertThat(done(registry.all())).isEmpty();
    verify(listener, never()).disconnected(any(), any());
    assertThat(recovery.sessions).isEmpty();
  }

  @Test
  void reconnectingAfterDisconnectRecoversEndToEnd() {
    Session first = done(service.connect(connect("c1", "t-u1")));
    sessions.join(conn("c1"), channel("product:1"), 100);
    done(service.disconnect(new DisconnectCommand(conn("c1"), "ping timeout", true)));
    Session second = done(service.connect(reconnect("c2", "t-u1", first.pid(), "1-0")));
    assertThat(second.recovered()).isTrue();
    assertThat(second.pid()).isEqualTo(first.pid());
    assertThat(second.channels()).contains(channel("product:1"));
  }

  @Test
  void principalWithManyRolesListsThemSorted() {
    when(tokens.verify("t-staff"))
        .thenReturn(Principal.of(UserId.of("s1"), Set.of(Role.SUPPORT_AGENT, Role.ADMIN)));
    done(service.connect(connect("c1", "t-staff")));
    done(service.activate(conn("c1")));
    JsonValue.JsonObject auth = (JsonValue.JsonObject) delivery.to(conn("c1")).get(0).payload();
    assertThat(auth.get("roles"))
        .contains(JsonValue.JsonArray.ofStrings(List.of("admin", "support_agent")));
  }

  private ConnectCommand asking(String id, String token, Language language) {
    return new ConnectCommand(
        ConnectionId.of(id),
        Optional.ofNullable(token),
        "10.0.0.1",
        "websocket",
        Optional.empty(),
        Optional.ofNullable(language));
  }

  private String localeOf(String connection) {
    done(service.activate(conn(connection)));
    return delivery.to(conn(connection)).get(0).payload() instanceof JsonValue.JsonObject o
        ? o.text("locale").orElseThrow()
        : "";
  }

  @Test
  void theReadersLanguageIsTheTokensClaimThenWhatTheClientAsksThenEnglish() {
    when(tokens.verify("t-bn"))
        .thenReturn(
            new Principal(
                UserId.of("bn1"),
                Set.of(Role.CUSTOMER),
                Optional.empty(),
                Language.BN,
                null,
                true));
    when(tokens.verify("t-en"))
        .thenReturn(
            new Principal(
                UserId.of("en1"),
                Set.of(Role.CUSTOMER),
                Optional.empty(),
                Language.EN,
                null,
                true));

    assertThat(done(service.connect(asking("c1", "t-bn", Language.EN))).principal().language())
        .isEqualTo(Language.BN);
    assertThat(localeOf("c1")).isEqualTo("bn");
    done(service.connect(asking("c2", "t-en", Language.BN)));
    assertThat(localeOf("c2")).isEqualTo("en");
    done(service.connect(asking("c3", "t-u1", Language.BN)));
    assertThat(localeOf("c3")).isEqualTo("bn");
    done(service.connect(asking("c4", "t-u1", null)));
    assertThat(localeOf("c4")).isEqualTo("en");
    done(service.connect(asking("g1", null, Language.BN)));
    assertThat(localeOf("g1")).isEqualTo("bn");
  }

  @Test
  void aNewSessionIsWelcomedAfterAuthenticatedAndEachDrainedEventIsReported() {
    List<Event> handed = new java.util.concurrent.CopyOnWriteArrayList<>();
    Outbound announcement =
        Outbound.direct(
            "system_announcement", JsonValue.JsonObject.builder().put("id", "a1").build());
    ConnectionService welcoming =
        new ConnectionService(
            NODE,
            true,
            window,
            new ConnectionService.Ports(
                tokens,
                new ConnectionLimits(registry, rates, clock, 10, 300),
                recovery,
                registry,
                sessions,
                delivery,
                bus,
                queue,
                new SequentialIds(),
                clock),
            List.of(listener),
            SessionOwners.NONE,
            () -> CompletableFuture.completedFuture(List.of(announcement)),
            handed::add);
    Event n = event("n1", "notification", "user:u1");
    queue.enqueue(UserId.of("u1"), n);

    done(welcoming.connect(connect("c1", "t-u1")));
    done(welcoming.activate(conn("c1")));

    assertThat(delivery.eventsTo(conn("c1")))
        .containsExactly("authenticated", "system_announcement", "notification", "offline_sync");
    assertThat(handed).containsExactly(n);
  }
}

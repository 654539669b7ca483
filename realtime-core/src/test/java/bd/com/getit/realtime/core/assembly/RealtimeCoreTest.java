package bd.com.getit.realtime.core.assembly;

import static bd.com.getit.realtime.core.testing.Fixtures.NODE;
import static bd.com.getit.realtime.core.testing.Fixtures.OTHER_NODE;
import static bd.com.getit.realtime.core.testing.Fixtures.channel;
import static bd.com.getit.realtime.core.testing.Fixtures.conn;
import static bd.com.getit.realtime.core.testing.Fixtures.customer;
import static bd.com.getit.realtime.core.testing.Fixtures.done;
import static bd.com.getit.realtime.core.testing.Fixtures.queued;
import static bd.com.getit.realtime.core.testing.Fixtures.withRole;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import bd.com.getit.realtime.adapter.memory.InMemoryClusterBus;
import bd.com.getit.realtime.adapter.memory.InMemoryClusterMembership;
import bd.com.getit.realtime.adapter.memory.InMemoryConnectionRegistry;
import bd.com.getit.realtime.adapter.memory.InMemoryOfflineQueue;
import bd.com.getit.realtime.adapter.memory.InMemoryRateLimitStore;
import bd.com.getit.realtime.adapter.memory.InMemoryRecoveryStore;
import bd.com.getit.realtime.adapter.memory.InMemorySpamLedger;
import bd.com.getit.realtime.core.ConnectionListener;
import bd.com.getit.realtime.core.chat.ChatService;
import bd.com.getit.realtime.core.chat.MessagingService;
import bd.com.getit.realtime.core.notification.NotificationService;
import bd.com.getit.realtime.core.presence.PresenceService;
import bd.com.getit.realtime.core.testing.RecordingDelivery;
import bd.com.getit.realtime.domain.Caller;
import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.JsonValue.JsonObject;
import bd.com.getit.realtime.domain.NodeId;
import bd.com.getit.realtime.domain.Role;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.connection.ConnectionInfo;
import bd.com.getit.realtime.port.in.ChannelUseCase.JoinCommand;
import bd.com.getit.realtime.port.in.ConnectionUseCase.ConnectCommand;
import bd.com.getit.realtime.port.in.EventIngestUseCase.IngestCommand;
import bd.com.getit.realtime.port.in.MessagingUseCase.BroadcastCommand;
import bd.com.getit.realtime.port.out.ChatRepository;
import bd.com.getit.realtime.port.out.DeduplicationStore;
import bd.com.getit.realtime.port.out.EventLog;
import bd.com.getit.realtime.port.out.NotificationRepository;
import bd.com.getit.realtime.port.out.PresenceStore;
import bd.com.getit.realtime.port.out.TokenVerifier;
import bd.com.getit.realtime.testkit.MutableClock;
import bd.com.getit.realtime.testkit.SequentialIds;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RealtimeCoreTest {
  /** A node no other test starts, so that its maintenance thread can be told apart. */
  private static final NodeId MAINTAINED = NodeId.of("maintained");

  private final MutableClock clock = new MutableClock();
  private final InMemoryClusterBus bus = new InMemoryClusterBus(clock);
  private final InMemoryConnectionRegistry registry = new InMemoryConnectionRegistry();
  private final InMemoryOfflineQueue queue = new InMemoryOfflineQueue(clock);
  private final TokenVerifier tokens = mock(TokenVerifier.class);
  private final DeduplicationStore dedup = mock(DeduplicationStore.class);

  @AfterEach
  void stopTheBus() {
    bus.close();
  }

  @BeforeEach
  void setUp() {
    when(tokens.verify("t-u1")).thenReturn(customer("u1"));
    when(dedup.firstSeen(any(), any())).thenReturn(CompletableFuture.completedFuture(true));
  }

  private RealtimeCore.Builder node(
      bd.com.getit.realtime.domain.NodeId id, RecordingDelivery delivery) {
    return RealtimeCore.builder()
        .config(CoreConfig.builder().nodeId(id).build())
        .stores(stores())
        .records(records())
        .cluster(ClusterPorts.single(bus))
        .outbound(OutboundPorts.local(delivery))
        .tokenVerifier(tokens)
        .clock(clock)
        .idGenerator(new SequentialIds());
  }

  private StateStores stores() {
    return new StateStores(
        registry,
        mock(PresenceStore.class),
        new InMemoryRateLimitStore(),
        queue,
        new InMemoryRecoveryStore(clock),
        dedup,
        new InMemorySpamLedger());
  }

  private static RecordStores records() {
    return RecordStores.of(
        mock(ChatRepository.class), mock(NotificationRepository.class), mock(EventLog.class));
  }

  private static ConnectCommand connect(String id, String token) {
    return new ConnectCommand(
        ConnectionId.of(id),
        Optional.ofNullable(token),
        "127.0.0.1",
        "websocket",
        Optional.empty());
  }

  @Test
  void anEventIngestedOnOneNodeReachesSubscribersOnAnother() {
    RecordingDelivery a = new RecordingDelivery();
    RecordingDelivery b = new RecordingDelivery();
    try (RealtimeCore nodeA = node(NODE, a).build();
        RealtimeCore nodeB = node(OTHER_NODE, b).build()) {
      nodeA.start();
      nodeB.start();
      done(nodeB.connections().connect(connect("c1", null)));
      done(nodeB.channels().join(new JoinCommand(conn("c1"), List.of("product:1"), Map.of())));
      done(
          nodeA
              .ingest()
              .ingest(
                  new IngestCommand(
                      Caller.of(withRole("svc", Role.SERVICE)),
                      JsonObject.builder()
                          .put("event", "product_price_change")
                          .put("data", JsonObject.builder().put("product_id", "1").build())
                          .build())));
      // the bus delivers to other nodes on its own thread
      await()
          .untilAsserted(
              () -> assertThat(b.eventsTo(conn("c1"))).containsExactly("product_price_change"));
      assertThat(a.deliveries).isEmpty();
      assertThat(nodeB.deliveryMeter().total()).isEqualTo(1);
    }
  }

  @Test
  void anOfflineUserIsQueuedOnceByTheOriginOnlyAndGetsItOnConnect() {
    RecordingDelivery a = new RecordingDelivery();
    RecordingDelivery b = new RecordingDelivery();
    try (RealtimeCore nodeA = node(NODE, a).build();
        RealtimeCore nodeB = node(OTHER_NODE, b).build()) {
      nodeA.start();
      nodeB.start();
      done(
          nodeA
              .ingest()
              .ingest(
                  new IngestCommand(
                      Caller.of(withRole("svc", Role.SERVICE)),
                      JsonObject.builder()
                          .put("id", "n-1")
                          .put("event", "notification")
                          .put("data", JsonObject.builder().put("user_id", "u1").build())
                          .build())));
      assertThat(queued(queue, UserId.of("u1"), clock.now())).hasSize(1);
      // The bus delivers in order: once a later command has reached node B, so has the
      // notification (an event still on its way when the user connects may come live as well as
      // from the queue: delivery is at least once).
      when(tokens.verify("t-u9")).thenReturn(customer("u9"));
      done(nodeB.connections().connect(connect("c9", "t-u9")));
      done(nodeA.admin().disconnect(Caller.of(withRole("adm", Role.ADMIN)), conn("c9")));
      await().untilAsserted(() -> assertThat(b.disconnected).contains(conn("c9")));
      done(nodeB.connections().connect(connect("c1", "t-u1")));
      done(nodeB.connections().activate(conn("c1")));
      assertThat(b.eventsTo(conn("c1")))
          .containsExactly("authenticated", "notification", "offline_sync");
    }
  }

  @Test
  void anAdminDisconnectsASocketOfAnotherNode() {
    RecordingDelivery a = new RecordingDelivery();
    RecordingDelivery b = new RecordingDelivery();
    try (RealtimeCore nodeA = node(NODE, a).build();
        RealtimeCore nodeB = node(OTHER_NODE, b).build()) {
      nodeA.start();
      nodeB.start();
      done(nodeB.connections().connect(connect("c1", "t-u1")));
      done(nodeA.admin().disconnect(Caller.of(withRole("adm", Role.ADMIN)), conn("c1")));
      await().untilAsserted(() -> assertThat(b.disconnected).containsExactly(conn("c1")));
      assertThat(a.disconnected).isEmpty();
    }
  }

  @Test
  void noPublishedEnvelopeDisconnectsASocketOnAnyNode() {
    RecordingDelivery a = new RecordingDelivery();
    RecordingDelivery b = new RecordingDelivery();
    try (RealtimeCore nodeA = node(NODE, a).build();
        RealtimeCore nodeB = node(OTHER_NODE, b).build()) {
      nodeA.start();
      nodeB.start();
      done(nodeA.connections().connect(connect("c0", "t-u1")));
      done(nodeB.connections().connect(connect("c1", "t-u1")));
      Caller service = Caller.of(withRole("svc", Role.SERVICE));
      // What the admin API once put on the bus, from each interface a service may publish on.
      for (String socket : List.of("c0", "c1")) {
        JsonObject data = JsonObject.builder().put("socket_id", socket).build();
        for (RealtimeCore node : List.of(nodeA, nodeB)) {
          done(
              node.ingest()
                  .ingest(
                      new IngestCommand(
                          service,
                          JsonObject.builder()
                              .put("event", "admin_disconnect")
                              .put("channel", "admin:connections")
                              .put("data", data)
                              .build())));
          done(
              node.messaging()
                  .broadcast(
                      new BroadcastCommand(
                          service, "admin:connections", "admin_disconnect", data)));
        }
      }
      // The bus delivers in order: once a later command has reached each node, the envelopes
      // published before it have been handled there. Each socket is then disconnected once only.
      Caller admin = Caller.of(withRole("adm", Role.ADMIN));
      done(nodeA.admin().disconnect(admin, conn("c1")));
      done(nodeB.admin().disconnect(admin, conn("c0")));
      await().untilAsserted(() -> assertThat(b.disconnected).containsExactly(conn("c1")));
      await().untilAsserted(() -> assertThat(a.disconnected).containsExactly(conn("c0")));
    }
  }

  @Test
  void aClosedCoreNoLongerReceivesOtherNodesEvents() {
    RecordingDelivery b = new RecordingDelivery();
    RealtimeCore nodeA = node(NODE, new RecordingDelivery()).build();
    RealtimeCore nodeB = node(OTHER_NODE, b).build();
    nodeB.start();
    done(nodeB.connections().connect(connect("c1", null)));
    nodeB.close();
    done(
        nodeA
            .announcements()
            .announce(
                new bd.com.getit.realtime.port.in.AnnouncementUseCase.AnnounceCommand(
                    Caller.of(withRole("adm", Role.ADMIN)),
                    bd.com.getit.realtime.domain.LocalizedText.of("t", null),
                    bd.com.getit.realtime.domain.LocalizedText.of("m", null),
                    "info",
                    Optional.empty())));
    assertThat(b.deliveries).isEmpty();
    nodeB.start();
    done(
        nodeA
            .announcements()
            .announce(
                new bd.com.getit.realtime.port.in.AnnouncementUseCase.AnnounceCommand(
                    Caller.of(withRole("adm", Role.ADMIN)),
                    bd.com.getit.realtime.domain.LocalizedText.of("t", null),
                    bd.com.getit.realtime.domain.LocalizedText.of("m", null),
                    "info",
                    Optional.empty())));
    await()
        .untilAsserted(
            () -> assertThat(b.eventsTo(conn("c1"))).containsExactly("system_announcement"));
  }

  @Test
  void exposesTheCoresOwnServices() {
    RealtimeCore core = node(NODE, new RecordingDelivery()).build();
    assertThat(core.connections()).isNotNull();
    assertThat(core.channels()).isNotNull();
    assertThat(core.ingest()).isNotNull();
    assertThat(core.admin()).isNotNull();
    assertThat(core.deliveryMeter()).isNotNull();
    assertThat(core.config().nodeId()).isEqualTo(NODE);
    assertThat(core.presence()).isInstanceOf(PresenceService.class);
    assertThat(core.chat()).isInstanceOf(ChatService.class);
    assertThat(core.notifications()).isInstanceOf(NotificationService.class);
    assertThat(core.messaging()).isInstanceOf(MessagingService.class);
    assertThat(core.auctions()).isEmpty();
  }

  @Test
  void anAddedListenerIsToldOfConnections() {
    ConnectionListener extra = mock(ConnectionListener.class);
    when(extra.connected(any(), any())).thenReturn(CompletableFuture.completedFuture(null));
    RealtimeCore core = node(NODE, new RecordingDelivery()).connectionListener(extra).build();

    done(core.connections().connect(connect("c1", "t-u1")));

    verify(extra).connected(any(), any());
  }

  @Test
  void aMissingGroupIsNamed() {
    assertThatThrownBy(() -> node(NODE, new RecordingDelivery()).records(null).build())
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("records");
    assertThatThrownBy(() -> node(NODE, new RecordingDelivery()).tokenVerifier(null).build())
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("tokenVerifier");
    assertThatThrownBy(() -> RecordStores.of(null, null, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("chat");
  }

  @Test
  void clusterTimingIsChecked() {
    InMemoryClusterMembership members = new InMemoryClusterMembership(clock);
    ClusterPorts cluster = ClusterPorts.of(bus, members, Duration.ofSeconds(10));

    assertThat(cluster.heartbeatEvery()).isEqualTo(Duration.ofSeconds(10).dividedBy(3));
    assertThatThrownBy(() -> cluster.withHeartbeat(Duration.ofSeconds(1), Duration.ofSeconds(10)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("heartbeatSilence");
    assertThatThrownBy(() -> ClusterPorts.of(bus, members, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nodeTimeout");
    assertThatThrownBy(
            () ->
                ClusterPorts.single(bus)
                    .withHeartbeat(Duration.ofSeconds(1), Duration.ofSeconds(3)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void defaultsRunWithTheSystemClockAndRandomIds() {
    RealtimeCore core =
        RealtimeCore.builder()
            .stores(stores())
            .records(records())
            .cluster(ClusterPorts.single(bus))
            .outbound(OutboundPorts.local(new RecordingDelivery()))
            .tokenVerifier(tokens)
            .build();
    var session = done(core.connections().connect(connect("c1", "t-u1")));
    assertThat(session.pid()).hasSize(36);
    assertThat(core.config()).isEqualTo(CoreConfig.defaults());
    assertThat(session.channels()).contains(channel("user:u1"));
  }

  @Test
  void maintenanceRunsOnItsOwnThreadBetweenStartAndClose() {
    RealtimeCore core = node(MAINTAINED, new RecordingDelivery()).build();
    assertThat(core.maintenance().running()).isFalse();

    core.start();
    assertThat(core.maintenance().running()).isTrue();
    assertThat(maintenanceThreads()).isEqualTo(1);
    core.start();
    assertThat(maintenanceThreads()).isEqualTo(1);

    core.close();
    assertThat(core.maintenance().running()).isFalse();
    assertThat(maintenanceThreads()).isZero();
    core.close();
  }

  @Test
  void maintenanceBeatsRemovesADeadNodesConnectionsAndClosingLeavesTheCluster() {
    InMemoryClusterMembership members = spy(new InMemoryClusterMembership(clock));
    RealtimeCore core =
        node(NODE, new RecordingDelivery())
            .cluster(
                ClusterPorts.of(bus, members, Duration.ofSeconds(10))
                    .withHeartbeat(Duration.ofMillis(20), Duration.ofSeconds(1)))
            .build();
    done(members.heartbeat(OTHER_NODE, Duration.ofSeconds(10)));
    done(
        registry.register(
            new ConnectionInfo(
                ConnectionId.of("gone"),
                UserId.of("u9"),
                OTHER_NODE,
                "websocket",
                "127.0.0.1",
                clock.now(),
                java.util.Set.of())));
    clock.advance(Duration.ofSeconds(11));

    core.start();
    // the cleanup is the last step of a round: once two rounds began, the first one has ended
    verify(members, timeout(5_000).atLeast(2)).heartbeat(NODE, Duration.ofSeconds(10));
    assertThat(done(registry.all())).isEmpty();
    assertThat(done(members.liveNodes())).containsExactly(NODE);

    core.close();
    assertThat(done(members.liveNodes())).isEmpty();
  }

  @Test
  void abandonedMaintenanceStaysInTheCluster() {
    InMemoryClusterMembership members = spy(new InMemoryClusterMembership(clock));
    RealtimeCore core =
        node(MAINTAINED, new RecordingDelivery())
            .cluster(ClusterPorts.of(bus, members, Duration.ofSeconds(10)))
            .build();
    core.start();
    verify(members, timeout(5_000)).heartbeat(MAINTAINED, Duration.ofSeconds(10));

    core.maintenance().abandon();
    core.close();

    assertThat(done(members.liveNodes())).containsExactly(MAINTAINED);
    assertThat(maintenanceThreads()).isZero();
  }

  private static long maintenanceThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(
            t -> t.getName().equals("realtime-maintenance-" + MAINTAINED.value()) && t.isAlive())
        .count();
  }
}

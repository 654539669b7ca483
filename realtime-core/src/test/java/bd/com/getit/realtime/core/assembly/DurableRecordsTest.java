package bd.com.getit.realtime.core.assembly;

import static bd.com.getit.realtime.core.testing.Fixtures.NODE;
import static bd.com.getit.realtime.core.testing.Fixtures.customer;
import static bd.com.getit.realtime.core.testing.Fixtures.done;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import bd.com.getit.realtime.adapter.memory.InMemoryChatRepository;
import bd.com.getit.realtime.adapter.memory.InMemoryClusterBus;
import bd.com.getit.realtime.adapter.memory.InMemoryConnectionLog;
import bd.com.getit.realtime.adapter.memory.InMemoryConnectionRegistry;
import bd.com.getit.realtime.adapter.memory.InMemoryOfflineQueue;
import bd.com.getit.realtime.adapter.memory.InMemoryPresenceArchive;
import bd.com.getit.realtime.adapter.memory.InMemoryPresenceStore;
import bd.com.getit.realtime.adapter.memory.InMemoryRateLimitStore;
import bd.com.getit.realtime.adapter.memory.InMemoryRecoveryStore;
import bd.com.getit.realtime.adapter.memory.InMemorySpamLedger;
import bd.com.getit.realtime.core.testing.RecordingDelivery;
import bd.com.getit.realtime.domain.Caller;
import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.JsonValue.JsonObject;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.connection.Bandwidth;
import bd.com.getit.realtime.domain.connection.ConnectionEntry;
import bd.com.getit.realtime.domain.connection.ConnectionQuality;
import bd.com.getit.realtime.domain.presence.Location;
import bd.com.getit.realtime.domain.presence.Presence;
import bd.com.getit.realtime.domain.presence.PresenceStatus;
import bd.com.getit.realtime.port.in.ChannelUseCase.JoinCommand;
import bd.com.getit.realtime.port.in.ConnectionUseCase.ConnectCommand;
import bd.com.getit.realtime.port.in.ConnectionUseCase.DisconnectCommand;
import bd.com.getit.realtime.port.in.PresenceUseCase.UpdatePresenceCommand;
import bd.com.getit.realtime.port.out.ConnectionLog;
import bd.com.getit.realtime.port.out.DeduplicationStore;
import bd.com.getit.realtime.port.out.EventLog;
import bd.com.getit.realtime.port.out.NotificationRepository;
import bd.com.getit.realtime.port.out.PresenceArchive;
import bd.com.getit.realtime.port.out.TokenVerifier;
import bd.com.getit.realtime.testkit.MutableClock;
import bd.com.getit.realtime.testkit.SequentialIds;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The core writes the connection log and the presence archive, and reads last-seen back. */
class DurableRecordsTest {
  private static final UserId U1 = UserId.of("u1");
  private static final ConnectionId C1 = ConnectionId.of("c1");

  private final TokenVerifier tokens = mock(TokenVerifier.class);
  private final MutableClock clock = new MutableClock();
  private final InMemoryConnectionLog log = new InMemoryConnectionLog();
  private final InMemoryPresenceArchive archive = new InMemoryPresenceArchive();

  @BeforeEach
  void setUp() {
    when(tokens.verify("t-u1")).thenReturn(customer("u1"));
  }

  /** A node with fresh in-memory cluster state, as after a restart. */
  private RealtimeCore node(ConnectionLog connectionLog, PresenceArchive presenceArchive) {
    DeduplicationStore dedup = mock(DeduplicationStore.class);
    when(dedup.firstSeen(any(), any())).thenReturn(CompletableFuture.completedFuture(true));
    return RealtimeCore.builder()
        .config(CoreConfig.builder().nodeId(NODE).build())
        .stores(
            new StateStores(
                new InMemoryConnectionRegistry(),
                new InMemoryPresenceStore(),
                new InMemoryRateLimitStore(),
                new InMemoryOfflineQueue(clock),
                new InMemoryRecoveryStore(clock),
                dedup,
                new InMemorySpamLedger()))
        .records(
            new RecordStores(
                new InMemoryChatRepository(),
                mock(NotificationRepository.class),
                mock(EventLog.class),
                connectionLog,
                presenceArchive))
        .cluster(ClusterPorts.single(new InMemoryClusterBus(clock)))
        .outbound(OutboundPorts.local(new RecordingDelivery()))
        .tokenVerifier(tokens)
        .clock(clock)
        .idGenerator(new SequentialIds())
        .build();
  }

  private static ConnectCommand connect() {
    return new ConnectCommand(
        C1, Optional.of("t-u1"), "203.0.113.7", "websocket", Optional.empty());
  }

  private ConnectionEntry entry() {
    return done(log.find(C1)).orElseThrow();
  }

  @Test
  void aConnectionIsLoggedFromOpenToClose() {
    RealtimeCore core = node(log, archive);
    Caller socket = Caller.of(customer("u1"), C1);

    done(core.connections().connect(connect()));
    assertThat(entry().connected()).isTrue();
    assertThat(entry().connection().clientAddress()).isEqualTo("203.0.113.7");
    assertThat(entry().connection().transport()).isEqualTo("websocket");

    clock.advance(Duration.ofSeconds(5));
    done(core.channels().join(new JoinCommand(C1, List.of("product:42"), Map.of())));
    assertThat(entry().connection().channels()).contains(ChannelName.parse("product:42"));
    assertThat(entry().lastActivity()).isEqualTo(clock.now());

    ConnectionQuality slow = new ConnectionQuality(Bandwidth.G3, 400, 0.05);
    done(core.presence().networkInfo(socket, slow));
    assertThat(entry().quality()).contains(slow);

    done(
        core.presence()
            .update(
                new UpdatePresenceCommand(
                    socket, JsonObject.builder().put("location", "Dhaka").build())));
    assertThat(entry().location()).contains(Location.of("Dhaka", null));

    clock.advance(Duration.ofMinutes(1));
    done(core.connections().disconnect(new DisconnectCommand(C1, "transport close", true)));
    assertThat(entry().disconnectedAt()).contains(clock.now());
  }

  @Test
  void lastSeenSurvivesARestartThroughTheArchive() {
    RealtimeCore before = node(ConnectionLog.NONE, archive);
    done(before.connections().connect(connect()));
    clock.advance(Duration.ofMinutes(2));
    Instant left = clock.now();
    done(
        before
            .connections()
            .disconnect(new DisconnectCommand(C1, "client namespace disconnect", false)));
    assertThat(done(archive.find(U1)).orElseThrow().status()).isEqualTo(PresenceStatus.OFFLINE);

    clock.advance(Duration.ofHours(1));
    RealtimeCore after = node(ConnectionLog.NONE, archive);
    Presence seen = done(after.presence().get(Caller.of(customer("u2")), U1));

    assertThat(seen.status()).isEqualTo(PresenceStatus.OFFLINE);
    assertThat(seen.lastSeen()).contains(left);
  }

  @Test
  void withoutAnArchiveARestartForgetsLastSeen() {
    RealtimeCore before = node(ConnectionLog.NONE, PresenceArchive.NONE);
    done(before.connections().connect(connect()));
    done(before.connections().disconnect(new DisconnectCommand(C1, "transport close", false)));

    RealtimeCore after = node(ConnectionLog.NONE, PresenceArchive.NONE);
    assertThat(done(after.presence().get(Caller.of(customer("u2")), U1)).lastSeen()).isEmpty();
  }

  @Test
  void aFailingLogNeverFailsAConnection() {
    ConnectionLog broken = mock(ConnectionLog.class);
    when(broken.opened(any())).thenThrow(new IllegalStateException("log down"));
    when(broken.closed(any(), any()))
        .thenReturn(CompletableFuture.failedFuture(new IllegalStateException("log down")));
    PresenceArchive brokenArchive = mock(PresenceArchive.class);
    when(brokenArchive.save(any(), any()))
        .thenReturn(CompletableFuture.failedFuture(new IllegalStateException("archive down")));
    when(brokenArchive.find(any()))
        .thenReturn(CompletableFuture.failedFuture(new IllegalStateException("archive down")));
    RealtimeCore core = node(broken, brokenArchive);

    done(core.connections().connect(connect()));
    done(core.connections().disconnect(new DisconnectCommand(C1, "transport close", false)));

    RealtimeCore after = node(broken, brokenArchive);
    assertThat(done(after.presence().get(Caller.of(customer("u2")), U1)).lastSeen()).isEmpty();
  }
}

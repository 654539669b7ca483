package bd.com.getit.realtime.core.connection;

import static bd.com.getit.realtime.core.testing.Fixtures.NODE;
import static bd.com.getit.realtime.core.testing.Fixtures.OTHER_NODE;
import static bd.com.getit.realtime.core.testing.Fixtures.channel;
import static bd.com.getit.realtime.core.testing.Fixtures.conn;
import static bd.com.getit.realtime.core.testing.Fixtures.customer;
import static bd.com.getit.realtime.core.testing.Fixtures.done;
import static bd.com.getit.realtime.core.testing.Fixtures.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import bd.com.getit.realtime.adapter.memory.InMemoryConnectionRegistry;
import bd.com.getit.realtime.adapter.memory.InMemoryOfflineQueue;
import bd.com.getit.realtime.adapter.memory.InMemoryRateLimitStore;
import bd.com.getit.realtime.core.RateLimiter;
import bd.com.getit.realtime.core.access.ChannelAccessPolicy;
import bd.com.getit.realtime.core.limits.ConnectionLimits;
import bd.com.getit.realtime.core.routing.DeliveryShape;
import bd.com.getit.realtime.core.session.LocalSessions;
import bd.com.getit.realtime.core.testing.FakeBus;
import bd.com.getit.realtime.core.testing.RecordingDelivery;
import bd.com.getit.realtime.core.testing.RecordingRecoveryStore;
import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.Event;
import bd.com.getit.realtime.domain.NodeId;
import bd.com.getit.realtime.domain.Outbound;
import bd.com.getit.realtime.domain.RealtimeException;
import bd.com.getit.realtime.domain.StreamOffset;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.cluster.ClusterMessage;
import bd.com.getit.realtime.domain.connection.RecoverySession;
import bd.com.getit.realtime.port.in.ChannelUseCase.JoinCommand;
import bd.com.getit.realtime.port.in.ChannelUseCase.LeaveCommand;
import bd.com.getit.realtime.port.in.ConnectionUseCase.ConnectCommand;
import bd.com.getit.realtime.port.in.ConnectionUseCase.DisconnectCommand;
import bd.com.getit.realtime.port.in.ConnectionUseCase.Recovery;
import bd.com.getit.realtime.port.in.ConnectionUseCase.Session;
import bd.com.getit.realtime.port.out.ChatRepository;
import bd.com.getit.realtime.port.out.RecoveryStore;
import bd.com.getit.realtime.port.out.TokenVerifier;
import bd.com.getit.realtime.testkit.MutableClock;
import bd.com.getit.realtime.testkit.SequentialIds;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A live connection's recovery session is kept in the store while it lives, so that a client whose
 * node crashed recovers on another node, but never while its old connection is still registered.
 */
class CrashRecoveryTest {
  private final TokenVerifier tokens = mock(TokenVerifier.class);
  private final InMemoryConnectionRegistry registry = new InMemoryConnectionRegistry();
  private final MutableClock clock = new MutableClock();
  private final RecordingRecoveryStore recovery = new RecordingRecoveryStore();
  private final FakeBus bus = new FakeBus();
  private final SequentialIds ids = new SequentialIds();
  private final Duration window = Duration.ofMinutes(2);

  /** One node of the cluster: its own sessions and delivery, the shared cluster stores. */
  private final class Node {
    final LocalSessions sessions = new LocalSessions();
    final RecordingDelivery delivery = new RecordingDelivery();
    final ConnectionService connections;
    final ChannelService channels;

    Node(NodeId id, RecoveryStore store) {
      this(id, store, SessionOwners.NONE);
    }

    Node(NodeId id, RecoveryStore store, SessionOwners owners) {
      connections =
          new ConnectionService(
              id,
              true,
              window,
              new ConnectionService.Ports(
                  tokens,
                  new ConnectionLimits(registry, new InMemoryRateLimitStore(), clock, 10, 300),
                  store,
                  registry,
                  sessions,
                  delivery,
                  bus,
                  new InMemoryOfflineQueue(clock),
                  ids,
                  clock),
              List.of(),
              owners);
      RateLimiter unlimited = mock(RateLimiter.class);
      when(unlimited.check(any(), any())).thenReturn(CompletableFuture.completedFuture(null));
      channels =
          new ChannelService(
              sessions,
              new ChannelAccessPolicy(mock(ChatRepository.class), tokens),
              unlimited,
              registry,
              10,
              connections::channelsChanged);
    }

    Session open(String id, String token) {
      Session s = done(connections.connect(connect(id, token, Optional.empty())));
      done(connections.activate(s.connection()));
      return s;
    }

    void join(String id, String... names) {
      done(channels.join(new JoinCommand(conn(id), List.of(names), Map.of())));
    }
  }

  private final Node nodeA = new Node(NODE, recovery);
  private final Node nodeB = new Node(OTHER_NODE, recovery);

  @BeforeEach
  void setUp() {
    when(tokens.verify("t-u1")).thenReturn(customer("u1"));
  }

  private static ConnectCommand connect(String id, String token, Optional<Recovery> recovery) {
    return new ConnectCommand(
        ConnectionId.of(id), Optional.ofNullable(token), "10.0.0.1", "websocket", recovery);
  }

  private static Optional<Recovery> resume(String pid, StreamOffset offset) {
    return Optional.of(new Recovery(pid, offset));
  }

  private static Set<ChannelName> channels(String... names) {
    return Set.of(names).stream()
        .map(ChannelName::parse)
        .collect(java.util.stream.Collectors.toSet());
  }

  /** Publishes event {@code id} on the shared bus as {@code from} did; its offset. */
  private StreamOffset publish(NodeId from, String id, String name, String channel) {
    return done(bus.publish(from, new ClusterMessage.PublishedEvent(event(id, name, channel))));
  }

  /** What the other nodes do once they declare node A dead (MembershipService). */
  private void cleanUpNodeA() {
    done(registry.removeNode(NODE));
  }

  @Test
  void activationKeepsTheLiveSessionForTheWindow() {
    clock.advance(Duration.ofSeconds(3));
    Session s = nodeA.open("c1", "t-u1");
    assertThat(recovery.sessions.get(s.pid()))
        .isEqualTo(
            new RecoverySession(
                s.pid(),
                conn("c1"),
                UserId.of("u1"),
                channels("user:u1", "system:announcements"),
                clock.now()));
    assertThat(recovery.windows.get(s.pid())).isEqualTo(window);
  }

  @Test
  void aConnectionThatIsNotActivatedYetIsNotKept() {
    done(nodeA.connections.connect(connect("c1", "t-u1", Optional.empty())));
    assertThat(recovery.sessions).isEmpty();
  }

  @Test
  void guestsAreNotKept() {
    nodeA.open("g1", null);
    assertThat(recovery.sessions).isEmpty();
    done(nodeA.connections.refreshRecoverySessions());
    assertThat(recovery.sessions).isEmpty();
  }

  @Test
  void joinAndLeaveKeepTheSessionsChannelsCurrent() {
    Session s = nodeA.open("c1", "t-u1");
    nodeA.join("c1", "product:1", "auction:a1");
    assertThat(recovery.sessions.get(s.pid()).channels())
        .isEqualTo(channels("user:u1", "system:announcements", "product:1", "auction:a1"));

    done(nodeA.channels.leave(new LeaveCommand(conn("c1"), List.of("auction:a1"))));
    assertThat(recovery.sessions.get(s.pid()).channels())
        .isEqualTo(channels("user:u1", "system:announcements", "product:1"));
  }

  @Test
  void aSlowEarlierSaveNeverOverwritesTheJoinThatFollowedIt() {
    // The store's calls may finish in any order (a pool of Redis connections): here each save
    // waits until the test finishes it, and the test finishes them newest first.
    List<CompletableFuture<Void>> pending = new java.util.concurrent.CopyOnWriteArrayList<>();
    RecoveryStore slow =
        new RecoveryStore() {
          @Override
          public CompletionStage<Void> save(RecoverySession session, Duration w) {
            CompletableFuture<Void> finished = new CompletableFuture<>();
            pending.add(finished);
            return finished.thenCompose(v -> recovery.save(session, w));
          }

          @Override
          public CompletionStage<Optional<RecoverySession>> take(String pid) {
            return recovery.take(pid);
          }
        };
    Node node = new Node(NODE, slow);
    Session s = done(node.connections.connect(connect("c1", "t-u1", Optional.empty())));
    CompletionStage<Void> activated = node.connections.activate(s.connection());
    CompletionStage<?> joined =
        node.channels.join(new JoinCommand(conn("c1"), List.of("product:1"), Map.of()));

    for (int round = 0; round < 10 && !joined.toCompletableFuture().isDone(); round++) {
      List<CompletableFuture<Void>> now = List.copyOf(pending);
      pending.clear();
      for (int i = now.size() - 1; i >= 0; i--) {
        now.get(i).complete(null);
      }
    }

    done(activated);
    assertThat(joined.toCompletableFuture()).isDone();
    assertThat(recovery.sessions.get(s.pid()).channels())
        .isEqualTo(channels("user:u1", "system:announcements", "product:1"));
  }

  @Test
  void channelsChangedOfAConnectionNotKeptHereSavesNothing() {
    done(nodeA.connections.channelsChanged(conn("nobody")));
    done(nodeA.connections.connect(connect("c1", "t-u1", Optional.empty())));
    done(nodeA.connections.channelsChanged(conn("c1")));
    assertThat(recovery.sessions).isEmpty();
  }

  @Test
  void refreshSavesEveryLiveSessionAgainUntilItsConnectionEnds() {
    when(tokens.verify("t-u2")).thenReturn(customer("u2"));
    Session one = nodeA.open("c1", "t-u1");
    Session two = nodeA.open("c2", "t-u2");
    recovery.sessions.clear(); // as if both had expired in the store
    clock.advance(Duration.ofSeconds(40));

    assertThat(done(nodeA.connections.refreshRecoverySessions())).isEqualTo(2);
    assertThat(recovery.sessions).containsOnlyKeys(one.pid(), two.pid());
    assertThat(recovery.sessions.get(one.pid()).endedAt()).isEqualTo(clock.now());
    assertThat(recovery.windows.get(two.pid())).isEqualTo(window);

    done(nodeA.connections.disconnect(new DisconnectCommand(conn("c2"), "client left", false)));
    recovery.sessions.clear();
    assertThat(done(nodeA.connections.refreshRecoverySessions())).isEqualTo(1);
    assertThat(recovery.sessions).containsOnlyKeys(one.pid());
  }

  @Test
  void aDeliberateDisconnectForgetsTheKeptSession() {
    Session s = nodeA.open("c1", "t-u1");
    assertThat(recovery.sessions).containsKey(s.pid());
    done(nodeA.connections.disconnect(new DisconnectCommand(conn("c1"), "client left", false)));
    assertThat(recovery.sessions).isEmpty();
  }

  @Test
  void aDroppedConnectionStillLeavesItsSessionWithTheDropTime() {
    Session s = nodeA.open("c1", "t-u1");
    clock.advance(Duration.ofSeconds(9));
    done(nodeA.connections.disconnect(new DisconnectCommand(conn("c1"), "ping timeout", true)));
    assertThat(recovery.sessions.get(s.pid()).endedAt()).isEqualTo(clock.now());
  }

  @Test
  void afterACrashAnotherNodeRecoversTheSessionWithEveryMissedEventInOrder() {
    Session s = nodeA.open("c1", "t-u1");
    nodeA.join("c1", "product:1");
    StreamOffset seen = publish(NODE, "e0", "product_x", "product:1");
    // Node A dies here: it neither unregisters c1 nor saves anything more.
    publish(OTHER_NODE, "e1", "product_x", "product:1");
    publish(OTHER_NODE, "e2", "product_x", "product:2");
    publish(OTHER_NODE, "e3", "product_y", "product:1");
    cleanUpNodeA();

    Session back = done(nodeB.connections.connect(connect("c9", "t-u1", resume(s.pid(), seen))));
    assertThat(back.recovered()).isTrue();
    assertThat(back.connection()).isEqualTo(conn("c1"));
    assertThat(back.pid()).isEqualTo(s.pid());
    assertThat(back.channels()).contains(channel("product:1"));
    done(nodeB.connections.activate(conn("c1")));
    assertThat(nodeB.delivery.eventsTo(conn("c1")))
        .containsExactly("authenticated", "product_x", "product_y", "offline_sync");
    // The recovered connection is kept again, now by node B, under the same pid.
    assertThat(recovery.sessions).containsKey(s.pid());
  }

  @Test
  void liveEventsDuringTheReplayAreDeliveredOnceAndAfterIt() {
    Session s = nodeA.open("c1", "t-u1");
    nodeA.join("c1", "product:1");
    StreamOffset seen = publish(NODE, "e0", "product_x", "product:1");
    publish(OTHER_NODE, "e1", "product_x", "product:1");
    cleanUpNodeA();
    Session back = done(nodeB.connections.connect(connect("c9", "t-u1", resume(s.pid(), seen))));
    assertThat(back.recovered()).isTrue();

    // Recovered and joined, not yet replayed: a live event that the replay will also read, and
    // one published after the replay's read (its offset is not on the bus yet).
    Event both = event("e2", "product_y", "product:1");
    StreamOffset bothOffset =
        done(bus.publish(OTHER_NODE, new ClusterMessage.PublishedEvent(both)));
    Outbound liveBoth = DeliveryShape.outbound(both, Optional.of(bothOffset));
    Outbound liveAfter =
        DeliveryShape.outbound(
            event("e3", "product_z", "product:1"), Optional.of(new StreamOffset("9999999-0")));
    assertThat(nodeB.sessions.divertHeld(List.of(conn("c1"), conn("c7")), liveBoth))
        .containsExactly(conn("c7"));
    assertThat(nodeB.sessions.divertHeld(List.of(conn("c1")), liveAfter)).isEmpty();
    assertThat(nodeB.delivery.eventsTo(conn("c1"))).isEmpty();
    // And one this node's bus reader has not handed over yet: it comes live after the replay.
    Event lagging = event("e4", "product_q", "product:1");
    StreamOffset laggingOffset =
        done(bus.publish(OTHER_NODE, new ClusterMessage.PublishedEvent(lagging)));

    done(nodeB.connections.activate(conn("c1")));

    assertThat(nodeB.delivery.eventsTo(conn("c1")))
        .containsExactly(
            "authenticated", "product_x", "product_y", "product_q", "product_z", "offline_sync");
    // Released: the lagging one, replayed already, is dropped; later live events go through.
    Outbound liveLagging = DeliveryShape.outbound(lagging, Optional.of(laggingOffset));
    assertThat(nodeB.sessions.divertHeld(List.of(conn("c1")), liveLagging)).isEmpty();
    assertThat(nodeB.sessions.divertHeld(List.of(conn("c1")), liveAfter))
        .containsExactly(conn("c1"));
  }

  @Test
  void aSessionWhoseConnectionIsStillRegisteredIsNotRecoveredAndStaysRecoverable() {
    Session s = nodeA.open("c1", "t-u1");
    nodeA.join("c1", "product:1");
    StreamOffset seen = publish(NODE, "e0", "product_x", "product:1");

    // Before the crash is detected, c1 still counts as live: no second socket c1.
    Session early = done(nodeB.connections.connect(connect("c8", "t-u1", resume(s.pid(), seen))));
    assertThat(early.recovered()).isFalse();
    assertThat(early.connection()).isEqualTo(conn("c8"));
    assertThat(early.channels()).doesNotContain(channel("product:1"));
    assertThat(recovery.sessions.get(s.pid()).channels()).contains(channel("product:1"));

    cleanUpNodeA();
    Session later = done(nodeB.connections.connect(connect("c9", "t-u1", resume(s.pid(), seen))));
    assertThat(later.recovered()).isTrue();
    assertThat(later.connection()).isEqualTo(conn("c1"));
  }

  @Test
  void aClientOfANodeThatStoppedBeatingRecoversAtOnceWithoutWaitingForTheCleanup() {
    Set<NodeId> silent = new java.util.HashSet<>();
    Node nodeC =
        new Node(
            NodeId.of("node-c"),
            recovery,
            owner -> CompletableFuture.completedFuture(silent.contains(owner)));
    Session s = nodeA.open("c1", "t-u1");
    nodeA.join("c1", "product:1");
    StreamOffset seen = publish(NODE, "e0", "product_x", "product:1");
    publish(OTHER_NODE, "e1", "product_x", "product:1");

    // Node A still beats: c1 is live, the reconnecting client starts fresh.
    Session early = done(nodeC.connections.connect(connect("c8", "t-u1", resume(s.pid(), seen))));
    assertThat(early.recovered()).isFalse();

    // Node A stopped beating (killed); its cleanup has not run, c1 is still registered there.
    silent.add(NODE);
    Session back = done(nodeC.connections.connect(connect("c9", "t-u1", resume(s.pid(), seen))));

    assertThat(back.recovered()).isTrue();
    assertThat(back.connection()).isEqualTo(conn("c1"));
    done(nodeC.connections.activate(conn("c1")));
    assertThat(nodeC.delivery.eventsTo(conn("c1")))
        .containsExactly("authenticated", "product_x", "offline_sync");
    // The registry now holds c1 on node C: the late cleanup of node A leaves it alone.
    cleanUpNodeA();
    assertThat(done(registry.find(conn("c1"))))
        .hasValueSatisfying(c -> assertThat(c.node()).isEqualTo(NodeId.of("node-c")));
  }

  @Test
  void aConnectionOfThisVeryNodeIsNeverTakenOverEvenIfAskedAboutAsGone() {
    Node nodeAgain = new Node(NODE, recovery, owner -> CompletableFuture.completedFuture(true));
    Session s = nodeA.open("c1", "t-u1");
    StreamOffset seen =
        done(
            bus.publish(
                NODE, new ClusterMessage.PublishedEvent(event("e0", "product_x", "product:1"))));

    Session other =
        done(nodeAgain.connections.connect(connect("c8", "t-u1", resume(s.pid(), seen))));

    assertThat(other.recovered()).isFalse();
    assertThat(other.connection()).isEqualTo(conn("c8"));
  }

  @Test
  void aStoreThatFailsNeverFailsTheConnectionNorItsJoins() {
    RecoveryStore failing = mock(RecoveryStore.class);
    when(failing.save(any(), any()))
        .thenReturn(
            CompletableFuture.failedFuture(new RealtimeException(ErrorCode.INTERNAL, "down")));
    Node broken = new Node(NODE, failing);
    broken.open("c1", "t-u1");
    assertThat(broken.delivery.eventsTo(conn("c1")))
        .containsExactly("authenticated", "offline_sync");
    broken.join("c1", "product:1");
    assertThat(broken.sessions.isSubscribed(conn("c1"), channel("product:1"))).isTrue();
    CompletionStage<Integer> refreshed = broken.connections.refreshRecoverySessions();
    assertThat(done(refreshed)).isEqualTo(1);
  }

  @Test
  void aStoreThatThrowsIsTreatedAsAFailedSave() {
    RecoveryStore throwing = mock(RecoveryStore.class);
    when(throwing.save(any(), any())).thenThrow(new IllegalStateException("adapter bug"));
    Node broken = new Node(NODE, throwing);
    broken.open("c1", "t-u1");
    assertThat(broken.delivery.eventsTo(conn("c1")))
        .containsExactly("authenticated", "offline_sync");
  }
}

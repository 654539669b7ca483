package bd.com.getit.realtime.core.cluster;

import static bd.com.getit.realtime.testkit.Stages.join;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import bd.com.getit.realtime.adapter.memory.InMemoryClusterMembership;
import bd.com.getit.realtime.adapter.memory.InMemoryConnectionRegistry;
import bd.com.getit.realtime.core.ConnectionListener;
import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.NodeId;
import bd.com.getit.realtime.domain.Principal;
import bd.com.getit.realtime.domain.Role;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.cluster.NodeStatus;
import bd.com.getit.realtime.domain.connection.ConnectionInfo;
import bd.com.getit.realtime.port.out.ClusterMembership;
import bd.com.getit.realtime.testkit.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class MembershipServiceTest {
  private static final NodeId SELF = NodeId.of("self");
  private static final NodeId OTHER = NodeId.of("other");
  private static final NodeId DEAD = NodeId.of("dead");
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final MutableClock clock = new MutableClock();
  private final InMemoryClusterMembership membership = new InMemoryClusterMembership(clock);
  private final InMemoryConnectionRegistry registry = new InMemoryConnectionRegistry();
  private final Recorder recorder = new Recorder();

  /** Remembers which connections were reported ended, and as whom. */
  private static final class Recorder implements ConnectionListener {
    final List<ConnectionId> ended = new CopyOnWriteArrayList<>();
    final List<Principal> principals = new CopyOnWriteArrayList<>();

    @Override
    public CompletionStage<Void> connected(Principal principal, ConnectionInfo connection) {
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> disconnected(Principal principal, ConnectionInfo connection) {
      ended.add(connection.id());
      principals.add(principal);
      return CompletableFuture.completedFuture(null);
    }
  }

  private MembershipService service(NodeId self, ConnectionListener... listeners) {
    return new MembershipService(self, membership, registry, List.of(listeners), TIMEOUT);
  }

  private static ConnectionInfo connection(String id, String user, NodeId node) {
    return new ConnectionInfo(
        ConnectionId.of(id),
        UserId.of(user),
        node,
        "websocket",
        "203.0.113.7",
        MutableClock.DEFAULT_START,
        Set.of(ChannelName.ANNOUNCEMENTS));
  }

  /** DEAD heartbeats once and then stays silent past the timeout. */
  private void deadNodeWithConnections() {
    join(membership.heartbeat(DEAD, TIMEOUT));
    join(registry.register(connection("d1", "alice", DEAD)));
    join(registry.register(connection("d2", "guest:d2", DEAD)));
    join(registry.register(connection("s1", "bob", SELF)));
    clock.advance(TIMEOUT.plusSeconds(1));
  }

  @Test
  void aTickMakesThisNodeALiveMember() {
    assertThat(join(service(SELF).tick())).isZero();

    assertThat(join(membership.liveNodes())).containsExactly(SELF);
  }

  @Test
  void aDeadNodesConnectionsAreRemovedAndReportedEnded() {
    deadNodeWithConnections();

    assertThat(join(service(SELF, recorder).tick())).isEqualTo(2);

    assertThat(join(registry.all()))
        .extracting(ConnectionInfo::id)
        .containsExactly(ConnectionId.of("s1"));
    assertThat(recorder.ended)
        .containsExactlyInAnyOrder(ConnectionId.of("d1"), ConnectionId.of("d2"));
    assertThat(join(membership.deadNodes())).isEmpty();
  }

  @Test
  void endedConnectionsAreReportedAsTheirUserOrAsAGuest() {
    deadNodeWithConnections();

    join(service(SELF, recorder).tick());

    assertThat(recorder.principals)
        .containsExactlyInAnyOrder(
            Principal.of(UserId.of("alice"), Set.of(Role.CUSTOMER)),
            Principal.guest(ConnectionId.of("d2")));
  }

  @Test
  void onlyTheClaimantCleansUp() {
    deadNodeWithConnections();
    assertThat(join(membership.claimCleanup(DEAD, OTHER, TIMEOUT))).isTrue();

    assertThat(join(service(SELF, recorder).tick())).isZero();

    assertThat(join(registry.all())).hasSize(3);
    assertThat(recorder.ended).isEmpty();
    assertThat(join(membership.deadNodes())).containsExactly(DEAD);
  }

  @Test
  void aSecondTickFindsNothingLeft() {
    deadNodeWithConnections();
    MembershipService service = service(SELF, recorder);
    join(service.tick());

    assertThat(join(service.tick())).isZero();
    assertThat(recorder.ended).hasSize(2);
  }

  @Test
  void aLiveNodeIsNeverCleanedUp() {
    join(membership.heartbeat(OTHER, TIMEOUT));
    join(registry.register(connection("o1", "carol", OTHER)));
    clock.advance(TIMEOUT.minusSeconds(1));

    assertThat(join(service(SELF, recorder).tick())).isZero();

    assertThat(join(registry.all())).hasSize(1);
  }

  @Test
  void thisNodeNeverCleansUpAfterItself() {
    ClusterMembership stale = mock(ClusterMembership.class);
    when(stale.heartbeat(any(), any())).thenReturn(CompletableFuture.completedFuture(null));
    when(stale.deadNodes()).thenReturn(CompletableFuture.completedFuture(Set.of(SELF)));
    MembershipService service =
        new MembershipService(SELF, stale, registry, List.of(recorder), TIMEOUT);

    assertThat(join(service.tick())).isZero();

    verify(stale, never()).claimCleanup(any(), any(), any());
  }

  @Test
  void aFailingListenerDoesNotStopTheOthers() {
    deadNodeWithConnections();
    ConnectionListener failing = mock(ConnectionListener.class);
    when(failing.disconnected(any(), any())).thenThrow(new IllegalStateException("boom"));
    ConnectionListener failingLater = mock(ConnectionListener.class);
    when(failingLater.disconnected(any(), any()))
        .thenReturn(CompletableFuture.failedFuture(new IllegalStateException("later")));

    assertThat(join(service(SELF, failing, failingLater, recorder).tick())).isEqualTo(2);

    assertThat(recorder.ended).hasSize(2);
  }

  @Test
  void aFailingStoreMakesTheTickReportNothing() {
    ClusterMembership down = mock(ClusterMembership.class);
    when(down.heartbeat(any(), any()))
        .thenReturn(CompletableFuture.failedFuture(new IllegalStateException("Redis down")));

    assertThat(join(new MembershipService(SELF, down, registry, List.of(), TIMEOUT).tick()))
        .isZero();
  }

  @Test
  void aNodeThatLeftIsNotCleanedUp() {
    MembershipService service = service(SELF);
    join(service.tick());

    join(service.leave());
    clock.advance(TIMEOUT.plusSeconds(1));

    assertThat(join(membership.liveNodes())).isEmpty();
    assertThat(join(membership.deadNodes())).isEmpty();
  }

  @Test
  void theTimeoutIsPositive() {
    assertThatThrownBy(
            () -> new MembershipService(SELF, membership, registry, List.of(), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void eachTickReportsThisNodesFiguresWithItsHeartbeat() {
    double[] rate = {1.5};
    MembershipService self =
        new MembershipService(
            SELF,
            membership,
            registry,
            List.of(),
            TIMEOUT,
            () -> new NodeStatus(SELF, MutableClock.DEFAULT_START, rate[0], 2.0));
    join(self.tick());
    rate[0] = 7.0;
    clock.advance(Duration.ofSeconds(1));
    join(self.tick());

    assertThat(join(membership.statuses()))
        .containsExactly(new NodeStatus(SELF, MutableClock.DEFAULT_START, 7.0, 2.0));
  }

  @Test
  void aTickThatFindsThisNodeForgottenAfterItHadBeatenRestoresItsConnections() {
    java.util.concurrent.atomic.AtomicInteger restores =
        new java.util.concurrent.atomic.AtomicInteger();
    MembershipService self =
        new MembershipService(
            SELF,
            membership,
            registry,
            List.of(),
            TIMEOUT,
            null,
            () -> CompletableFuture.completedFuture(restores.incrementAndGet()));
    join(self.tick()); // the first beat: a node that just started has nothing to restore
    join(self.tick());
    assertThat(restores).hasValue(0);

    join(membership.leave(SELF)); // as Redis restarted empty, or the others cleaning up after it
    join(self.tick());

    assertThat(restores).hasValue(1);
    assertThat(join(membership.lastHeartbeat(SELF))).isPresent();
    join(self.tick());
    assertThat(restores).hasValue(1);
  }
}

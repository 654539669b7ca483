package bd.com.getit.realtime.testkit.contract;

import static bd.com.getit.realtime.testkit.Stages.join;
import static org.assertj.core.api.Assertions.assertThat;

import bd.com.getit.realtime.domain.NodeId;
import bd.com.getit.realtime.domain.cluster.NodeStatus;
import bd.com.getit.realtime.port.out.Clock;
import bd.com.getit.realtime.port.out.ClusterMembership;
import bd.com.getit.realtime.testkit.Concurrently;
import bd.com.getit.realtime.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ClusterMembership} must do. Heartbeats and leases are measured with the test's
 * clock: an adapter backed by a server keeps its own expiry at least as long.
 */
public abstract class ClusterMembershipContract {
  private static final NodeId A = NodeId.of("node-a");
  private static final NodeId B = NodeId.of("node-b");
  private static final NodeId C = NodeId.of("node-c");
  private static final Duration TTL = Duration.ofSeconds(30);

  /** The clock the membership measures heartbeats and leases with. */
  protected final MutableClock clock = new MutableClock();

  private ClusterMembership members;

  /** A new membership with no members, reading time from {@code clock}. */
  protected abstract ClusterMembership newMembership(Clock clock);

  @BeforeEach
  void createMembership() {
    members = newMembership(clock);
  }

  @Test
  void aNodeWithAHeartbeatIsLive() {
    join(members.heartbeat(A, TTL));
    join(members.heartbeat(B, TTL));

    assertThat(join(members.liveNodes())).containsExactlyInAnyOrder(A, B);
    assertThat(join(members.deadNodes())).isEmpty();
  }

  @Test
  void theLastHeartbeatIsWhenTheNodeLastBeat() {
    Instant first = clock.now();
    join(members.heartbeat(A, TTL));
    clock.advance(Duration.ofSeconds(2));
    Instant second = clock.now();
    join(members.heartbeat(B, TTL));

    clock.advance(Duration.ofSeconds(5));

    assertThat(join(members.lastHeartbeat(A))).contains(first);
    assertThat(join(members.lastHeartbeat(B))).contains(second);
    assertThat(join(members.lastHeartbeat(C))).isEmpty();
  }

  @Test
  void aNodeThatLeftOrWasForgottenHasNoLastHeartbeat() {
    join(members.heartbeat(A, TTL));
    join(members.heartbeat(B, TTL));
    join(members.leave(A));
    clock.advance(TTL.plusSeconds(1));
    join(members.forget(B));

    assertThat(join(members.lastHeartbeat(A))).isEmpty();
    assertThat(join(members.lastHeartbeat(B))).isEmpty();
  }

  @Test
  void reportsOfLiveMembersAreListedTheLastOneEach() {
    Instant started = clock.now();
    join(members.heartbeat(A, TTL));
    join(members.heartbeat(B, TTL));
    join(members.report(new NodeStatus(A, started, 10.5, 1.25)));
    join(members.report(new NodeStatus(A, started, 12.0, 2.5)));
    join(members.report(new NodeStatus(B, started, 0, 0)));

    assertThat(join(members.statuses()))
        .containsExactlyInAnyOrder(
            new NodeStatus(A, started, 12.0, 2.5), new NodeStatus(B, started, 0, 0));
  }

  @Test
  void reportsOfDeadLeftOrForgottenNodesAreNotListed() {
    Instant started = clock.now();
    join(members.heartbeat(A, TTL));
    join(members.heartbeat(B, TTL));
    join(members.report(new NodeStatus(A, started, 1, 1)));
    join(members.report(new NodeStatus(B, started, 2, 2)));
    join(members.leave(B));
    clock.advance(TTL.plusSeconds(1));
    join(members.heartbeat(C, TTL));
    join(members.report(new NodeStatus(C, clock.now(), 3, 3)));

    assertThat(join(members.statuses())).containsExactly(new NodeStatus(C, clock.now(), 3, 3));
    join(members.forget(A));
    join(members.heartbeat(A, TTL));
    assertThat(join(members.statuses()))
        .as("a forgotten node's old report is gone")
        .containsExactly(new NodeStatus(C, clock.now(), 3, 3));
  }

  @Test
  void aNodeWhoseHeartbeatLapsedIsDead() {
    join(members.heartbeat(A, TTL));
    join(members.heartbeat(B, TTL));
    clock.advance(Duration.ofSeconds(20));
    join(members.heartbeat(B, TTL));

    clock.advance(Duration.ofSeconds(11));

    assertThat(join(members.deadNodes())).containsExactly(A);
    assertThat(join(members.liveNodes())).containsExactly(B);
  }

  @Test
  void aNodeThatLeftIsNeitherLiveNorDead() {
    join(members.heartbeat(A, TTL));
    join(members.leave(A));
    clock.advance(TTL.plusSeconds(1));

    assertThat(join(members.liveNodes())).isEmpty();
    assertThat(join(members.deadNodes())).isEmpty();
  }

  @Test
  void forgettingADeadNodeRemovesIt() {
    join(members.heartbeat(A, TTL));
    clock.advance(TTL.plusSeconds(1));

    join(members.forget(A));

    assertThat(join(members.deadNodes())).isEmpty();
  }

  @Test
  void forgettingANodeThatCameBackKeepsIt() {
    join(members.heartbeat(A, TTL));
    clock.advance(TTL.plusSeconds(1));
    join(members.heartbeat(A, TTL));

    join(members.forget(A));

    assertThat(join(members.liveNodes())).containsExactly(A);
  }

  @Test
  void onlyOneClaimantCleansUpWhileTheLeaseRuns() {
    assertThat(join(members.claimCleanup(C, A, TTL))).isTrue();
    assertThat(join(members.claimCleanup(C, B, TTL))).isFalse();
    assertThat(join(members.claimCleanup(B, A, TTL))).isTrue();

    clock.advance(TTL.plusSeconds(1));

    assertThat(join(members.claimCleanup(C, B, TTL))).isTrue();
  }

  @Test
  void concurrentClaimsHaveExactlyOneWinner() {
    AtomicInteger ids = new AtomicInteger();
    List<Boolean> won =
        Concurrently.call(
            8, () -> join(members.claimCleanup(C, NodeId.of("n" + ids.incrementAndGet()), TTL)));

    assertThat(won).containsOnlyOnce(true);
  }
}

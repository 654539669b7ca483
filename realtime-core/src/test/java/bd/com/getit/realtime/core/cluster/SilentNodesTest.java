package bd.com.getit.realtime.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bd.com.getit.realtime.adapter.memory.InMemoryClusterMembership;
import bd.com.getit.realtime.domain.NodeId;
import bd.com.getit.realtime.port.out.ClusterMembership;
import bd.com.getit.realtime.testkit.MutableClock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

class SilentNodesTest {
  private static final NodeId A = NodeId.of("node-a");
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final Duration SILENCE = Duration.ofSeconds(3);

  private final MutableClock clock = new MutableClock();
  private final InMemoryClusterMembership membership = new InMemoryClusterMembership(clock);
  private final SilentNodes nodes = new SilentNodes(membership, clock, SILENCE);

  private boolean gone(NodeId node) {
    return nodes.gone(node).toCompletableFuture().join();
  }

  @Test
  void aNodeThatBeatsWithinTheSilenceIsNotGone() {
    membership.heartbeat(A, TIMEOUT);
    clock.advance(SILENCE);

    assertThat(gone(A)).isFalse();
  }

  @Test
  void aNodeSilentForLongerIsGoneLongBeforeItsHeartbeatLapses() {
    membership.heartbeat(A, TIMEOUT);
    clock.advance(SILENCE.plusMillis(1));

    assertThat(gone(A)).isTrue();
    assertThat(membership.deadNodes().toCompletableFuture().join()).isEmpty();
  }

  @Test
  void aNodeThatIsNoMemberIsGone() {
    membership.heartbeat(A, TIMEOUT);
    membership.leave(A);

    assertThat(gone(A)).isTrue();
    assertThat(gone(NodeId.of("never-seen"))).isTrue();
  }

  @Test
  void aFailedLookUpAnswersNotGone() {
    ClusterMembership broken = Mockito.mock(ClusterMembership.class);
    Mockito.when(broken.lastHeartbeat(A))
        .thenReturn(CompletableFuture.failedFuture(new IllegalStateException("redis down")));

    assertThat(new SilentNodes(broken, clock, SILENCE).gone(A).toCompletableFuture().join())
        .isFalse();
  }

  @Test
  void theSilenceMustBePositive() {
    assertThatThrownBy(() -> new SilentNodes(membership, clock, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

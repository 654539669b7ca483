package bd.com.getit.realtime.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bd.com.getit.realtime.adapter.memory.InMemoryClusterMembership;
import bd.com.getit.realtime.domain.NodeId;
import bd.com.getit.realtime.port.out.ClusterMembership;
import bd.com.getit.realtime.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

class SilentNodesTest {
  private static final NodeId A = NodeId.of("node-a");
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final Duration SILENCE = Duration.ofSeconds(3);
  private static final Duration POLL = Duration.ofMillis(250);

  private final MutableClock clock = new MutableClock();
  private final InMemoryClusterMembership membership = new InMemoryClusterMembership(clock);
  private final AtomicInteger looks = new AtomicInteger();

  /** Each look happens one poll later by the clock; {@code onLook} runs before it. */
  private Runnable onLook = () -> {};

  private final SilentNodes nodes = watching(looks(true, Runnable::run));

  /**
   * Delays whose every look is counted, comes one poll later by the clock (unless it stands still)
   * and runs {@code onLook} first; {@code run} decides when the look happens.
   */
  private SilentNodes.Delays looks(boolean clockMoves, Consumer<Runnable> run) {
    return delay ->
        task ->
            run.accept(
                () -> {
                  if (clockMoves) {
                    clock.advance(delay);
                  }
                  looks.incrementAndGet();
                  onLook.run();
                  task.run();
                });
  }

  private SilentNodes watching(SilentNodes.Delays delays) {
    return new SilentNodes(membership, clock, SILENCE, POLL, delays);
  }

  private boolean gone(NodeId node) {
    return nodes.gone(node).toCompletableFuture().join();
  }

  @Test
  void aNodeSilentForLongerThanTheSilenceIsGoneAtOnce() {
    membership.heartbeat(A, TIMEOUT);
    clock.advance(SILENCE.plusMillis(1));

    assertThat(gone(A)).isTrue();
    assertThat(looks).hasValue(0);
    assertThat(membership.deadNodes().toCompletableFuture().join()).isEmpty();
  }

  @Test
  void aNodeKilledJustBeforeTheClientReconnectsIsGoneOnceItHasBeenSilentForTheSilence() {
    membership.heartbeat(A, TIMEOUT);
    Instant lastBeat = clock.now();
    clock.advance(Duration.ofMillis(800)); // the client's first reconnection attempt

    assertThat(gone(A)).isTrue();
    assertThat(clock.now()).isAfter(lastBeat.plus(SILENCE));
    assertThat(clock.now()).isBefore(lastBeat.plus(SILENCE).plus(POLL).plusMillis(1));
  }

  @Test
  void aNodeThatBeatsAgainWhileWatchedIsNotGone() {
    membership.heartbeat(A, TIMEOUT);
    clock.advance(Duration.ofMillis(600));
    onLook =
        () -> {
          if (looks.get() == 2) {
            membership.heartbeat(A, TIMEOUT);
          }
        };

    assertThat(gone(A)).isFalse();
    assertThat(looks).hasValue(2);
  }

  @Test
  void theClientsOfOneNodeAskingAtOnceShareOneWatch() {
    membership.heartbeat(A, TIMEOUT);
    java.util.Queue<Runnable> due = new java.util.ArrayDeque<>();
    SilentNodes queued = watching(looks(true, due::add));

    CompletableFuture<Boolean> first = queued.gone(A).toCompletableFuture();
    CompletableFuture<Boolean> second = queued.gone(A).toCompletableFuture();
    while (!due.isEmpty()) {
      due.poll().run();
    }

    assertThat(first.join()).isTrue();
    assertThat(second.join()).isTrue();
    assertThat(looks).hasValue((int) (SILENCE.toMillis() / POLL.toMillis()) + 1);
  }

  @Test
  void aNodeThatIsNoMemberIsGone() {
    membership.heartbeat(A, TIMEOUT);
    membership.leave(A);

    assertThat(gone(A)).isTrue();
    assertThat(gone(NodeId.of("never-seen"))).isTrue();
  }

  @Test
  void aNodeThatLeavesWhileWatchedIsGone() {
    membership.heartbeat(A, TIMEOUT);
    onLook = () -> membership.leave(A);

    assertThat(gone(A)).isTrue();
    assertThat(looks).hasValue(1);
  }

  @Test
  void aClockThatStandsStillEndsTheWatchAsNotGone() {
    membership.heartbeat(A, TIMEOUT);
    SilentNodes frozen = watching(looks(false, Runnable::run));

    assertThat(frozen.gone(A).toCompletableFuture().join()).isFalse();
    assertThat(looks).hasValue((int) (SILENCE.toMillis() / POLL.toMillis()) + 2);
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
  void theSilenceAndThePollMustBePositiveAndThePollNoLongerThanTheSilence() {
    assertThatThrownBy(() -> new SilentNodes(membership, clock, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new SilentNodes(
                    membership, clock, SILENCE, Duration.ZERO, SilentNodes.Delays.SYSTEM))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new SilentNodes(
                    membership, clock, SILENCE, SILENCE.plusMillis(1), SilentNodes.Delays.SYSTEM))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

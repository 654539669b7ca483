package bd.com.getit.realtime.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.domain.Outbound;
import bd.com.getit.realtime.domain.Priority;
import bd.com.getit.realtime.domain.StreamOffset;
import bd.com.getit.realtime.domain.connection.ConnectionQuality;
import bd.com.getit.realtime.port.out.LocalDelivery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReplayHoldsTest {
  private static final ConnectionId HELD = ConnectionId.of("held");
  private static final ConnectionId OTHER = ConnectionId.of("other");

  /** What reached each connection, by event name. */
  private final List<String> delivered = new ArrayList<>();

  private final List<String> disconnected = new ArrayList<>();
  private final LocalDelivery delivery =
      new LocalDelivery() {
        @Override
        public int deliver(Collection<ConnectionId> targets, Outbound outbound) {
          targets.forEach(t -> delivered.add(t.value() + ":" + outbound.event()));
          return targets.size();
        }

        @Override
        public void disconnect(ConnectionId connection, String reason) {
          disconnected.add(connection.value());
        }

        @Override
        public void adapt(ConnectionId connection, ConnectionQuality quality) {}
      };

  private long nanos;
  private final ReplayHolds holds = new ReplayHolds(3, Duration.ofSeconds(30), () -> nanos);

  private static Outbound channelEvent(String name, int offset) {
    return new Outbound(
        name,
        JsonValue.JsonObject.builder().build(),
        Priority.MEDIUM,
        Optional.of(new StreamOffset(offset + "-0")),
        false);
  }

  @Test
  void withNobodyHeldTheTargetsPassAsTheyAre() {
    List<ConnectionId> targets = List.of(HELD, OTHER);

    assertThat(holds.divert(targets, channelEvent("a", 1))).isSameAs(targets);
  }

  @Test
  void aHeldConnectionGetsWhatTheReplayDidNotCarryInArrivalOrderOnRelease() {
    holds.hold(HELD);

    assertThat(holds.divert(List.of(OTHER, HELD), channelEvent("a", 5))).containsExactly(OTHER);
    assertThat(holds.divert(List.of(HELD), channelEvent("b", 7))).isEmpty();
    assertThat(holds.divert(List.of(HELD), channelEvent("c", 6))).isEmpty();
    assertThat(holds.release(HELD, Set.of(new StreamOffset("5-0")), delivery))
        .isEqualTo(ReplayHolds.Released.DELIVERED);

    assertThat(delivered).containsExactly("held:b", "held:c");
    assertThat(holds.size()).isZero();
    assertThat(holds.divert(List.of(HELD), channelEvent("d", 8))).containsExactly(HELD);
  }

  @Test
  void aReplayedEventArrivingLiveAfterTheReleaseIsDroppedOnceWithinTheGrace() {
    holds.hold(HELD);
    holds.release(HELD, Set.of(new StreamOffset("5-0"), new StreamOffset("6-0")), delivery);

    assertThat(holds.divert(List.of(HELD, OTHER), channelEvent("a", 5))).containsExactly(OTHER);
    assertThat(holds.divert(List.of(HELD), channelEvent("a", 5))).containsExactly(HELD);
    assertThat(holds.divert(List.of(HELD), channelEvent("c", 7))).containsExactly(HELD);
    assertThat(holds.size()).isEqualTo(1);

    nanos += Duration.ofSeconds(31).toNanos();
    assertThat(holds.size()).isZero();
    List<ConnectionId> targets = List.of(HELD);
    assertThat(holds.divert(targets, channelEvent("b", 6))).isSameAs(targets);
  }

  @Test
  void directEventsAreNeverHeld() {
    holds.hold(HELD);
    Outbound direct = Outbound.direct("authenticated", JsonValue.JsonObject.builder().build());

    assertThat(holds.divert(List.of(HELD), direct)).containsExactly(HELD);
  }

  @Test
  void beyondTheLimitNothingHeldIsDeliveredAndTheReleaseSaysSo() {
    holds.hold(HELD);
    for (int i = 1; i <= 4; i++) {
      assertThat(holds.divert(List.of(HELD), channelEvent("e" + i, i))).isEmpty();
    }

    assertThat(holds.release(HELD, Set.of(), delivery)).isEqualTo(ReplayHolds.Released.OVERFLOWED);
    assertThat(delivered).isEmpty();
  }

  @Test
  void aDroppedHoldDeliversNothingAndReleasesAsNone() {
    holds.hold(HELD);
    holds.divert(List.of(HELD), channelEvent("a", 1));
    holds.drop(HELD);

    assertThat(holds.release(HELD, Set.of(), delivery)).isEqualTo(ReplayHolds.Released.NONE);
    assertThat(delivered).isEmpty();
    assertThat(holds.divert(List.of(HELD), channelEvent("b", 2))).containsExactly(HELD);
  }

  @Test
  void theLimitAndTheGraceMustBePositive() {
    assertThatThrownBy(() -> new ReplayHolds(0, Duration.ofSeconds(1), () -> 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ReplayHolds(1, Duration.ZERO, () -> 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

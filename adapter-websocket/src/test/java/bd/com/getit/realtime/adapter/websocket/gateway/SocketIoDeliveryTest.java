package bd.com.getit.realtime.adapter.websocket.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.domain.Outbound;
import bd.com.getit.realtime.domain.Priority;
import bd.com.getit.realtime.domain.StreamOffset;
import bd.com.getit.realtime.domain.connection.Bandwidth;
import bd.com.getit.realtime.domain.connection.ConnectionQuality;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Encode-once fanout and the per-socket backpressure policy. */
class SocketIoDeliveryTest {

  private static final long SOFT = 1000;
  private static final long SLOW_SOFT = 100;

  private final SocketIoDelivery delivery =
      new SocketIoDelivery(new SocketIoDelivery.Limits(SOFT, SLOW_SOFT));
  private final ConnectionId idA = ConnectionId.of("a");
  private final ConnectionId idB = ConnectionId.of("b");
  private final FakeSioSocket a = new FakeSioSocket("a");
  private final FakeSioSocket b = new FakeSioSocket("b");

  private static Outbound event(Priority priority) {
    return new Outbound(
        "product_stock_update",
        JsonValue.JsonObject.builder().put("stock", 3).build(),
        priority,
        Optional.of(new StreamOffset("5-0")),
        false);
  }

  private static Outbound typing() {
    return new Outbound("typing", JsonValue.JsonObject.EMPTY, Priority.LOW, Optional.empty(), true);
  }

  private void registerBoth() {
    delivery.register(idA, a);
    delivery.register(idB, b);
  }

  @Test
  void encodesOnceAndHandsTheSameTextToEveryTarget() {
    registerBoth();

    int accepted = delivery.deliver(List.of(idA, idB), event(Priority.HIGH));

    assertThat(accepted).isEqualTo(2);
    assertThat(a.encoded).hasSize(1);
    assertThat(b.encoded).hasSize(1);
    assertThat(a.encoded.get(0)).isSameAs(b.encoded.get(0));
    assertThat(a.encoded.get(0))
        .isEqualTo("2/realtime,[\"product_stock_update\",{\"stock\":3},\"5-0\"]");
  }

  @Test
  void skipsUnknownAndClosedTargets() {
    registerBoth();
    b.engine.open = false;

    int accepted =
        delivery.deliver(List.of(idA, idB, ConnectionId.of("gone")), event(Priority.LOW));

    assertThat(accepted).isEqualTo(1);
    assertThat(b.encoded).isEmpty();
    assertThat(delivery.disconnectedCount()).isZero();
  }

  @Test
  void unregisteredSocketsGetNothing() {
    registerBoth();
    delivery.unregister(idA);

    assertThat(delivery.deliver(List.of(idA, idB), event(Priority.HIGH))).isEqualTo(1);
    assertThat(a.encoded).isEmpty();
    assertThat(delivery.size()).isEqualTo(1);
  }

  @Test
  void dropsVolatileEventsWhenAnythingIsQueued() {
    registerBoth();
    b.engine.queuedBytes = 1;

    int accepted = delivery.deliver(List.of(idA, idB), typing());

    assertThat(accepted).isEqualTo(1);
    assertThat(a.encoded).hasSize(1);
    assertThat(b.encoded).isEmpty();
    assertThat(delivery.droppedVolatileCount()).isEqualTo(1);
    assertThat(b.engine.closes).hasValue(0);
  }

  @Test
  void shedsLowEventsPastTheSoftBound() {
    registerBoth();
    a.engine.queuedBytes = SOFT;
    b.engine.queuedBytes = SOFT + 1;

    int accepted = delivery.deliver(List.of(idA, idB), event(Priority.LOW));

    assertThat(accepted).isEqualTo(1);
    assertThat(a.encoded).hasSize(1);
    assertThat(b.encoded).isEmpty();
    assertThat(delivery.shedCount()).isEqualTo(1);
    assertThat(delivery.shedCount(Priority.LOW)).isEqualTo(1);
    assertThat(delivery.shedCount(Priority.MEDIUM)).isZero();
  }

  @Test
  void neverShedsHigherPrioritiesUnderTheSoftBound() {
    registerBoth();
    a.engine.queuedBytes = SOFT * 10;

    assertThat(delivery.deliver(List.of(idA), event(Priority.MEDIUM))).isEqualTo(1);
    assertThat(delivery.deliver(List.of(idA), event(Priority.CRITICAL))).isEqualTo(1);
    assertThat(delivery.shedCount()).isZero();
  }

  @Test
  void slowLinksGetTheLowerBound() {
    registerBoth();
    a.engine.queuedBytes = SLOW_SOFT + 1;
    b.engine.queuedBytes = SLOW_SOFT + 1;
    delivery.adapt(idA, new ConnectionQuality(Bandwidth.G2, 800, 0));
    delivery.adapt(idB, new ConnectionQuality(Bandwidth.WIFI, 10, 0));

    int accepted = delivery.deliver(List.of(idA, idB), event(Priority.LOW));

    assertThat(accepted).isEqualTo(1);
    assertThat(a.encoded).isEmpty();
    assertThat(b.encoded).hasSize(1);
  }

  @Test
  void aLinkReportedFastAgainGetsTheNormalBound() {
    delivery.register(idA, a);
    a.engine.queuedBytes = SLOW_SOFT + 1;
    delivery.adapt(idA, new ConnectionQuality(Bandwidth.G3, 0, 0));
    delivery.adapt(idA, new ConnectionQuality(Bandwidth.G4, 0, 0));

    assertThat(delivery.deliver(List.of(idA), event(Priority.LOW))).isEqualTo(1);
  }

  @Test
  void closesASocketWhoseQueueRefusesAnEventThatMayNotBeDropped() {
    registerBoth();
    b.acceptEncoded = false;

    int accepted = delivery.deliver(List.of(idA, idB), event(Priority.HIGH));

    assertThat(accepted).isEqualTo(1);
    assertThat(b.engine.closes).hasValue(1);
    assertThat(delivery.disconnectedCount()).isEqualTo(1);
    assertThat(a.engine.closes).hasValue(0);
  }

  @Test
  void aRefusedLowEventIsShedWithoutDisconnecting() {
    delivery.register(idA, a);
    a.acceptEncoded = false;

    assertThat(delivery.deliver(List.of(idA), event(Priority.LOW))).isZero();
    assertThat(a.engine.closes).hasValue(0);
    assertThat(delivery.shedCount()).isEqualTo(1);
  }

  @Test
  void aRefusedVolatileEventIsDroppedWithoutDisconnecting() {
    delivery.register(idA, a);
    a.acceptEncoded = false;

    assertThat(delivery.deliver(List.of(idA), typing())).isZero();
    assertThat(a.engine.closes).hasValue(0);
    assertThat(delivery.droppedVolatileCount()).isEqualTo(1);
  }

  @Test
  void oneFailingSocketDoesNotStopTheFanout() {
    FakeSioSocket broken = new FakeSioSocket("x");
    broken.failOnSend = new IllegalStateException("boom");
    delivery.register(ConnectionId.of("x"), broken);
    delivery.register(idA, a);

    assertThat(delivery.deliver(List.of(ConnectionId.of("x"), idA), event(Priority.HIGH)))
        .isEqualTo(1);
    assertThat(a.encoded).hasSize(1);
  }

  @Test
  void disconnectEndsTheSocketAndIgnoresUnknownIds() {
    delivery.register(idA, a);

    delivery.disconnect(idA, "kicked by admin");
    delivery.disconnect(ConnectionId.of("unknown"), "whatever");
    delivery.adapt(ConnectionId.of("unknown"), new ConnectionQuality(Bandwidth.G2, 0, 0));

    assertThat(a.disconnects).hasValue(1);
    assertThat(delivery.socket(idA)).containsSame(a);
  }

  /** {@code n} registered sockets ("s0".."s{n-1}") past the direct-fanout size. */
  private List<FakeSioSocket> registerMany(int n) {
    List<FakeSioSocket> sockets = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      FakeSioSocket socket = new FakeSioSocket("s" + i);
      delivery.register(ConnectionId.of("s" + i), socket);
      sockets.add(socket);
    }
    return sockets;
  }

  private static Set<ConnectionId> ids(int n, String... more) {
    Set<ConnectionId> ids = new HashSet<>();
    for (int i = 0; i < n; i++) {
      ids.add(ConnectionId.of("s" + i));
    }
    for (String id : more) {
      ids.add(ConnectionId.of(id));
    }
    return Set.copyOf(ids); // immutable, as the core's channel snapshot
  }

  @Test
  void aLargeFanoutToTheSameSnapshotReachesEveryTargetEachTime() {
    List<FakeSioSocket> sockets = registerMany(40);
    Set<ConnectionId> snapshot = ids(40);

    for (int publish = 0; publish < 3; publish++) {
      assertThat(delivery.deliver(snapshot, event(Priority.HIGH))).isEqualTo(40);
    }
    assertThat(sockets).allSatisfy(s -> assertThat(s.encoded).hasSize(3));
  }

  @Test
  void aSocketRegisteredAfterItsSnapshotWasFirstDeliveredIsReached() {
    registerMany(40);
    Set<ConnectionId> snapshot = ids(40, "late");
    assertThat(delivery.deliver(snapshot, event(Priority.HIGH))).isEqualTo(40);

    FakeSioSocket late = new FakeSioSocket("late");
    delivery.register(ConnectionId.of("late"), late);

    assertThat(delivery.deliver(snapshot, event(Priority.HIGH))).isEqualTo(41);
    assertThat(late.encoded).hasSize(1);
  }

  @Test
  void aSocketUnregisteredOrReplacedAfterItsSnapshotWasDeliveredGetsNoMore() {
    List<FakeSioSocket> sockets = registerMany(40);
    Set<ConnectionId> snapshot = ids(40);
    delivery.deliver(snapshot, event(Priority.HIGH));

    FakeSioSocket again = new FakeSioSocket("s1");
    delivery.register(ConnectionId.of("s1"), again); // the resolution still holds the old link
    assertThat(delivery.deliver(snapshot, event(Priority.HIGH))).isEqualTo(40);
    delivery.unregister(ConnectionId.of("s0"));
    assertThat(delivery.deliver(snapshot, event(Priority.HIGH))).isEqualTo(39);

    assertThat(sockets.get(0).encoded).hasSize(2);
    assertThat(sockets.get(1).encoded).hasSize(1);
    assertThat(again.encoded).hasSize(2);
    assertThat(sockets.get(2).encoded).hasSize(3);
  }

  @Test
  void aMutableTargetListIsReadAfreshOnEveryFanout() {
    List<FakeSioSocket> sockets = registerMany(41);
    List<ConnectionId> targets = new ArrayList<>(ids(40));
    delivery.deliver(targets, event(Priority.HIGH));

    ConnectionId dropped = targets.set(0, ConnectionId.of("s40")); // same size, another socket
    delivery.deliver(targets, event(Priority.HIGH));

    assertThat(sockets.get(40).encoded).hasSize(1);
    FakeSioSocket first = sockets.get(Integer.parseInt(dropped.value().substring(1)));
    assertThat(first.encoded).hasSize(1);
  }
}

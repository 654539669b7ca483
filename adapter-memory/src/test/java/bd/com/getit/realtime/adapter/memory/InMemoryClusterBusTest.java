package bd.com.getit.realtime.adapter.memory;

import static bd.com.getit.realtime.testkit.Stages.join;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import bd.com.getit.realtime.domain.NodeId;
import bd.com.getit.realtime.domain.StreamOffset;
import bd.com.getit.realtime.domain.cluster.BusRecord;
import bd.com.getit.realtime.port.out.ClusterBus;
import bd.com.getit.realtime.testkit.MutableClock;
import bd.com.getit.realtime.testkit.TestEvents;
import bd.com.getit.realtime.testkit.contract.ClusterBusContract;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InMemoryClusterBusTest extends ClusterBusContract {
  private static final NodeId A = NodeId.of("node-a");
  private static final NodeId B = NodeId.of("node-b");
  private static final NodeId C = NodeId.of("node-c");

  private final MutableClock clock = new MutableClock();
  private final List<InMemoryClusterBus> mine = new ArrayList<>();

  @Override
  protected ClusterBus newBus(int retainedRecords) {
    return new InMemoryClusterBus(new MutableClock(), retainedRecords, Duration.ofHours(1));
  }

  private InMemoryClusterBus bus(int records, Duration age) {
    InMemoryClusterBus bus = new InMemoryClusterBus(clock, records, age);
    mine.add(bus);
    return bus;
  }

  @AfterEach
  void closeMine() {
    mine.forEach(InMemoryClusterBus::close);
  }

  private static StreamOffset publish(ClusterBus bus, NodeId origin, String id) {
    return join(bus.publish(origin, TestEvents.published(id)));
  }

  @Test
  void offsetsAreZeroPaddedDecimalsThatSortAsText() {
    InMemoryClusterBus bus = bus(100, Duration.ofHours(1));
    List<String> offsets = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      offsets.add(publish(bus, A, "e" + i).value());
    }

    assertThat(offsets.get(0)).isEqualTo("00000000000000000001");
    assertThat(offsets.get(11)).isEqualTo("00000000000000000012");
    assertThat(offsets).isSorted();
  }

  @Test
  void aNodeAloneKeepsItsRecordsAndALaterNodeGetsWhatFollowsItsSubscription() {
    InMemoryClusterBus bus = bus(100, Duration.ofMinutes(2));
    List<BusRecord> atA = new CopyOnWriteArrayList<>();
    bus.subscribe(A, atA::add);
    StreamOffset first = publish(bus, A, "e1"); // no one else listens: the dispatcher sleeps on
    publish(bus, A, "e2");
    List<BusRecord> atB = new CopyOnWriteArrayList<>();
    bus.subscribe(B, atB::add);

    publish(bus, A, "e3");

    await().atMost(5, SECONDS).until(() -> atB.size() == 1);
    assertThat(atB.get(0).offset().value()).isEqualTo("00000000000000000003");
    assertThat(join(bus.since(first)).orElseThrow()).hasSize(2);
    assertThat(atA).isEmpty();
    clock.advance(Duration.ofMinutes(3));
    assertThat(join(bus.since(first))).isEmpty(); // aged out, though no dispatcher took them
  }

  @Test
  void theRingKeepsAtMostTheRetainedCount() {
    InMemoryClusterBus bus = bus(5, Duration.ofHours(1));
    for (int i = 1; i <= 20; i++) {
      publish(bus, A, "e" + i);
    }

    assertThat(bus.retained()).isEqualTo(5);
  }

  @Test
  void recordsOlderThanTheRetentionAgeAreDropped() {
    InMemoryClusterBus bus = bus(100, Duration.ofMinutes(2));
    List<BusRecord> atB = new CopyOnWriteArrayList<>();
    bus.subscribe(B, atB::add);
    StreamOffset first = publish(bus, A, "e1");
    StreamOffset second = publish(bus, A, "e2");
    await().atMost(5, SECONDS).until(() -> atB.size() == 2);

    clock.advance(Duration.ofMinutes(3));

    assertThat(join(bus.since(first))).isEmpty();
    assertThat(join(bus.since(second))).contains(List.of());
    assertThat(bus.retained()).isZero();
    assertThat(join(bus.latest())).contains(second);
    StreamOffset third = publish(bus, A, "e3");
    assertThat(join(bus.since(second)).orElseThrow())
        .extracting(BusRecord::offset)
        .containsExactly(third);
  }

  @Test
  void sinceTheZeroOffsetReturnsEverythingWhileNothingWasDropped() {
    InMemoryClusterBus bus = bus(100, Duration.ofHours(1));
    publish(bus, A, "e1");
    publish(bus, B, "e2");

    assertThat(join(bus.since(new StreamOffset("00000000000000000000"))).orElseThrow()).hasSize(2);
  }

  @Test
  void sinceAnOffsetItNeverIssuedIsEmpty() {
    InMemoryClusterBus bus = bus(100, Duration.ofHours(1));
    publish(bus, A, "e1");

    assertThat(join(bus.since(new StreamOffset("1700000000000-0")))).isEmpty();
    assertThat(join(bus.since(new StreamOffset("00000000000000000099")))).isEmpty();
    assertThat(join(bus.since(new StreamOffset("99999999999999999999")))).isEmpty();
  }

  @Test
  void aThrowingListenerDoesNotStopDelivery() {
    InMemoryClusterBus bus = bus(100, Duration.ofHours(1));
    List<BusRecord> atC = new CopyOnWriteArrayList<>();
    bus.subscribe(
        B,
        r -> {
          throw new IllegalStateException("listener bug");
        });
    bus.subscribe(C, atC::add);

    publish(bus, A, "e1");
    publish(bus, A, "e2");

    await().atMost(5, SECONDS).until(() -> atC.size() == 2);
  }

  @Test
  void closeStopsTheDispatcherThreadAndIsIdempotent() {
    InMemoryClusterBus bus = bus(100, Duration.ofHours(1));
    assertThat(bus.dispatcherAlive()).isTrue();

    bus.close();
    bus.close();

    await().atMost(5, SECONDS).until(() -> !bus.dispatcherAlive());
  }

  @Test
  void aClosedBusRefusesPublishersAndSubscribers() {
    InMemoryClusterBus bus = bus(100, Duration.ofHours(1));
    bus.close();

    assertThatThrownBy(
            () -> bus.publish(A, TestEvents.published("e1")).toCompletableFuture().join())
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> bus.subscribe(B, r -> {})).isInstanceOf(IllegalStateException.class);
  }
}

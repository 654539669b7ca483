package bd.com.getit.realtime.testkit.contract;

import static bd.com.getit.realtime.testkit.Stages.join;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.Event;
import bd.com.getit.realtime.domain.NodeId;
import bd.com.getit.realtime.domain.StreamOffset;
import bd.com.getit.realtime.domain.cluster.BusRecord;
import bd.com.getit.realtime.domain.cluster.ClusterMessage;
import bd.com.getit.realtime.port.out.ClusterBus;
import bd.com.getit.realtime.testkit.Concurrently;
import bd.com.getit.realtime.testkit.TestEvents;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ClusterBus} must do. One bus instance stands for the cluster; each subscriber
 * with its own {@link NodeId} stands for a node. A bus that is {@link AutoCloseable} is closed
 * after each test.
 */
public abstract class ClusterBusContract {
  private static final NodeId A = NodeId.of("node-a");
  private static final NodeId B = NodeId.of("node-b");
  private static final NodeId C = NodeId.of("node-c");
  private static final int ROOMY = 10_000;

  private final List<ClusterBus> buses = new ArrayList<>();

  /**
   * A new, empty bus that holds (for {@link ClusterBus#since}) exactly the newest {@code
   * retainedRecords} records, at least for the few seconds a test lasts.
   */
  protected abstract ClusterBus newBus(int retainedRecords);

  private ClusterBus bus(int retainedRecords) {
    ClusterBus bus = newBus(retainedRecords);
    buses.add(bus);
    return bus;
  }

  @AfterEach
  void closeBuses() throws Exception {
    for (ClusterBus bus : buses) {
      if (bus instanceof AutoCloseable closeable) {
        closeable.close();
      }
    }
  }

  /** A listener that remembers what it received. */
  private static final class Inbox {
    final List<BusRecord> records = new CopyOnWriteArrayList<>();

    void accept(BusRecord record) {
      records.add(record);
    }

    List<String> eventIds() {
      return records.stream().map(r -> r.event().orElseThrow().id().value()).toList();
    }
  }

  private static ClusterMessage event(String id) {
    return TestEvents.published(id);
  }

  private static StreamOffset publish(ClusterBus bus, NodeId origin, String eventId) {
    return join(bus.publish(origin, event(eventId)));
  }

  private static void awaitEventIds(Inbox inbox, String... ids) {
    await()
        .atMost(5, SECONDS)
        .untilAsserted(() -> assertThat(inbox.eventIds()).containsExactly(ids));
  }

  @Test
  void aNodeNeverReceivesItsOwnPublications() {
    ClusterBus bus = bus(ROOMY);
    Inbox atA = new Inbox();
    Inbox atB = new Inbox();
    bus.subscribe(A, atA::accept);
    bus.subscribe(B, atB::accept);

    publish(bus, A, "a1");
    publish(bus, B, "b1");
    publish(bus, A, "a2");
    awaitEventIds(atB, "a1", "a2");
    // b2 comes last: once A has it, A would have had anything of its own before it.
    publish(bus, B, "b2");

    awaitEventIds(atA, "b1", "b2");
    assertThat(atB.records).allSatisfy(r -> assertThat(r.origin()).isEqualTo(A));
  }

  @Test
  void twoNodesGetEachOthersEventsInOrder() {
    ClusterBus bus = bus(ROOMY);
    Inbox atA = new Inbox();
    Inbox atB = new Inbox();
    bus.subscribe(A, atA::accept);
    bus.subscribe(B, atB::accept);
    AtomicInteger roles = new AtomicInteger();

    Concurrently.run(
        2,
        () -> {
          boolean isA = roles.getAndIncrement() == 0;
          for (int i = 0; i < 100; i++) {
            publish(bus, isA ? A : B, (isA ? "a" : "b") + i);
          }
        });

    String[] fromA = new String[100];
    String[] fromB = new String[100];
    for (int i = 0; i < 100; i++) {
      fromA[i] = "a" + i;
      fromB[i] = "b" + i;
    }
    awaitEventIds(atB, fromA);
    awaitEventIds(atA, fromB);
  }

  @Test
  void everyOtherNodeGetsAPublication() {
    ClusterBus bus = bus(ROOMY);
    Inbox atA = new Inbox();
    Inbox atB = new Inbox();
    Inbox atC = new Inbox();
    bus.subscribe(A, atA::accept);
    bus.subscribe(B, atB::accept);
    bus.subscribe(C, atC::accept);

    publish(bus, C, "c1");

    awaitEventIds(atA, "c1");
    awaitEventIds(atB, "c1");
    publish(bus, A, "a1");
    awaitEventIds(atC, "a1");
  }

  @Test
  void aRecordCarriesItsOffsetOriginAndEvent() {
    ClusterBus bus = bus(ROOMY);
    Inbox atB = new Inbox();
    bus.subscribe(B, atB::accept);
    Event e = TestEvents.event().id("e1").name("bid_placed").data("amount", "1500").build();

    StreamOffset offset = join(bus.publish(A, new ClusterMessage.PublishedEvent(e)));

    await()
        .atMost(5, SECONDS)
        .untilAsserted(
            () ->
                assertThat(atB.records)
                    .containsExactly(
                        new BusRecord(offset, A, new ClusterMessage.PublishedEvent(e))));
  }

  @Test
  void aDisconnectCommandArrivesAsACommand() {
    ClusterBus bus = bus(ROOMY);
    Inbox atB = new Inbox();
    bus.subscribe(B, atB::accept);
    ClusterMessage command = new ClusterMessage.DisconnectCommand(ConnectionId.of("sock-1"));

    StreamOffset offset = join(bus.publish(A, command));

    await()
        .atMost(5, SECONDS)
        .untilAsserted(
            () -> assertThat(atB.records).containsExactly(new BusRecord(offset, A, command)));
    assertThat(atB.records.get(0).event()).isEmpty();
  }

  @Test
  void aLeaveChannelCommandArrivesAsACommand() {
    ClusterBus bus = bus(ROOMY);
    Inbox atB = new Inbox();
    bus.subscribe(B, atB::accept);
    ClusterMessage command =
        new ClusterMessage.LeaveChannelCommand(
            bd.com.getit.realtime.domain.UserId.of("rahim"), ChannelName.parse("chat:room-7"));

    StreamOffset offset = join(bus.publish(A, command));

    await()
        .atMost(5, SECONDS)
        .untilAsserted(
            () -> assertThat(atB.records).containsExactly(new BusRecord(offset, A, command)));
    assertThat(atB.records.get(0).event()).isEmpty();
  }

  @Test
  void anEventNamedAndAddressedLikeACommandStaysAnEvent() {
    ClusterBus bus = bus(ROOMY);
    Inbox atB = new Inbox();
    bus.subscribe(B, atB::accept);
    ClusterMessage lookalike =
        new ClusterMessage.PublishedEvent(
            TestEvents.event()
                .id("fake")
                .name("admin_disconnect")
                .channel(ChannelName.parse("admin:connections"))
                .data("socket_id", "sock-1")
                .build());

    StreamOffset offset = join(bus.publish(A, lookalike));

    await()
        .atMost(5, SECONDS)
        .untilAsserted(
            () -> assertThat(atB.records).containsExactly(new BusRecord(offset, A, lookalike)));
    assertThat(atB.records.get(0).message()).isInstanceOf(ClusterMessage.PublishedEvent.class);
  }

  @Test
  void sinceReturnsEventsAndCommandsInOrderEachAsItsType() {
    ClusterBus bus = bus(ROOMY);
    StreamOffset from = publish(bus, A, "a1");
    ClusterMessage command = new ClusterMessage.DisconnectCommand(ConnectionId.of("sock-2"));
    StreamOffset commanded = join(bus.publish(B, command));
    StreamOffset a2 = publish(bus, A, "a2");

    assertThat(join(bus.since(from)).orElseThrow())
        .containsExactly(new BusRecord(commanded, B, command), new BusRecord(a2, A, event("a2")));
  }

  @Test
  void offsetsFollowPublicationOrder() {
    ClusterBus bus = bus(ROOMY);
    Inbox atB = new Inbox();
    bus.subscribe(B, atB::accept);
    List<StreamOffset> offsets = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      offsets.add(publish(bus, A, "e" + i));
    }

    assertThat(new HashSet<>(offsets)).hasSize(5);
    await()
        .atMost(5, SECONDS)
        .untilAsserted(
            () ->
                assertThat(atB.records.stream().map(BusRecord::offset))
                    .containsExactlyElementsOf(offsets));
    List<BusRecord> after = join(bus.since(offsets.get(0))).orElseThrow();
    assertThat(after.stream().map(BusRecord::offset))
        .containsExactlyElementsOf(offsets.subList(1, 5));
  }

  @Test
  void sinceReturnsEveryOriginsRecordsAfterTheOffsetInOrder() {
    ClusterBus bus = bus(ROOMY);
    publish(bus, A, "a1");
    StreamOffset from = publish(bus, B, "b1");
    StreamOffset a2 = publish(bus, A, "a2");
    StreamOffset b2 = publish(bus, B, "b2");

    List<BusRecord> records = join(bus.since(from)).orElseThrow();

    assertThat(records)
        .containsExactly(new BusRecord(a2, A, event("a2")), new BusRecord(b2, B, event("b2")));
  }

  @Test
  void sinceTheLatestOffsetIsEmptyButRecoverable() {
    ClusterBus bus = bus(ROOMY);
    publish(bus, A, "a1");
    StreamOffset last = publish(bus, A, "a2");

    assertThat(join(bus.since(last))).contains(List.of());
  }

  @Test
  void sinceAnOffsetOlderThanTheRetentionIsEmpty() {
    ClusterBus bus = bus(3);
    List<StreamOffset> offsets = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      offsets.add(publish(bus, A, "e" + i));
    }

    assertThat(join(bus.since(offsets.get(0)))).isEmpty();
    assertThat(join(bus.since(offsets.get(5)))).isEmpty();
    Optional<List<BusRecord>> recent = join(bus.since(offsets.get(6)));
    assertThat(recent).isPresent();
    assertThat(recent.orElseThrow().stream().map(r -> r.event().orElseThrow().id().value()))
        .containsExactly("e8", "e9", "e10");
  }

  @Test
  void latestIsEmptyOnANewBus() {
    assertThat(join(bus(ROOMY).latest())).isEmpty();
  }

  @Test
  void latestIsTheNewestOffset() {
    ClusterBus bus = bus(ROOMY);
    publish(bus, A, "a1");
    StreamOffset newest = publish(bus, B, "b1");

    assertThat(join(bus.latest())).contains(newest);
  }

  @Test
  void aSubscriberGetsOnlyWhatIsPublishedAfterItSubscribed() {
    ClusterBus bus = bus(ROOMY);
    publish(bus, A, "before");
    Inbox atB = new Inbox();

    bus.subscribe(B, atB::accept);
    publish(bus, A, "after");

    awaitEventIds(atB, "after");
  }

  @Test
  void closingASubscriptionStopsDeliveryAndClosingTwiceIsHarmless() {
    ClusterBus bus = bus(ROOMY);
    Inbox closed = new Inbox();
    Inbox witness = new Inbox();
    ClusterBus.Subscription subscription = bus.subscribe(B, closed::accept);
    bus.subscribe(C, witness::accept);
    publish(bus, A, "e1");
    awaitEventIds(closed, "e1");

    subscription.close();
    subscription.close();
    publish(bus, A, "e2");

    awaitEventIds(witness, "e1", "e2");
    assertThat(closed.eventIds()).containsExactly("e1");
  }

  @Test
  void aNodeMaySubscribeAgainAfterClosing() {
    ClusterBus bus = bus(ROOMY);
    Inbox first = new Inbox();
    Inbox second = new Inbox();
    bus.subscribe(B, first::accept).close();

    bus.subscribe(B, second::accept);
    publish(bus, A, "e1");

    awaitEventIds(second, "e1");
    assertThat(first.records).isEmpty();
  }
}

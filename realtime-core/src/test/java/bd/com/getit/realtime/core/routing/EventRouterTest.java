package bd.com.getit.realtime.core.routing;

import static bd.com.getit.realtime.core.testing.Fixtures.NODE;
import static bd.com.getit.realtime.core.testing.Fixtures.OTHER_NODE;
import static bd.com.getit.realtime.core.testing.Fixtures.channel;
import static bd.com.getit.realtime.core.testing.Fixtures.conn;
import static bd.com.getit.realtime.core.testing.Fixtures.customer;
import static bd.com.getit.realtime.core.testing.Fixtures.done;
import static bd.com.getit.realtime.core.testing.Fixtures.event;
import static bd.com.getit.realtime.core.testing.Fixtures.info;
import static bd.com.getit.realtime.core.testing.Fixtures.persisted;
import static bd.com.getit.realtime.core.testing.Fixtures.queued;
import static bd.com.getit.realtime.core.testing.Fixtures.withTtl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import bd.com.getit.realtime.adapter.memory.InMemoryConnectionRegistry;
import bd.com.getit.realtime.adapter.memory.InMemoryOfflineQueue;
import bd.com.getit.realtime.core.admin.DeliveryMeter;
import bd.com.getit.realtime.core.session.LocalSessions;
import bd.com.getit.realtime.core.testing.FakeBus;
import bd.com.getit.realtime.core.testing.RecordingDelivery;
import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.Event;
import bd.com.getit.realtime.domain.EventId;
import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.domain.Outbound;
import bd.com.getit.realtime.domain.Priority;
import bd.com.getit.realtime.domain.RealtimeException;
import bd.com.getit.realtime.domain.StreamOffset;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.cluster.BusRecord;
import bd.com.getit.realtime.domain.cluster.ClusterMessage;
import bd.com.getit.realtime.port.out.ClusterBus;
import bd.com.getit.realtime.port.out.EventLog;
import bd.com.getit.realtime.testkit.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EventRouterTest {
  private final FakeBus bus = new FakeBus();
  private final LocalSessions sessions = new LocalSessions();
  private final RecordingDelivery delivery = new RecordingDelivery();
  private final InMemoryConnectionRegistry registry = new InMemoryConnectionRegistry();
  private final EventLog eventLog = mock(EventLog.class);
  private final MutableClock clock = new MutableClock();
  // A spy so that "nothing was queued" is checked on the calls, not on a snapshot of the state.
  private final InMemoryOfflineQueue queue = spy(new InMemoryOfflineQueue(clock));
  private final DeliveryMeter meter = new DeliveryMeter(clock);
  private final Duration ttl = Duration.ofHours(24);
  private final EventRouter router =
      new EventRouter(NODE, bus, sessions, delivery, registry, queue, eventLog, meter, ttl);

  @BeforeEach
  void setUp() {
    when(eventLog.record(any())).thenReturn(CompletableFuture.completedFuture(null));
    when(eventLog.countDeliveries(any(), anyInt(), anyInt()))
        .thenReturn(CompletableFuture.completedFuture(null));
    sessions.add(customer("u1"), info("c1", "u1", "user:u1", "product:1"));
    sessions.add(customer("u1"), info("c1b", "u1", "user:u1"));
    sessions.add(customer("u2"), info("c2", "u2", "user:u2", "product:1", "order:o1"));
    sessions.add(customer("u3"), info("c3", "u3", "product:2"));
    registry.register(info("c1", "u1"));
    registry.register(info("c2", "u2"));
  }

  @Test
  void publishesOnTheBusAndDeliversToLocalSubscribersOnce() {
    Event e = event("e1", "product_price_change", "product:1");
    StreamOffset offset = done(router.publish(e, Optional.empty()));
    assertThat(offset).isEqualTo(FakeBus.offset(1));
    assertThat(bus.log).containsExactly(new BusRecord(offset, NODE, published(e)));
    assertThat(delivery.deliveries).hasSize(1);
    assertThat(delivery.deliveries.get(0).targets())
        .containsExactlyInAnyOrder(conn("c1"), conn("c2"));
    Outbound o = delivery.deliveries.get(0).outbound();
    assertThat(o.event()).isEqualTo("product_price_change");
    assertThat(o.payload()).isEqualTo(e.envelope());
    assertThat(o.offset()).contains(offset);
    assertThat(o.priority()).isEqualTo(Priority.MEDIUM);
  }

  @Test
  void targetsAreTheUnionOfChannelAndRecipientsLessTheExcepted() {
    Event e = event("e1", "order_status_update", "order:o1", "user:u1", "user:u2");
    done(router.publish(e, Optional.of(conn("c1b"))));
    assertThat(delivery.deliveries).hasSize(1);
    assertThat(delivery.deliveries.get(0).targets())
        .containsExactlyInAnyOrder(conn("c1"), conn("c2"));
  }

  @Test
  void theListenerHearsOfEventsHandedToASocketOnly() {
    List<Event> handed = new java.util.concurrent.CopyOnWriteArrayList<>();
    EventRouter listened =
        new EventRouter(
            NODE, bus, sessions, delivery, registry, queue, eventLog, meter, ttl, handed::add);
    Event toU1 = event("n1", "notification", "user:u1");
    Event toNobody = event("n2", "notification", "user:u9");

    done(listened.publish(toU1, Optional.empty()));
    done(listened.publish(toNobody, Optional.empty()));

    assertThat(handed).containsExactly(toU1);
  }

  @Test
  void nothingIsDeliveredWithoutLocalSubscribers() {
    done(router.publish(event("e1", "product_price_change", "product:404"), Optional.empty()));
    assertThat(delivery.deliveries).isEmpty();
    assertThat(bus.log).hasSize(1);
    done(router.publish(event("e2", "product_price_change", "product:2"), Optional.of(conn("c3"))));
    assertThat(delivery.deliveries).isEmpty();
  }

  @Test
  void chatMessagesAreDeliveredAsTheirDataAndTypingAsVolatile() {
    sessions.join(conn("c1"), channel("chat:r1"), 100);
    Event msg = event("m1", "message", "chat:r1");
    done(router.publish(msg, Optional.empty()));
    done(router.publish(event("t1", "typing", "chat:r1"), Optional.empty()));
    assertThat(delivery.to(conn("c1")).get(0).payload()).isEqualTo(msg.data());
    assertThat(delivery.to(conn("c1")).get(0).volatileEvent()).isFalse();
    assertThat(delivery.to(conn("c1")).get(1).volatileEvent()).isTrue();
  }

  @Test
  void atLeastOnceEventsAreQueuedForAddressedUsersWithNoLiveConnection() {
    Event e = event("e1", "order_status_update", "order:o1", "user:u1", "user:u9");
    done(router.publish(e, Optional.empty()));
    assertThat(queued(queue, UserId.of("u1"), clock.now())).isEmpty();
    assertThat(queued(queue, UserId.of("u9"), clock.now()))
        .extracting(Event::id)
        .containsExactly(EventId.of("e1"));
  }

  @Test
  void eachOfflineUserGetsTheEventOnceWithFewOrManyRepeatedRecipients() {
    for (int count : new int[] {3, 40}) {
      List<String> recipients = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        recipients.add("user:r" + count + "-" + i);
        recipients.add("user:r" + count + "-" + (i / 2)); // repeats
      }
      recipients.add("user:x" + count); // the event's own channel again
      Event e =
          event("n" + count, "notification", "user:x" + count, recipients.toArray(String[]::new));

      done(router.publish(e, Optional.empty()));

      assertThat(queued(queue, UserId.of("x" + count), clock.now())).hasSize(1);
      for (int i = 0; i < count; i++) {
        assertThat(queued(queue, UserId.of("r" + count + "-" + i), clock.now()))
            .as("recipient %d of %d", i, count)
            .hasSize(1);
      }
    }
  }

  @Test
  void aUserChannelEventIsQueuedForThatUser() {
    done(router.publish(event("n1", "notification", "user:u7"), Optional.empty()));
    done(router.publish(event("m1", "message", "user:u8"), Optional.empty()));
    done(router.publish(event("p1", "payment_status_update", "user:u6"), Optional.empty()));
    assertThat(queued(queue, UserId.of("u7"), clock.now())).hasSize(1);
    assertThat(queued(queue, UserId.of("u8"), clock.now())).hasSize(1);
    assertThat(queued(queue, UserId.of("u6"), clock.now())).hasSize(1);
  }

  @Test
  void queuedEventsWithoutTtlGetTheDefaultTtl() {
    done(router.publish(event("n1", "notification", "user:u7"), Optional.empty()));
    assertThat(queued(queue, UserId.of("u7"), clock.now()).get(0).ttl()).isEqualTo(ttl);
    Event own = withTtl(event("n2", "notification", "user:u8"), Duration.ofSeconds(60));
    done(router.publish(own, Optional.empty()));
    assertThat(queued(queue, UserId.of("u8"), clock.now()).get(0).ttl())
        .isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void liveOnlyEventsAreNeverQueued() {
    done(router.publish(event("e1", "product_price_change", "user:u7"), Optional.empty()));
    done(router.publish(event("e2", "typing", "user:u7"), Optional.empty()));
    done(router.publish(event("e3", "auction_bid", "auction:a1", "user:u7"), Optional.empty()));
    verify(queue, never()).enqueue(any(), any());
  }

  @Test
  void nonUserChannelsAreNotQueued() {
    done(router.publish(event("e1", "message", "chat:r1"), Optional.empty()));
    verify(queue, never()).enqueue(any(), any());
  }

  @Test
  void addressedUsersAreTheUserChannelAndUserRecipients() {
    assertThat(EventRouter.addressedUsers(event("e", "message", "user:a", "user:b", "user:a")))
        .containsExactly(UserId.of("a"), UserId.of("b"));
    assertThat(EventRouter.addressedUsers(event("e", "message", "order:o", "user:b")))
        .containsExactly(UserId.of("b"));
  }

  @Test
  void persistedEventsAreRecordedAndTheirDeliveriesCounted() {
    delivery.closed.add(conn("c2"));
    Event e = persisted(event("e1", "product_price_change", "product:1"));
    done(router.publish(e, Optional.empty()));
    verify(eventLog).record(e);
    verify(eventLog).countDeliveries(EventId.of("e1"), 1, 1);
  }

  @Test
  void eventsNotPersistedLeaveTheLogAlone() {
    done(router.publish(event("e1", "product_price_change", "product:1"), Optional.empty()));
    verifyNoInteractions(eventLog);
  }

  @Test
  void aFailedRecordSkipsCountingButStillDelivers() {
    when(eventLog.record(any()))
        .thenReturn(CompletableFuture.failedFuture(new IllegalStateException("db down")));
    Event e = persisted(event("e1", "product_price_change", "product:1"));
    assertThat(done(router.publish(e, Optional.empty()))).isEqualTo(FakeBus.offset(1));
    assertThat(delivery.deliveries).hasSize(1);
    verify(eventLog, never()).countDeliveries(any(), anyInt(), anyInt());
  }

  @Test
  void theMeterCountsAcceptedDeliveries() {
    delivery.closed.add(conn("c2"));
    done(router.publish(event("e1", "product_price_change", "product:1"), Optional.empty()));
    assertThat(meter.total()).isEqualTo(1);
  }

  @Test
  void localDeliveriesFollowPublishOrderWhateverOrderTheBusCompletes() {
    bus.hold = true;
    CompletionStage<StreamOffset> first =
        router.publish(event("e1", "product_price_change", "product:1"), Optional.empty());
    CompletionStage<StreamOffset> second =
        router.publish(event("e2", "product_stock_update", "product:1"), Optional.empty());
    bus.release(1);
    assertThat(delivery.deliveries).isEmpty();
    assertThat(second.toCompletableFuture()).isNotDone();
    bus.release(0);
    assertThat(delivery.eventsTo(conn("c1")))
        .containsExactly("product_price_change", "product_stock_update");
    assertThat(done(first)).isEqualTo(FakeBus.offset(1));
    assertThat(done(second)).isEqualTo(FakeBus.offset(2));
  }

  @Test
  void aFailedPublishFailsItsStageAndDoesNotBlockLaterOnes() {
    ClusterBus failing = mock(ClusterBus.class);
    CompletableFuture<StreamOffset> pending = new CompletableFuture<>();
    when(failing.publish(any(), any()))
        .thenReturn(pending)
        .thenReturn(CompletableFuture.completedFuture(new StreamOffset("9-0")))
        .thenThrow(new IllegalStateException("closed"));
    EventRouter r =
        new EventRouter(NODE, failing, sessions, delivery, registry, queue, eventLog, meter, ttl);
    var first = r.publish(event("e1", "product_price_change", "product:1"), Optional.empty());
    var second = r.publish(event("e2", "product_price_change", "product:1"), Optional.empty());
    assertThat(delivery.deliveries).isEmpty();
    pending.completeExceptionally(new RealtimeException(ErrorCode.INTERNAL, "bus down"));
    assertThat(first.toCompletableFuture()).isCompletedExceptionally();
    assertThat(done(second)).isEqualTo(new StreamOffset("9-0"));
    assertThat(delivery.deliveries).hasSize(1);
    var third = r.publish(event("e3", "product_price_change", "product:1"), Optional.empty());
    assertThat(third.toCompletableFuture()).isCompletedExceptionally();
    var fourth = r.publish(event("e4", "notification", "user:u5"), Optional.empty());
    assertThat(fourth.toCompletableFuture()).isCompletedExceptionally();
    verify(queue, never()).enqueue(any(), any());
  }

  @Test
  void aFailingDeliveryStillCompletesThePublish() {
    var throwing = mock(bd.com.getit.realtime.port.out.LocalDelivery.class);
    when(throwing.deliver(any(), any())).thenThrow(new IllegalStateException("gateway bug"));
    EventRouter r =
        new EventRouter(NODE, bus, sessions, throwing, registry, queue, eventLog, meter, ttl);
    assertThat(done(r.publish(event("e1", "product_price_change", "product:1"), Optional.empty())))
        .isEqualTo(FakeBus.offset(1));
    assertThat(done(r.publish(event("e2", "product_price_change", "product:1"), Optional.empty())))
        .isEqualTo(FakeBus.offset(2));
  }

  @Test
  void otherNodesEventsAreDeliveredButNeverQueued() {
    router.start();
    Event e = persisted(event("n1", "notification", "user:u1", "user:u9"));
    bus.emit(new BusRecord(new StreamOffset("7-0"), OTHER_NODE, published(e)));
    assertThat(delivery.deliveries).hasSize(1);
    assertThat(delivery.deliveries.get(0).targets())
        .containsExactlyInAnyOrder(conn("c1"), conn("c1b"));
    assertThat(delivery.deliveries.get(0).outbound().offset()).contains(new StreamOffset("7-0"));
    verify(queue, never()).enqueue(any(), any());
    verify(eventLog, never()).record(any());
    verify(eventLog).countDeliveries(EventId.of("n1"), 2, 0);
    assertThat(meter.total()).isEqualTo(2);
  }

  @Test
  void ownEchoesFromTheBusAreIgnored() {
    router.start();
    bus.emit(
        new BusRecord(
            new StreamOffset("7-0"), NODE, published(event("e", "product_x", "product:1"))));
    assertThat(delivery.deliveries).isEmpty();
  }

  @Test
  void aFailingRemoteDeliveryDoesNotReachTheBusThread() {
    var throwing = mock(bd.com.getit.realtime.port.out.LocalDelivery.class);
    when(throwing.deliver(any(), any())).thenThrow(new IllegalStateException("bug"));
    EventRouter r =
        new EventRouter(NODE, bus, sessions, throwing, registry, queue, eventLog, meter, ttl);
    r.start();
    bus.emit(
        new BusRecord(
            new StreamOffset("7-0"), OTHER_NODE, published(event("e", "product_x", "product:1"))));
    verify(throwing).deliver(any(), any());
  }

  @Test
  void aDisconnectCommandFromTheBusClosesTheSocketIfItIsHere() {
    router.start();
    bus.emit(new BusRecord(new StreamOffset("7-0"), OTHER_NODE, disconnect("c2")));
    bus.emit(new BusRecord(new StreamOffset("8-0"), OTHER_NODE, disconnect("elsewhere")));
    assertThat(delivery.disconnected).containsExactly(conn("c2"));
    assertThat(delivery.deliveries).isEmpty();
  }

  @Test
  void aLeaveChannelCommandFromTheBusIsCarriedOutByTheLocalEviction() {
    List<String> evicted = new java.util.ArrayList<>();
    router.evictLocallyWith(
        (user, channel) -> {
          evicted.add(user + " " + channel);
          return CompletableFuture.completedFuture(null);
        });
    router.start();
    bus.emit(
        new BusRecord(
            new StreamOffset("7-0"),
            OTHER_NODE,
            new ClusterMessage.LeaveChannelCommand(UserId.of("u2"), channel("chat:r1"))));
    assertThat(evicted).containsExactly("u2 chat:r1");
    assertThat(delivery.deliveries).isEmpty();
    assertThat(delivery.disconnected).isEmpty();
    assertThatThrownBy(
            () -> router.evictLocallyWith((u, c) -> CompletableFuture.completedFuture(null)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aDisconnectCommandIsNotReplayedAsAnEvent() {
    router.start();
    bus.emit(new BusRecord(new StreamOffset("7-0"), NODE, disconnect("c2")));
    assertThat(delivery.disconnected).isEmpty();
  }

  @Test
  void anEventNamedAndAddressedLikeTheOldDisconnectOrderIsOnlyDelivered() {
    sessions.join(conn("c1"), ADMIN_CONNECTIONS, 100);
    router.start();
    done(router.publish(lookalike("c2"), Optional.empty()));
    bus.emit(new BusRecord(new StreamOffset("7-0"), OTHER_NODE, published(lookalike("c2"))));
    assertThat(delivery.disconnected).isEmpty();
    assertThat(delivery.deliveries).hasSize(2);
    assertThat(delivery.deliveries)
        .allSatisfy(
            d -> {
              assertThat(d.targets()).containsExactly(conn("c1"));
              assertThat(d.outbound().event()).isEqualTo("admin_disconnect");
            });
    assertThat(bus.log).extracting(BusRecord::message).containsExactly(published(lookalike("c2")));
  }

  @Test
  void startSubscribesOnceAndCloseUnsubscribes() {
    router.start();
    router.start();
    assertThat(bus.subscribeCalls).isEqualTo(1);
    router.close();
    router.close();
    assertThat(bus.closeCalls).isEqualTo(1);
    bus.emit(
        new BusRecord(
            new StreamOffset("7-0"), OTHER_NODE, published(event("e", "product_x", "product:1"))));
    assertThat(delivery.deliveries).isEmpty();
    router.start();
    assertThat(bus.subscribeCalls).isEqualTo(2);
  }

  @Test
  void closeBeforeStartIsHarmless() {
    router.close();
    assertThat(bus.closeCalls).isZero();
  }

  @Test
  void targetsOfAChannelAndItsRecipientsHoldEachSocketOnceFewOrMany() {
    // c2 is on order:o1 and user:u2; c1 and c1b on user:u1
    Event e = event("e", "order_status_update", "order:o1", "user:u2", "user:u1");
    assertThat(router.targets(e, Optional.empty()))
        .containsExactlyInAnyOrder(conn("c1"), conn("c1b"), conn("c2"));
    assertThat(router.targets(e, Optional.of(conn("c1b"))))
        .containsExactlyInAnyOrder(conn("c1"), conn("c2"));

    List<ConnectionId> expected =
        new java.util.ArrayList<>(List.of(conn("c1"), conn("c1b"), conn("c2")));
    for (int i = 0; i < 20; i++) { // past the list scan's bound: the hash set
      sessions.add(customer("m" + i), info("m" + i, "m" + i, "order:o1", "user:u2"));
      expected.add(conn("m" + i));
    }
    assertThat(router.targets(e, Optional.empty())).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void targetsExcludeOnlyTheExceptedSocket() {
    Event e = event("e", "product_x", "product:1");
    assertThat(router.targets(e, Optional.of(conn("c2")))).containsExactly(conn("c1"));
    assertThat(router.targets(e, Optional.of(conn("c2")))).hasSize(1);
    assertThat(router.targets(e, Optional.of(ConnectionId.of("zz"))))
        .containsExactlyInAnyOrder(conn("c1"), conn("c2"));
  }

  @Test
  void aChannelFanoutIsHandedTheChannelsSnapshotWithoutACopy() {
    Event e = event("e", "product_x", "product:1");
    assertThat(router.targets(e, Optional.empty()))
        .isSameAs(sessions.subscribers(ChannelName.parse("product:1")));
  }

  @Test
  void allButSkipsTheOneLeftOutWhereverItIs() {
    Set<ConnectionId> all = Set.of(conn("a"), conn("b"), conn("c"));
    for (ConnectionId left : all) {
      EventRouter.AllBut view = new EventRouter.AllBut(all, left);
      List<ConnectionId> seen = new ArrayList<>(view);
      assertThat(seen).hasSize(2).doesNotContain(left);
      assertThat(view).hasSize(2);
    }
    Iterator<ConnectionId> single = new EventRouter.AllBut(Set.of(conn("a")), conn("a")).iterator();
    assertThat(single.hasNext()).isFalse();
    assertThatThrownBy(single::next).isInstanceOf(NoSuchElementException.class);
  }

  private static final ChannelName ADMIN_CONNECTIONS = ChannelName.parse("admin:connections");

  private static ClusterMessage published(Event e) {
    return new ClusterMessage.PublishedEvent(e);
  }

  private static ClusterMessage disconnect(String socket) {
    return new ClusterMessage.DisconnectCommand(conn(socket));
  }

  /** What an admin disconnect used to be: an event anyone trusted could publish. */
  private static Event lookalike(String socket) {
    return new Event(
        EventId.of("d-" + socket),
        "admin_disconnect",
        ADMIN_CONNECTIONS,
        JsonValue.JsonObject.builder().put("socket_id", socket).build(),
        MutableClock.DEFAULT_START,
        Priority.CRITICAL,
        Duration.ZERO,
        List.of(),
        false);
  }
}

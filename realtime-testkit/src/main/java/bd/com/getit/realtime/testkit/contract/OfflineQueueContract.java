package bd.com.getit.realtime.testkit.contract;

import static bd.com.getit.realtime.testkit.Stages.join;
import static org.assertj.core.api.Assertions.assertThat;

import bd.com.getit.realtime.domain.Event;
import bd.com.getit.realtime.domain.EventId;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.port.out.Clock;
import bd.com.getit.realtime.port.out.OfflineQueue;
import bd.com.getit.realtime.testkit.Concurrently;
import bd.com.getit.realtime.testkit.MutableClock;
import bd.com.getit.realtime.testkit.TestChannels;
import bd.com.getit.realtime.testkit.TestEvents;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What every {@link OfflineQueue} must do. */
public abstract class OfflineQueueContract {
  private static final UserId ALICE = UserId.of("alice");
  private static final UserId BOB = UserId.of("bob");

  /** The clock tests move; the queue may use it to drop expired events early. */
  protected final MutableClock clock = new MutableClock();

  /** A new, empty queue holding at most {@code capacity} events per user. */
  protected abstract OfflineQueue newQueue(Clock clock, int capacity);

  private Event event(String id) {
    return TestEvents.event()
        .id(id)
        .name("order_update")
        .channel(TestChannels.order())
        .recipients(TestChannels.user(ALICE))
        .at(clock.now())
        .ttl(Duration.ofHours(1))
        .build();
  }

  private static List<String> ids(List<Event> events) {
    return events.stream().map(e -> e.id().value()).toList();
  }

  @Test
  void drainReturnsEventsOldestFirstAndEmptiesTheQueue() {
    OfflineQueue queue = newQueue(clock, 10);
    join(queue.enqueue(ALICE, event("e1")));
    join(queue.enqueue(ALICE, event("e2")));
    join(queue.enqueue(ALICE, event("e3")));

    assertThat(ids(join(queue.drain(ALICE, clock.now())))).containsExactly("e1", "e2", "e3");
    assertThat(join(queue.drain(ALICE, clock.now()))).isEmpty();
    assertThat(join(queue.size(ALICE))).isZero();
  }

  @Test
  void drainKeepsTheEventsWhole() {
    OfflineQueue queue = newQueue(clock, 10);
    Event e = event("e1");
    join(queue.enqueue(ALICE, e));

    assertThat(join(queue.drain(ALICE, clock.now()))).containsExactly(e);
  }

  @Test
  void anUnknownUserHasNothingQueued() {
    OfflineQueue queue = newQueue(clock, 10);

    assertThat(join(queue.drain(BOB, clock.now()))).isEmpty();
    assertThat(join(queue.size(BOB))).isZero();
  }

  @Test
  void sizeCountsQueuedEvents() {
    OfflineQueue queue = newQueue(clock, 10);
    join(queue.enqueue(ALICE, event("e1")));
    join(queue.enqueue(ALICE, event("e2")));

    assertThat(join(queue.size(ALICE))).isEqualTo(2);
  }

  @Test
  void enqueuingTheSameEventIdTwiceStoresItOnce() {
    OfflineQueue queue = newQueue(clock, 10);
    join(queue.enqueue(ALICE, event("e1")));
    join(queue.enqueue(ALICE, event("e1")));

    assertThat(join(queue.size(ALICE))).isEqualTo(1);
    assertThat(ids(join(queue.drain(ALICE, clock.now())))).containsExactly("e1");
  }

  @Test
  void pastCapacityTheOldestEventIsDropped() {
    OfflineQueue queue = newQueue(clock, 3);
    for (int i = 1; i <= 5; i++) {
      join(queue.enqueue(ALICE, event("e" + i)));
    }

    assertThat(join(queue.size(ALICE))).isEqualTo(3);
    assertThat(ids(join(queue.drain(ALICE, clock.now())))).containsExactly("e3", "e4", "e5");
  }

  @Test
  void anEventPastItsTtlIsNeverReturned() {
    OfflineQueue queue = newQueue(clock, 10);
    join(
        queue.enqueue(
            ALICE,
            TestEvents.event().id("short").at(clock.now()).ttl(Duration.ofMinutes(1)).build()));
    join(queue.enqueue(ALICE, event("long")));

    clock.advance(Duration.ofMinutes(2));

    assertThat(ids(join(queue.drain(ALICE, clock.now())))).containsExactly("long");
  }

  @Test
  void anEventIsLiveUpToTheEndOfItsTtl() {
    OfflineQueue queue = newQueue(clock, 10);
    join(
        queue.enqueue(
            ALICE, TestEvents.event().id("e1").at(clock.now()).ttl(Duration.ofMinutes(1)).build()));

    clock.advance(Duration.ofSeconds(59));

    assertThat(ids(join(queue.drain(ALICE, clock.now())))).containsExactly("e1");
  }

  @Test
  void queuesArePerUser() {
    OfflineQueue queue = newQueue(clock, 10);
    join(queue.enqueue(ALICE, event("for-alice")));
    join(queue.enqueue(BOB, event("for-bob")));

    assertThat(ids(join(queue.drain(BOB, clock.now())))).containsExactly("for-bob");
    assertThat(ids(join(queue.drain(ALICE, clock.now())))).containsExactly("for-alice");
  }

  @Test
  void concurrentEnqueuesAreAllKept() {
    OfflineQueue queue = newQueue(clock, 1_000);
    AtomicInteger ids = new AtomicInteger();
    Concurrently.run(
        4,
        () -> {
          for (int i = 0; i < 50; i++) {
            join(queue.enqueue(ALICE, event("e" + ids.incrementAndGet())));
          }
        });

    assertThat(join(queue.drain(ALICE, clock.now()))).hasSize(200);
  }

  @Test
  void twoConcurrentDrainsNeverBothReturnAnEvent() {
    OfflineQueue queue = newQueue(clock, 10_000);
    int total = 300;
    AtomicBoolean producing = new AtomicBoolean(true);
    AtomicInteger roles = new AtomicInteger();
    List<List<EventId>> drained =
        Concurrently.call(
            3,
            () -> {
              List<EventId> mine = new ArrayList<>();
              if (roles.getAndIncrement() == 0) {
                for (int i = 0; i < total; i++) {
                  join(queue.enqueue(ALICE, event("e" + i)));
                }
                producing.set(false);
                return mine;
              }
              while (producing.get() || join(queue.size(ALICE)) > 0) {
                join(queue.drain(ALICE, clock.now())).forEach(e -> mine.add(e.id()));
              }
              return mine;
            });

    List<EventId> all = new ArrayList<>();
    drained.forEach(all::addAll);
    Set<EventId> distinct = new HashSet<>(all);
    assertThat(all).hasSize(total);
    assertThat(distinct).hasSize(total);
  }
}

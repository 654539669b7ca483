package bd.com.getit.realtime.adapter.memory;

import static bd.com.getit.realtime.testkit.Stages.join;
import static org.assertj.core.api.Assertions.assertThat;

import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.port.out.Clock;
import bd.com.getit.realtime.port.out.OfflineQueue;
import bd.com.getit.realtime.testkit.MutableClock;
import bd.com.getit.realtime.testkit.TestEvents;
import bd.com.getit.realtime.testkit.contract.OfflineQueueContract;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InMemoryOfflineQueueTest extends OfflineQueueContract {

  @Override
  protected OfflineQueue newQueue(Clock clock, int capacity) {
    return new InMemoryOfflineQueue(clock, capacity);
  }

  @Test
  void sizeLeavesOutExpiredEvents() {
    MutableClock time = new MutableClock();
    InMemoryOfflineQueue queue = new InMemoryOfflineQueue(time, 10);
    UserId alice = UserId.of("alice");
    join(
        queue.enqueue(alice, TestEvents.event().at(time.now()).ttl(Duration.ofMinutes(1)).build()));
    join(queue.enqueue(alice, TestEvents.event().at(time.now()).ttl(Duration.ofHours(1)).build()));

    time.advance(Duration.ofMinutes(2));

    assertThat(join(queue.size(alice))).isEqualTo(1);
  }

  @Test
  void anAlreadyExpiredEventIsNotQueued() {
    MutableClock time = new MutableClock();
    InMemoryOfflineQueue queue = new InMemoryOfflineQueue(time, 10);
    UserId alice = UserId.of("alice");
    time.advance(Duration.ofHours(2));

    join(
        queue.enqueue(
            alice,
            TestEvents.event().at(MutableClock.DEFAULT_START).ttl(Duration.ofMinutes(1)).build()));

    assertThat(queue.users()).isZero();
  }

  @Test
  void queuesOfUsersWhoNeverReturnAreSweptOnceExpired() {
    MutableClock time = new MutableClock();
    InMemoryOfflineQueue queue = new InMemoryOfflineQueue(time, 10);
    for (int i = 0; i < 2_000; i++) {
      join(
          queue.enqueue(
              UserId.of("user-" + i),
              TestEvents.event().at(time.now()).ttl(Duration.ofMinutes(1)).build()));
    }
    assertThat(queue.users()).isEqualTo(2_000);

    time.advance(Duration.ofMinutes(2));
    join(
        queue.enqueue(
            UserId.of("fresh"),
            TestEvents.event().at(time.now()).ttl(Duration.ofMinutes(1)).build()));

    assertThat(queue.users()).isEqualTo(1);
  }
}

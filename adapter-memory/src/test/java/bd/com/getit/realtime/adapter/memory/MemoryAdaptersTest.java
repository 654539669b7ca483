package bd.com.getit.realtime.adapter.memory;

import static bd.com.getit.realtime.testkit.Stages.join;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bd.com.getit.realtime.domain.NodeId;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.testkit.MutableClock;
import bd.com.getit.realtime.testkit.TestEvents;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class MemoryAdaptersTest {

  @Test
  void buildsWorkingAdaptersSizedAsAsked() {
    MutableClock clock = new MutableClock();
    try (MemoryAdapters adapters =
        MemoryAdapters.create(clock, MemoryAdapters.Sizes.DEFAULTS.withOfflineQueueCapacity(2))) {
      UserId alice = UserId.of("alice");
      for (int i = 0; i < 3; i++) {
        join(
            adapters
                .offlineQueue()
                .enqueue(
                    alice, TestEvents.event().at(clock.now()).ttl(Duration.ofHours(1)).build()));
      }

      assertThat(join(adapters.offlineQueue().size(alice))).isEqualTo(2);
      assertThat(join(adapters.deduplicationStore().firstSeen("k", Duration.ofSeconds(1))))
          .isTrue();
      assertThat(join(adapters.clusterBus().latest())).isEmpty();
      assertThat(adapters.connectionRegistry()).isInstanceOf(InMemoryConnectionRegistry.class);
      assertThat(adapters.presenceStore()).isInstanceOf(InMemoryPresenceStore.class);
      assertThat(adapters.rateLimitStore()).isInstanceOf(InMemoryRateLimitStore.class);
      assertThat(adapters.chatRepository()).isInstanceOf(InMemoryChatRepository.class);
      assertThat(adapters.notificationRepository())
          .isInstanceOf(InMemoryNotificationRepository.class);
      assertThat(adapters.eventLog()).isInstanceOf(InMemoryEventLog.class);
      assertThat(adapters.recoveryStore()).isInstanceOf(InMemoryRecoveryStore.class);
    }
  }

  @Test
  void closingClosesTheBus() {
    MemoryAdapters adapters = MemoryAdapters.create(new MutableClock());

    adapters.close();
    adapters.close();

    assertThatThrownBy(
            () ->
                adapters
                    .clusterBus()
                    .publish(NodeId.of("n1"), TestEvents.published("e1"))
                    .toCompletableFuture()
                    .join())
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(IllegalStateException.class);
  }

  @Test
  void sizesRejectNonsense() {
    assertThatThrownBy(() -> MemoryAdapters.Sizes.DEFAULTS.withOfflineQueueCapacity(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MemoryAdapters.Sizes.DEFAULTS.withBusRetention(10, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

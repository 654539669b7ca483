package bd.com.getit.realtime.adapter.redis;

import static bd.com.getit.realtime.testkit.Stages.join;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bd.com.getit.realtime.domain.JsonValue.JsonObject;
import bd.com.getit.realtime.domain.LocalizedText;
import bd.com.getit.realtime.domain.NotificationId;
import bd.com.getit.realtime.domain.Priority;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.notification.Notification;
import bd.com.getit.realtime.domain.notification.NotificationStatus;
import bd.com.getit.realtime.port.out.NotificationRepository;
import bd.com.getit.realtime.testkit.MutableClock;
import bd.com.getit.realtime.testkit.contract.NotificationRepositoryContract;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisNotificationRepositoryTest extends NotificationRepositoryContract {
  @RegisterExtension static final TestRedis redis = new TestRedis();

  private static final Duration TTL = Duration.ofDays(30);
  private static final UserId ALICE = UserId.of("alice");

  @Override
  protected NotificationRepository newRepository() {
    return new RedisNotificationRepository(redis.fresh(), new MutableClock(), 500, TTL);
  }

  private static Notification notification(String id, UserId user, Instant at) {
    return new Notification(
        NotificationId.of(id),
        user,
        "price_drop",
        LocalizedText.of("Price dropped", "দাম কমেছে"),
        LocalizedText.of("Now Tk 12,499", "এখন ৳১২,৪৯৯"),
        JsonObject.builder().put("product_id", "p-1").build(),
        Optional.empty(),
        Priority.MEDIUM,
        NotificationStatus.SENT,
        Map.of(NotificationStatus.SENT, at));
  }

  private static List<String> ids(List<Notification> list) {
    return list.stream().map(n -> n.id().value()).toList();
  }

  @Test
  void aStatusChangeOnOneNodeIsSeenOnAnother() {
    Redis shared = redis.fresh();
    MutableClock clock = new MutableClock();
    NotificationRepository node1 = new RedisNotificationRepository(shared, clock, 500, TTL);
    NotificationRepository node2 = new RedisNotificationRepository(shared, clock, 500, TTL);
    Notification n = notification("n1", ALICE, clock.now());
    join(node1.save(n));
    join(node2.save(n.advance(NotificationStatus.DELIVERED, clock.now().plusSeconds(1))));
    Notification read =
        join(node1.find(n.id())).orElseThrow().advance(NotificationStatus.READ, clock.now());
    join(node1.save(read));

    assertThat(join(node2.find(n.id()))).contains(read);
    assertThat(join(node2.unreadCount(ALICE))).isZero();
    assertThat(join(node2.list(ALICE, false, 10))).containsExactly(read);
  }

  @Test
  void aStatusNeverMovesBackWhicheverNodeSavesLast() {
    Redis shared = redis.fresh();
    MutableClock clock = new MutableClock();
    NotificationRepository node1 = new RedisNotificationRepository(shared, clock, 500, TTL);
    NotificationRepository node2 = new RedisNotificationRepository(shared, clock, 500, TTL);
    Notification sent = notification("n1", ALICE, clock.now());
    join(node1.save(sent));
    Notification clicked = sent.advance(NotificationStatus.CLICKED, clock.now().plusSeconds(2));

    join(node2.save(clicked));
    join(node1.save(sent.advance(NotificationStatus.READ, clock.now().plusSeconds(1))));

    assertThat(join(node1.find(sent.id()))).contains(clicked);
    assertThat(join(node1.unreadCount(ALICE))).isZero();
    assertThat(join(node1.list(ALICE, false, 10))).containsExactly(clicked);
  }

  @Test
  void aUserKeepsOnlyTheNewestUpToTheCap() {
    MutableClock clock = new MutableClock();
    NotificationRepository repo = new RedisNotificationRepository(redis.fresh(), clock, 2, TTL);
    for (int i = 1; i <= 3; i++) {
      join(repo.save(notification("n" + i, ALICE, clock.now().plusSeconds(i))));
    }

    assertThat(ids(join(repo.list(ALICE, false, 10)))).containsExactly("n3", "n2");
    assertThat(ids(join(repo.list(ALICE, true, 10)))).containsExactly("n3", "n2");
    assertThat(join(repo.unreadCount(ALICE))).isEqualTo(2L);
    assertThat(join(repo.find(NotificationId.of("n1")))).as("trimmed with its hash").isEmpty();
  }

  @Test
  void notificationsOlderThanTheTtlAreNeitherListedNorCounted() {
    MutableClock clock = new MutableClock();
    NotificationRepository repo = new RedisNotificationRepository(redis.fresh(), clock, 500, TTL);
    join(repo.save(notification("old", ALICE, clock.now())));
    clock.advance(TTL.plusSeconds(1));
    join(repo.save(notification("new", ALICE, clock.now())));

    assertThat(ids(join(repo.list(ALICE, false, 10)))).containsExactly("new");
    assertThat(join(repo.unreadCount(ALICE))).isEqualTo(1L);
  }

  @Test
  void everyKeyExpires() {
    Redis keys = redis.fresh();
    MutableClock clock = new MutableClock();
    NotificationRepository repo = new RedisNotificationRepository(keys, clock, 500, TTL);
    join(repo.save(notification("n1", ALICE, clock.now())));

    for (String key :
        List.of("NOTIFICATION:n1", "USER_NOTIFICATIONS:alice", "USER_UNREAD_NOTIFICATIONS:alice")) {
      long ttl = join(keys.call(c -> c.pttl(keys.key(key))));
      assertThat(ttl).as(key).isPositive().isLessThanOrEqualTo(TTL.toMillis() + 1);
    }
  }

  @Test
  void aZeroLimitListsNothingAndANegativeOneIsRejected() {
    NotificationRepository repo = newRepository();
    join(repo.save(notification("n1", ALICE, MutableClock.DEFAULT_START)));

    assertThat(join(repo.list(ALICE, false, 0))).isEmpty();
    assertThatThrownBy(() -> repo.list(ALICE, false, -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new RedisNotificationRepository(redis.fresh(), new MutableClock(), 0, TTL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxPerUser");
  }
}

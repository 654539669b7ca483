package bd.com.getit.realtime.adapter.redis;

import static bd.com.getit.realtime.testkit.Stages.join;
import static org.assertj.core.api.Assertions.assertThat;

import bd.com.getit.realtime.domain.EventId;
import bd.com.getit.realtime.domain.LocalizedText;
import bd.com.getit.realtime.domain.notification.Announcement;
import bd.com.getit.realtime.port.out.AnnouncementStore;
import bd.com.getit.realtime.testkit.MutableClock;
import bd.com.getit.realtime.testkit.contract.AnnouncementStoreContract;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisAnnouncementStoreTest extends AnnouncementStoreContract {
  @RegisterExtension static final TestRedis redis = new TestRedis();

  @Override
  protected AnnouncementStore newStore(int max) {
    return new RedisAnnouncementStore(redis.fresh(), max);
  }

  @Test
  void anAnnouncementMadeOnOneNodeIsActiveOnAnother() {
    Redis shared = redis.fresh();
    AnnouncementStore node1 = new RedisAnnouncementStore(shared, 10);
    AnnouncementStore node2 = new RedisAnnouncementStore(shared, 10);
    Instant now = MutableClock.DEFAULT_START;
    Announcement a =
        new Announcement(
            EventId.of("eid-1"),
            "sale",
            LocalizedText.of("Flash sale at 8 PM", "রাত ৮টায় ফ্ল্যাশ সেল"),
            LocalizedText.of("Up to 50% off", "৫০% পর্যন্ত ছাড়"),
            now,
            Optional.of(now.plus(Duration.ofHours(2))));

    join(node1.save(a));

    assertThat(join(node2.active(now.plusSeconds(1)))).containsExactly(a);
  }
}

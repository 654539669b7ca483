package bd.com.getit.realtime.adapter.redis;

import static bd.com.getit.realtime.testkit.Stages.join;
import static org.assertj.core.api.Assertions.assertThat;

import bd.com.getit.realtime.domain.Event;
import bd.com.getit.realtime.domain.EventRecord;
import bd.com.getit.realtime.port.out.EventLog;
import bd.com.getit.realtime.testkit.MutableClock;
import bd.com.getit.realtime.testkit.TestEvents;
import bd.com.getit.realtime.testkit.contract.EventLogContract;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisEventLogTest extends EventLogContract {
  @RegisterExtension static final TestRedis redis = new TestRedis();

  private static final Duration RETENTION = Duration.ofDays(1);

  @Override
  protected EventLog newLog() {
    return new RedisEventLog(redis.fresh(), new MutableClock(), RETENTION);
  }

  private static Event persisted(String id, MutableClock clock) {
    return TestEvents.event().id(id).persist(true).at(clock.now()).build();
  }

  @Test
  void deliveriesCountedOnEveryNodeAddUp() {
    Redis shared = redis.fresh();
    MutableClock clock = new MutableClock();
    EventLog origin = new RedisEventLog(shared, clock, RETENTION);
    EventLog other = new RedisEventLog(shared, clock, RETENTION);
    Event e = persisted("e1", clock);
    join(origin.record(e));

    join(origin.countDeliveries(e.id(), 3, 0));
    join(other.countDeliveries(e.id(), 4, 1));

    assertThat(join(other.find(e.id()))).contains(new EventRecord(e, 7, 1));
  }

  @Test
  void deliveriesCountedOnAnotherNodeBeforeTheRecordLandsAreKept() {
    Redis shared = redis.fresh();
    MutableClock clock = new MutableClock();
    EventLog origin = new RedisEventLog(shared, clock, RETENTION);
    EventLog other = new RedisEventLog(shared, clock, RETENTION);
    Event e = persisted("e1", clock);

    join(other.countDeliveries(e.id(), 4, 1));
    assertThat(join(origin.find(e.id()))).as("not shown before it is recorded").isEmpty();
    join(origin.record(e));
    join(origin.countDeliveries(e.id(), 3, 0));

    assertThat(join(other.find(e.id()))).contains(new EventRecord(e, 7, 1));
    long ttl = join(shared.call(c -> c.pttl(shared.key("EVENT:e1"))));
    assertThat(ttl).isPositive().isLessThanOrEqualTo(RETENTION.toMillis());
  }

  @Test
  void aRecordExpiresAfterTheRetentionFromTheEventsTime() {
    Redis keys = redis.fresh();
    MutableClock clock = new MutableClock();
    EventLog log = new RedisEventLog(keys, clock, RETENTION);
    join(log.record(persisted("e1", clock)));

    long ttl = join(keys.call(c -> c.pttl(keys.key("EVENT:e1"))));
    assertThat(ttl).isPositive().isLessThanOrEqualTo(RETENTION.toMillis());
  }
}

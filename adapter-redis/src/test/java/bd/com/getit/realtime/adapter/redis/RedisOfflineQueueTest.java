package bd.com.getit.realtime.adapter.redis;

import bd.com.getit.realtime.port.out.Clock;
import bd.com.getit.realtime.port.out.OfflineQueue;
import bd.com.getit.realtime.testkit.contract.OfflineQueueContract;
import java.time.Duration;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisOfflineQueueTest extends OfflineQueueContract {
  @RegisterExtension static final TestRedis redis = new TestRedis();

  @Override
  protected OfflineQueue newQueue(Clock clock, int capacity) {
    return new RedisOfflineQueue(redis.fresh(), clock, capacity, Duration.ofDays(1));
  }
}

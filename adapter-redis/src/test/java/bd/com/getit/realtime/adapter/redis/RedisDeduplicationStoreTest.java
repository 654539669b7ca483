package bd.com.getit.realtime.adapter.redis;

import bd.com.getit.realtime.port.out.Clock;
import bd.com.getit.realtime.port.out.DeduplicationStore;
import bd.com.getit.realtime.testkit.contract.DeduplicationStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisDeduplicationStoreTest extends DeduplicationStoreContract {
  @RegisterExtension static final TestRedis redis = new TestRedis();

  @Override
  protected DeduplicationStore newStore(Clock clock) {
    return new RedisDeduplicationStore(redis.fresh(), clock);
  }
}

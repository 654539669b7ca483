package bd.com.getit.realtime.adapter.redis;

import bd.com.getit.realtime.port.out.RateLimitStore;
import bd.com.getit.realtime.testkit.contract.RateLimitStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisRateLimitStoreTest extends RateLimitStoreContract {
  @RegisterExtension static final TestRedis redis = new TestRedis();

  @Override
  protected RateLimitStore newStore() {
    return new RedisRateLimitStore(redis.fresh());
  }
}

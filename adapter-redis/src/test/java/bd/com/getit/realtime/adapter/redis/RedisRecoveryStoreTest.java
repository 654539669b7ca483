package bd.com.getit.realtime.adapter.redis;

import bd.com.getit.realtime.port.out.Clock;
import bd.com.getit.realtime.port.out.RecoveryStore;
import bd.com.getit.realtime.testkit.contract.RecoveryStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisRecoveryStoreTest extends RecoveryStoreContract {
  @RegisterExtension static final TestRedis redis = new TestRedis();

  @Override
  protected RecoveryStore newStore(Clock clock) {
    return new RedisRecoveryStore(redis.fresh(), clock);
  }
}

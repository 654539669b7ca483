package bd.com.getit.realtime.adapter.redis;

import bd.com.getit.realtime.port.out.PresenceStore;
import bd.com.getit.realtime.testkit.contract.PresenceStoreContract;
import java.time.Duration;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisPresenceStoreTest extends PresenceStoreContract {
  @RegisterExtension static final TestRedis redis = new TestRedis();

  @Override
  protected PresenceStore newStore() {
    return new RedisPresenceStore(redis.fresh(), Duration.ofDays(1));
  }
}

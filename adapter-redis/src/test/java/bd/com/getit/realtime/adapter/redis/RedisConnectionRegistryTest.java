package bd.com.getit.realtime.adapter.redis;

import bd.com.getit.realtime.port.out.ConnectionRegistry;
import bd.com.getit.realtime.testkit.contract.ConnectionRegistryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisConnectionRegistryTest extends ConnectionRegistryContract {
  @RegisterExtension static final TestRedis redis = new TestRedis();

  @Override
  protected ConnectionRegistry newRegistry() {
    return new RedisConnectionRegistry(redis.fresh());
  }
}

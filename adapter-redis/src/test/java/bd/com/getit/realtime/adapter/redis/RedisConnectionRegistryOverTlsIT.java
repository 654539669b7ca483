package bd.com.getit.realtime.adapter.redis;

import bd.com.getit.realtime.port.out.ConnectionRegistry;
import bd.com.getit.realtime.testkit.contract.ConnectionRegistryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The connection registry contract (Lua scripts, pooled calls) over mutual TLS. */
class RedisConnectionRegistryOverTlsIT extends ConnectionRegistryContract {
  @RegisterExtension static final TestTlsRedis redis = new TestTlsRedis();

  @Override
  protected ConnectionRegistry newRegistry() {
    return new RedisConnectionRegistry(redis.fresh());
  }
}

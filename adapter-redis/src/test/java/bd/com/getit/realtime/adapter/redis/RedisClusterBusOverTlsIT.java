package bd.com.getit.realtime.adapter.redis;

import bd.com.getit.realtime.port.out.ClusterBus;
import bd.com.getit.realtime.testkit.contract.ClusterBusContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The cluster bus contract over mutual TLS: the blocking stream reader included. */
class RedisClusterBusOverTlsIT extends ClusterBusContract {
  @RegisterExtension static final TestTlsRedis redis = new TestTlsRedis();

  @Override
  protected ClusterBus newBus(int retainedRecords) {
    return new RedisClusterBus(redis.fresh(), retainedRecords, 200);
  }
}

package bd.com.getit.realtime.adapter.redis;

import bd.com.getit.realtime.port.out.ClusterBus;
import bd.com.getit.realtime.testkit.contract.ClusterBusContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisClusterBusTest extends ClusterBusContract {
  @RegisterExtension static final TestRedis redis = new TestRedis();

  @Override
  protected ClusterBus newBus(int retainedRecords) {
    return new RedisClusterBus(redis.fresh(), retainedRecords, 200);
  }
}

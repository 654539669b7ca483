package bd.com.getit.realtime.adapter.redis;

import bd.com.getit.realtime.port.out.Clock;
import bd.com.getit.realtime.port.out.ClusterMembership;
import bd.com.getit.realtime.testkit.contract.ClusterMembershipContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisClusterMembershipTest extends ClusterMembershipContract {
  @RegisterExtension static final TestRedis redis = new TestRedis();

  @Override
  protected ClusterMembership newMembership(Clock clock) {
    return new RedisClusterMembership(redis.fresh(), clock);
  }
}

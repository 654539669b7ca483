package bd.com.getit.realtime.adapter.redis;

import bd.com.getit.realtime.port.out.Clock;
import bd.com.getit.realtime.port.out.NodeDirectory;
import bd.com.getit.realtime.testkit.contract.NodeDirectoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisNodeDirectoryTest extends NodeDirectoryContract {
  @RegisterExtension static final TestRedis redis = new TestRedis();

  @Override
  protected NodeDirectory newDirectory(Clock clock) {
    return new RedisNodeDirectory(redis.fresh(), clock);
  }
}

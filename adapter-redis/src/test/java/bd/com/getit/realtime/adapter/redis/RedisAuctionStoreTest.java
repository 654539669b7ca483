package bd.com.getit.realtime.adapter.redis;

import bd.com.getit.realtime.port.out.AuctionStore;
import bd.com.getit.realtime.testkit.contract.AuctionStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisAuctionStoreTest extends AuctionStoreContract {
  @RegisterExtension static final TestRedis redis = new TestRedis();

  @Override
  protected AuctionStore newStore() {
    return new RedisAuctionStore(redis.fresh());
  }
}
